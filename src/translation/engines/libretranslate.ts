/*
 * A LibreTranslate server through its HTTP API (POST /translate). The URL comes
 * from LIBRETRANSLATE_URL; the optional key (LIBRETRANSLATE_API_KEY) is a secret.
 */
import { type Engine, EngineFailure, failureForError, failureForStatus } from "./engine";

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
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ q: segments, source: CODES[source], target: CODES[target], format: "text", ...(apiKey ? { api_key: apiKey } : {}) }),
          signal,
        });
      } catch (error) {
        throw failureForError("libretranslate", error);
      }
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        throw failureForStatus("libretranslate", response, body?.error ?? response.statusText);
      }
      const body = (await response.json()) as { translatedText?: unknown };
      const texts = body.translatedText;
      if (!Array.isArray(texts) || texts.length !== segments.length || texts.some((t) => typeof t !== "string")) {
        throw new EngineFailure("libretranslate", "garbled", "unexpected response shape");
      }
      return texts as string[];
    },
  };
}
