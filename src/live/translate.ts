import { createDb } from "../db/client";
import { currentGlossaryVersion, runTranslation } from "../translation/pipeline";

/** A comment as the translation pipeline needs it. */
export type CommentToTranslate = { id: string; noteId: string; body: string; language: string };

/**
 * Translates one comment's body into a live viewer's language through the same
 * pipeline as one-click translation (engine chain, glossary, KV snippet cache),
 * so a comment read live and then tapped to translate costs one engine call.
 * A thread calls this at most once per comment revision and language; engine
 * calls count against the thread's note, not against any viewer. Rejects when
 * the language is unsupported or no engine can answer.
 */
export async function translateForThread(
  env: Env,
  comment: CommentToTranslate,
  language: string,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<string> {
  const db = createDb(env.DB);
  const item = {
    language: comment.language,
    texts: [{ field: "body", text: comment.body }],
    glossaryVersion: await currentGlossaryVersion(db),
  };
  const { result } = await runTranslation(env, db, item, language, {
    pinyin: false,
    limitKey: `thread:${comment.noteId}`,
    waitUntil,
  });
  return result.texts[0]?.translated ?? comment.body;
}
