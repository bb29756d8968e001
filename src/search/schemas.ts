import { z } from "@hono/zod-openapi";
import { LanguageTagSchema } from "../language/tags";
import { PageQuerySchema } from "../lib/pagination";
import { NoteSchema } from "../notes/schemas";
import { TopicInputSchema } from "../topics/normalise";
import { PublicProfileSchema } from "../users/view";

export const SEARCH_TYPES = ["notes", "users", "topics"] as const;

export const SearchQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .openapi({ description: "What to look for, in any language: words, a Chinese word or a single character", example: "猫咪" }),
  type: z
    .enum(SEARCH_TYPES)
    .default("notes")
    .openapi({ description: "Notes (titles, bodies, topics, places), people (nicknames) or topic names", example: "notes" }),
  language: LanguageTagSchema.optional().openapi({
    description: "Notes only: in this language (`zh` also matches `zh-Hans` and `zh-Hant`)",
    example: "zh",
  }),
  topic: TopicInputSchema.optional().openapi({ description: "Notes only: carrying this topic", example: "cattax" }),
});

export const GlossaryMatchSchema = z
  .object({
    id: z.string().openapi({ example: "01JHEFBK015YB0QRE4RS627DR6" }),
    term: z.string().openapi({ example: "躺平" }),
    language: z.string().openapi({ example: "zh-Hans" }),
    variants: z.array(z.string()).openapi({ example: ["躺平"] }),
    decisions: z
      .array(
        z.object({
          targetLanguage: z.string().openapi({ example: "en" }),
          decision: z.enum(["render", "keep"]).openapi({ example: "keep" }),
          rendering: z.string().nullable().openapi({ example: null }),
        }),
      )
      .openapi({ description: "Per reader language: a curated rendering, or kept untranslated" }),
    href: z.string().openapi({ description: "The term with its best explanations", example: "/v1/glossary/terms/01JHEFBK015YB0QRE4RS627DR6" }),
  })
  .openapi("GlossaryMatch", { description: "A glossary term the query names (躺平, yyds, cat tax)" });

export const TopicHitSchema = z
  .object({
    name: z.string().openapi({ description: "Normalised name, without '#'", example: "cattax" }),
    noteCount: z.number().int().openapi({ example: 9_874 }),
  })
  .openapi("TopicHit");

const results = <T extends z.ZodType>(type: (typeof SEARCH_TYPES)[number], item: T) =>
  z.object({
    type: z.literal(type).openapi({ example: type }),
    items: z.array(item).openapi({ description: "Best match first (bm25), then newest" }),
    nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
    glossary: z.array(GlossaryMatchSchema).openapi({ description: "Glossary terms the query names; empty when none" }),
  });

export const SearchResultsSchema = z
  .discriminatedUnion("type", [
    results("notes", NoteSchema).openapi("NoteSearchResults"),
    results("users", PublicProfileSchema).openapi("UserSearchResults"),
    results("topics", TopicHitSchema).openapi("TopicSearchResults"),
  ])
  .openapi("SearchResults");

export type GlossaryMatch = z.infer<typeof GlossaryMatchSchema>;
