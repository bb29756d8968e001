/*
 * Workers AI's m2m100 (1.2B) through the AI binding. The binding exists only
 * where it is configured (production); local runs and tests have no account and
 * use other engines. m2m100 doesn't detect the source language: we always pass it.
 */
import { convertChineseScript } from "../chinese-script";
import { type Engine, EngineFailure, failureForError } from "./engine";

const MODEL = "@cf/meta/m2m100-1.2b";
const ID = "workers-ai-m2m100-1.2b";
// m2m100 writes only Simplified Chinese: Traditional output is converted with OpenCC.
const CODES: Record<string, string> = { en: "en", "zh-Hans": "zh", "zh-Hant": "zh", ja: "ja", ko: "ko", es: "es", fr: "fr", de: "de", pt: "pt", it: "it", ru: "ru", uk: "uk", ar: "ar", vi: "vi", th: "th", id: "id", tr: "tr", pl: "pl", nl: "nl", hi: "hi" };

export function workersAi(ai: Ai): Engine {
  return {
    id: ID,
    name: "Workers AI (m2m100 1.2B)",
    quality: "Neural machine translation by Meta's m2m100 model on Cloudflare Workers AI.",
    supports: (source, target) => source in CODES && target in CODES,
    async translate(segments, source, target, signal) {
      const translated = await Promise.all(
        segments.map(async (text) => {
          let result: Ai_Cf_Meta_M2M100_1_2B_Output;
          try {
            result = await ai.run(MODEL, { text, source_lang: CODES[source], target_lang: CODES[target]! }, { signal });
          } catch (error) {
            throw failureForError(ID, error);
          }
          if (!("translated_text" in result) || typeof result.translated_text !== "string") {
            throw new EngineFailure(ID, "garbled", "no translated_text in the answer");
          }
          return result.translated_text;
        }),
      );
      return target === "zh-Hant" ? Promise.all(translated.map((t) => convertChineseScript(t, "zh-Hant"))) : translated;
    },
  };
}
