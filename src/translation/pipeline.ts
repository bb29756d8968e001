import type { Db } from "../db/client";
import { glossaryVersion, loadGlossary } from "../glossary/terms-in-text";
import { enforceLimit } from "../lib/rate-limit";
import { configuredEngines } from "./engines";
import { readerLanguage } from "./reader-language";
import type { Translatable } from "./store";
import { type TranslationResult, translateTexts } from "./translate";

const DEFAULT_TIMEOUT_MS = 8000;

export type PipelineOptions = {
  pinyin: boolean;
  /** Who pays for engine calls: cache hits are free, misses count against this key's limit; none for live threads. */
  limitKey: string | null;
  waitUntil: (promise: Promise<unknown>) => void;
};

/**
 * The one way into translation, for REST readers and live threads alike: the
 * deployment's engine chain, the glossary at `item`'s version, the KV snippet
 * cache and the per-key engine limit. Throws ApiError for an unsupported target.
 */
export async function runTranslation(
  env: Env,
  db: Db,
  item: Translatable,
  requestedLanguage: string,
  options: PipelineOptions,
): Promise<{ target: string; result: TranslationResult }> {
  const engines = configuredEngines(env);
  // A note with sentences in several languages calls the chain once per language: charge the limit once.
  let charged: Promise<void> | undefined;
  const target = readerLanguage(requestedLanguage, engines);
  const result = await translateTexts({
    texts: item.texts,
    language: item.language,
    target,
    pinyin: options.pinyin,
    engines,
    glossary: await loadGlossary(db, item.glossaryVersion),
    kv: env.TRANSLATIONS,
    timeoutMs: Number(env.TRANSLATION_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
    beforeEngineCall: () => (charged ??= options.limitKey ? enforceLimit(env.TRANSLATION_LIMITER, options.limitKey, 60) : Promise.resolve()),
    waitUntil: options.waitUntil,
  });
  return { target, result };
}

/** The glossary version to translate against, for callers that read the text themselves. */
export async function currentGlossaryVersion(db: Db): Promise<number> {
  return (await glossaryVersion(db).get())?.version ?? 0;
}
