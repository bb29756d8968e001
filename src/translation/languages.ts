import { z } from "@hono/zod-openapi";
import { baseLanguage, canonicalTag } from "../language/tags";
import type { Engine } from "./engines/engine";

/** The languages readers can ask for, with their names in English. */
export const LANGUAGES: Record<string, string> = {
  en: "English",
  "zh-Hans": "Chinese (Simplified)",
  "zh-Hant": "Chinese (Traditional)",
  ja: "Japanese",
  ko: "Korean",
  es: "Spanish",
  fr: "French",
  de: "German",
  pt: "Portuguese",
  it: "Italian",
  ru: "Russian",
  uk: "Ukrainian",
  ar: "Arabic",
  vi: "Vietnamese",
  th: "Thai",
  id: "Indonesian",
  tr: "Turkish",
  pl: "Polish",
  nl: "Dutch",
  hi: "Hindi",
};

// Region tags devices send, mapped to the script their region writes.
const CHINESE_REGIONS: Record<string, string> = { "zh-CN": "zh-Hans", "zh-SG": "zh-Hans", "zh-MY": "zh-Hans", "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant", zh: "zh-Hans" };

/** The language of LANGUAGES a tag means (`zh-TW` → zh-Hant, `en-US` → en, `pt-BR` → pt), or undefined. */
export function supportedLanguage(requested: string): string | undefined {
  const tag = canonicalTag(requested);
  if (!tag) return undefined;
  const candidates = [tag, CHINESE_REGIONS[tag], tag.replace(/^(zh-Han[st]).*$/, "$1"), baseLanguage(tag)];
  return candidates.find((candidate) => candidate !== undefined && candidate in LANGUAGES);
}

export const isChinese = (tag: string): tag is "zh-Hans" | "zh-Hant" => tag === "zh-Hans" || tag === "zh-Hant";

export type LanguagePair = { source: string; target: string; via: string[] };

/** Every source → target pair some engine (or the Chinese script converter) can do. */
export function supportedPairs(engines: Engine[]): LanguagePair[] {
  const pairs: LanguagePair[] = [];
  for (const source of Object.keys(LANGUAGES)) {
    for (const target of Object.keys(LANGUAGES)) {
      if (source === target) continue;
      const via = isChinese(source) && isChinese(target) ? ["opencc"] : engines.filter((e) => e.supports(source, target)).map((e) => e.id);
      if (via.length) pairs.push({ source, target, via });
    }
  }
  return pairs;
}

export function supportedTargets(engines: Engine[]): string[] {
  const targets = new Set(supportedPairs(engines).map((p) => p.target));
  return Object.keys(LANGUAGES).filter((tag) => targets.has(tag));
}

export const TranslationQuerySchema = z.object({
  to: z
    .string()
    .max(35)
    .openapi({ description: "The reader's language (BCP 47), one of GET /v1/translation/languages", example: "en" }),
  pinyin: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true")
    .openapi({ description: "Add a pinyin reading aid (per word, with tones) for the Chinese side", example: "true" }),
});
