import type { Db } from "../db/client";
import { glossaryVersion, loadGlossary } from "../glossary/terms-in-text";
import { configuredEngines } from "./engines";
import { readerLanguage } from "./reader-language";
import type { Translatable } from "./store";
import { type TranslationResult, translateTexts } from "./translate";

const DEFAULT_TIMEOUT_MS = 8000;

export type PipelineOptions = {
  pinyin: boolean;
  /** Charges the caller's translation budget before the first engine call (cache hits are free); null for live threads. */
  chargeLimit: (() => Promise<void>) | null;
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
    beforeEngineCall: () => (charged ??= options.chargeLimit ? options.chargeLimit() : Promise.resolve()),
    waitUntil: options.waitUntil,
  });
  return { target, result };
}

/** The glossary version to translate against, for callers that read the text themselves. */
export async function currentGlossaryVersion(db: Db): Promise<number> {
  return (await glossaryVersion(db).get())?.version ?? 0;
}
