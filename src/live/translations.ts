import type { CommentView } from "../comments/schemas";
import { createDb } from "../db/client";
import { ApiError } from "../lib/errors";
import { currentGlossaryVersion, runTranslation } from "../translation/pipeline";
import { TRANSLATION_RETRY_MS, TRANSLATION_WAIT_MS } from "./limits";
import type { ThreadStorage } from "./thread-storage";

export type Translation =
  | { language: string; status: "translated"; body: string }
  | { language: string; status: "failed" };

/** Language and script, so `en` and `en-US` match but `zh-Hans` and `zh-Hant` don't. */
function languageAndScript(tag: string): string {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return `${locale.language}-${locale.script}`;
  } catch {
    return tag;
  }
}

/** Text with no language (emoji, numbers) or already in the viewer's language needs no translation. */
export const needsTranslation = (from: string, to: string) =>
  from !== "und" && languageAndScript(from) !== languageAndScript(to);

/**
 * Translates one comment's body into a live viewer's language through the same
 * pipeline as one-click translation (engine chain, glossary, KV snippet cache),
 * so a comment read live and then tapped to translate costs one engine call.
 * A thread calls this at most once per comment revision and language, so its
 * engine cost is bounded by the comments written (each writer is rate-limited)
 * times the languages watched; it is charged to no one, since a per-thread
 * limit would fail most translations on exactly the busy threads that need them.
 * Rejects when the language is unsupported or no engine can answer.
 */
async function translateForThread(
  env: Env,
  comment: { body: string; language: string },
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
    chargeLimit: null,
    waitUntil,
  });
  return result.texts[0]?.translated ?? comment.body;
}

/** Resolves with `promise`, or with `fallback` after `ms`, whichever comes first. */
function withDeadline<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer ?? null));
}

/**
 * Attaches translations to the comments a thread sends. Each comment revision
 * is translated once per language, whatever the number of viewers: outcomes
 * are cached in the thread's storage and requests in flight are shared.
 */
export class ThreadTranslator {
  private readonly inFlight = new Map<string, Promise<Translation>>();

  constructor(
    private readonly env: Env,
    private readonly storage: ThreadStorage,
    private readonly waitUntil: (promise: Promise<unknown>) => void,
  ) {}

  /** The JSON message with a `translation` on every comment in it that needs one. */
  async annotate(message: string, language: string): Promise<string> {
    const parsed = JSON.parse(message) as {
      comment?: CommentView;
      comments?: { items: (CommentView & { firstReplies: CommentView[] })[] } | null;
    };
    const comments = [
      ...(parsed.comment ? [parsed.comment] : []),
      ...(parsed.comments?.items.flatMap((comment) => [comment, ...comment.firstReplies]) ?? []),
    ];
    const needing = comments.filter((comment) => needsTranslation(comment.language, language));
    if (needing.length === 0) return message;
    await Promise.all(
      needing.map(async (comment) => {
        Object.assign(comment, { translation: await this.translation(comment, language) });
      }),
    );
    return JSON.stringify(parsed);
  }

  private translation(comment: CommentView, language: string): Promise<Translation> {
    const failed: Translation = { language, status: "failed" };
    const cached = this.storage.translation(comment.id, language, comment.updatedAt);
    if (cached?.body != null) return Promise.resolve({ language, status: "translated", body: cached.body });
    if (cached?.failedAt != null && Date.now() - cached.failedAt < TRANSLATION_RETRY_MS) return Promise.resolve(failed);
    const key = `${comment.id} ${comment.updatedAt} ${language}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.translate(comment, language).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return withDeadline(pending, TRANSLATION_WAIT_MS, failed);
  }

  private async translate(comment: CommentView, language: string): Promise<Translation> {
    try {
      const body = await translateForThread(this.env, comment, language, this.waitUntil);
      this.storage.saveTranslation(comment.id, language, comment.updatedAt, { body, failedAt: null });
      return { language, status: "translated", body };
    } catch (error) {
      this.storage.saveTranslation(comment.id, language, comment.updatedAt, { body: null, failedAt: Date.now() });
      // An unsupported language or engines that are all down are expected; anything else is a bug.
      if (!(error instanceof ApiError)) {
        console.warn(JSON.stringify({ level: "warn", event: "thread_translation_failed", commentId: comment.id, language, error: String(error) }));
      }
      return { language, status: "failed" };
    }
  }
}
