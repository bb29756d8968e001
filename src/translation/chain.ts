/*
 * The fallback chain: engines in configured order, each first through the
 * snippet cache. A timeout, 429, 5xx, DeepL's quota error or a garbled answer
 * moves on to the next engine; one engine answers for the whole request, so a
 * note never mixes engines. Nothing is cached unless the whole answer is sound.
 */
import { placeholdersIntact } from "../glossary/terms-in-text";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import { hasControlCharacters } from "../lib/text";
import { isAvailable, recordFailure, recordSuccess, secondsUntilRetry } from "./breaker";
import { cacheKey, readSnippets, writeSnippets } from "./cache";
import { type Engine, EngineFailure, failureForError } from "./engines/engine";

export type ChainRequest = {
  kv: KVNamespace;
  engines: Engine[];
  source: string;
  target: string;
  /** Distinct segments, glossary terms already replaced by placeholders. */
  segments: string[];
  timeoutMs: number;
  /** Runs before an engine call (not for cache hits): the rate limit, charged once per request by its caller. */
  beforeEngineCall: () => Promise<void>;
  /** Keeps work going after the response is sent (the cache writes). */
  waitUntil: (promise: Promise<unknown>) => void;
};

export type ChainResult = { engine: Engine; outputs: string[]; cached: boolean[] };

/** Segments per engine call: DeepL takes at most 50 texts a request. */
const ENGINE_BATCH = 50;

/** Refuses answers that would store garbage: lost placeholders, empty or runaway output. */
function checkOutputs(engine: string, inputs: string[], outputs: string[]): void {
  if (outputs.length !== inputs.length) throw new EngineFailure(engine, "garbled", "wrong number of segments");
  inputs.forEach((input, i) => {
    const output = outputs[i]!;
    const sound =
      placeholdersIntact(input, output) &&
      (output.trim() !== "" || input.trim() === "") &&
      output.length <= input.length * 20 + 200 &&
      !hasControlCharacters(output);
    if (!sound) throw new EngineFailure(engine, "garbled", `unusable answer for segment ${i}`);
  });
}

async function tryEngine(engine: Engine, request: ChainRequest): Promise<ChainResult> {
  const { kv, source, target, segments } = request;
  const keys = await Promise.all(segments.map((segment) => cacheKey({ engine: engine.id, source, target, segment })));
  const cached = await readSnippets(kv, keys);
  const missing = segments.flatMap((_, i) => (cached[i] === null ? [i] : []));
  if (missing.length === 0) return { engine, outputs: cached as string[], cached: cached.map(() => true) };

  await request.beforeEngineCall();
  const inputs = missing.map((i) => segments[i]!);
  const outputs: string[] = [];
  for (let i = 0; i < inputs.length; i += ENGINE_BATCH) {
    const batch = inputs.slice(i, i + ENGINE_BATCH);
    let translated: string[];
    try {
      translated = await engine.translate(batch, source, target, AbortSignal.timeout(request.timeoutMs));
    } catch (error) {
      throw failureForError(engine.id, error);
    }
    checkOutputs(engine.id, batch, translated);
    outputs.push(...translated);
  }
  recordSuccess(engine.id);
  request.waitUntil(writeSnippets(kv, missing.map((segmentIndex, i) => [keys[segmentIndex]!, outputs[i]!])));
  const all = [...cached];
  missing.forEach((segmentIndex, i) => (all[segmentIndex] = outputs[i]!));
  return { engine, outputs: all as string[], cached: cached.map((value) => value !== null) };
}

export async function translateWithChain(request: ChainRequest): Promise<ChainResult> {
  const candidates = request.engines.filter((engine) => engine.supports(request.source, request.target));
  for (const engine of candidates) {
    if (!isAvailable(engine.id)) continue;
    try {
      return await tryEngine(engine, request);
    } catch (error) {
      if (!(error instanceof EngineFailure)) throw error;
      recordFailure(engine.id, error);
      console.warn(JSON.stringify({ level: "warn", event: "translation_engine_failed", engine: engine.id, kind: error.kind, message: error.message }));
    }
  }
  const retryAfter = secondsUntilRetry(candidates.map((engine) => engine.id));
  throw new ApiError("service_unavailable", t("translation.unavailable", { seconds: retryAfter }), {
    headers: { "Retry-After": String(retryAfter) },
  });
}
