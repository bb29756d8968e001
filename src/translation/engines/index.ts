/*
 * The engines this deployment may use, in the order of TRANSLATION_ENGINES
 * (for example "workers-ai,deepl,libretranslate,cedict-dictionary"). An engine
 * whose binding or secret is missing is left out, so the same list works
 * everywhere: locally only the offline dictionary remains.
 */
import { cedictDictionary } from "./cedict-dictionary";
import { deepl } from "./deepl";
import type { Engine } from "./engine";
import { libreTranslate } from "./libretranslate";
import { workersAi } from "./workers-ai";

export const DEFAULT_ENGINES = "cedict-dictionary";

/** Optional configuration: bindings and secrets present only where configured. */
type EngineEnv = Env & { AI?: Ai; DEEPL_API_KEY?: string; DEEPL_API_URL?: string; LIBRETRANSLATE_URL?: string; LIBRETRANSLATE_API_KEY?: string };

const factories: Record<string, (env: EngineEnv) => Engine | null> = {
  "workers-ai": (env) => (env.AI ? workersAi(env.AI) : null),
  deepl: (env) => (env.DEEPL_API_KEY ? deepl(env.DEEPL_API_KEY, env.DEEPL_API_URL) : null),
  libretranslate: (env) => (env.LIBRETRANSLATE_URL ? libreTranslate(env.LIBRETRANSLATE_URL, env.LIBRETRANSLATE_API_KEY) : null),
  "cedict-dictionary": () => cedictDictionary,
};

export function configuredEngines(env: Env): Engine[] {
  const list: string = env.TRANSLATION_ENGINES ?? DEFAULT_ENGINES;
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return names.flatMap((name) => {
    const engine = factories[name]?.(env as EngineEnv);
    return engine ? [engine] : [];
  });
}
