import type { Db } from "../db/client";
import type { ThreadStorage } from "./thread-storage";
import { addLiveThread, removeLiveThread } from "./watching";

/**
 * Whether one thread is watched (src/live/watching.ts): its own flag and D1's
 * live_threads row, changed one change at a time, so a start and a stop never
 * interleave across their D1 awaits.
 */
export class ThreadWatching {
  private changes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly storage: ThreadStorage,
    private readonly thread: {
      /** Sockets open on the thread, live or joining. */
      viewers: () => number;
      /** Called once watching starts: what was read before is stale. */
      started: () => void;
      /** Takes the outbox rows committed so far into the log and forgets them in D1. */
      drain: () => Promise<void>;
    },
  ) {}

  /** Before a viewer's first page is read: from the D1 row on, every change is queued for this thread. */
  start(noteId: string): Promise<void> {
    return this.serially(async () => {
      if (this.storage.watching) return;
      await addLiveThread(this.db, noteId);
      this.storage.startWatching();
      this.thread.started();
    });
  }

  /** A sweep after the last viewer left: no more outbox rows or calls for this note until someone comes. */
  stopIfAlone(noteId: string): Promise<void> {
    return this.serially(async () => {
      if (this.thread.viewers() > 0) return;
      // Stopped here first: a crash before the D1 delete leaves a row too many (writers call in vain, and the
      // next call removes it), never one too few.
      if (this.storage.watching) this.storage.stopWatching();
      await removeLiveThread(this.db, noteId);
      // Rows committed before the delete are taken and forgotten, so none stays in D1.
      await this.thread.drain();
    });
  }

  private serially(change: () => Promise<void>): Promise<void> {
    const run = this.changes.then(change);
    this.changes = run.catch(() => undefined);
    return run;
  }
}
