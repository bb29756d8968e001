/*
 * A LibreTranslate server through its HTTP API (POST /translate). The URL comes
 * from LIBRETRANSLATE_URL; the optional key (LIBRETRANSLATE_API_KEY) is a secret.
 */
import { type Engine, postJson, textsOrFailure } from "./engine";

// LibreTranslate's codes: "zh" is Simplified, "zt" Traditional.
const CODES: Record<string, string> = { en: "en", "zh-Hans": "zh", "zh-Hant": "zt", ja: "ja", ko: "ko", es: "es", fr: "fr", de: "de", pt: "pt", it: "it", ru: "ru", uk: "uk", ar: "ar", vi: "vi", th: "th", id: "id", tr: "tr", pl: "pl", nl: "nl", hi: "hi" };

export function libreTranslate(baseUrl: string, apiKey?: string): Engine {
  const url = `${baseUrl.replace(/\/+$/, "")}/translate`;
  return {
    id: "libretranslate",
    name: "LibreTranslate",
    quality: "Open-source neural machine translation (Argos Translate models) on a LibreTranslate server.",
    supports: (source, target) => source in CODES && target in CODES,
    async translate(segments, source, target, signal) {
      const body = (await postJson("libretranslate", url, {
        body: { q: segments, source: CODES[source], target: CODES[target], format: "text", ...(apiKey ? { api_key: apiKey } : {}) },
        signal,
      })) as { translatedText?: unknown };
      return textsOrFailure("libretranslate", body.translatedText, segments.length);
    },
  };
}
