/** A comment as the translation pipeline needs it. */
export type CommentToTranslate = { id: string; body: string; language: string };

export class TranslationUnavailable extends Error {
  override readonly name = "TranslationUnavailable";
}

/**
 * INTEGRATION POINT with the translation pipeline (issue 3): translates one
 * comment's body into `language` and resolves with the translated text, or
 * rejects when it cannot. A live thread calls this at most once per comment
 * revision and language, caches the outcome in its own storage, and never lets
 * a viewer wait on it longer than TRANSLATION_WAIT_MS: a comment that could not
 * be translated is sent with `translation: { status: "failed" }`.
 *
 * The pipeline is not part of this branch, so for now every translation is
 * reported unavailable. Wire it here, e.g. by returning the pipeline's cached
 * translation of `comment.body` from `comment.language` into `language`.
 */
export async function translateForThread(_env: Env, comment: CommentToTranslate, language: string): Promise<string> {
  throw new TranslationUnavailable(`No translation pipeline in this build (${comment.language} → ${language})`);
}
