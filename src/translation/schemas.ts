import { z } from "@hono/zod-openapi";

const EngineSchema = z
  .object({
    id: z.string().openapi({ example: "cedict-dictionary" }),
    name: z.string().openapi({ example: "CC-CEDICT dictionary (offline)" }),
    quality: z.string().openapi({ description: "What to expect of this engine's output; show it to readers" }),
  })
  .openapi("TranslationEngine");

const ReadingSchema = z
  .object({
    text: z.string().openapi({ example: "后院" }),
    pinyin: z.string().nullable().openapi({ description: "Tone-marked pinyin; null for non-Chinese text", example: "hòu yuàn" }),
  })
  .openapi("PinyinWord");

export const TranslationSchema = z
  .object({
    source: z.object({ type: z.enum(["note", "comment"]), id: z.string() }),
    sourceLanguage: z.string().openapi({ description: "The stored (detected or author-chosen) language; und when the text has no language content", example: "zh-Hans" }),
    targetLanguage: z.string().openapi({ example: "en" }),
    outcome: z.enum(["translated", "converted", "unchanged_same_language", "unchanged_no_language"]).openapi({
      description:
        "translated: by the engine named; converted: Simplified/Traditional Chinese with OpenCC; unchanged_same_language: already in the target language; unchanged_no_language: only emoji, numbers or links. Unchanged results never call an engine.",
    }),
    engine: EngineSchema.nullable(),
    fromCache: z.boolean().openapi({ description: "True when every translated sentence came from the snippet cache" }),
    segments: z
      .object({
        total: z.number().int(),
        translated: z.number().int().openapi({ description: "Sentences that needed an engine (from cache or not)" }),
        fromCache: z.number().int(),
      })
      .openapi({ description: "Texts are translated and cached sentence by sentence" }),
    texts: z.array(
      z.object({
        field: z.string().openapi({ description: "title, body, or media.N.alt", example: "body" }),
        original: z.string(),
        translated: z.string(),
        reading: z.array(ReadingSchema).nullable().openapi({ description: "With pinyin=true: the Chinese side, word by word" }),
      }),
    ),
    glossaryTerms: z.array(
      z.object({
        id: z.string(),
        term: z.string().openapi({ example: "躺平" }),
        handling: z.enum(["rendered", "kept", "translated"]).openapi({
          description: "rendered: the curated rendering was used; kept: left untranslated on purpose; translated: no decision for this language, the engine translated it",
        }),
        rendering: z.string().nullable().openapi({ example: null }),
        occurrences: z
          .array(z.object({ field: z.string(), start: z.number().int(), end: z.number().int() }))
          .openapi({ description: "Where the term stands in the translated texts (UTF-16 offsets), to mark it" }),
        explanation: z
          .object({ id: z.string(), body: z.string(), language: z.string(), voteCount: z.number().int() })
          .nullable()
          .openapi({ description: "The best explanation, preferably in the reader's language" }),
        url: z.string().openapi({ example: "/v1/glossary/terms/01JHEFBK015YB0QRE4RS627DR6" }),
      }),
    ),
  })
  .openapi("Translation");

export const LanguagesSchema = z
  .object({
    languages: z.array(z.object({ tag: z.string().openapi({ example: "zh-Hant" }), name: z.string().openapi({ example: "Chinese (Traditional)" }) })),
    pairs: z
      .array(z.object({ source: z.string(), target: z.string(), via: z.array(z.string()).openapi({ example: ["cedict-dictionary"] }) }))
      .openapi({ description: "Every supported source → target pair, with the engines (in fallback order) that can do it" }),
  })
  .openapi("TranslationLanguages");
