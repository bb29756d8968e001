import type { CommentView } from "../comments/schemas";

/**
 * Tells a note's live thread that D1 holds changes for it (comments, likes,
 * receipts, the note's deletion), after they are committed. It never fails
 * the caller: comment and receipt changes wait in the thread outbox, so one
 * that is not announced now reaches viewers at the thread's next pull (the
 * next change, the next viewer joining, or its periodic sweep). A comment
 * just created can be passed along, sparing the thread a read of it.
 * Callers hand it to `waitUntil`: the writer's answer doesn't wait for the
 * fan-out (measured: at 1,000 viewers that wait was 60 ms of a comment POST).
 */
export async function notifyThread(env: Env, noteId: string, created?: CommentView): Promise<void> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await env.NOTE_THREAD.getByName(noteId).changed(noteId, created);
      return;
    } catch (error) {
      if (attempt === 2) {
        console.error(JSON.stringify({ level: "warn", event: "thread_notify_failed", noteId, error: String(error) }));
      }
    }
  }
}
