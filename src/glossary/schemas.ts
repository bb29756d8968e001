import { z } from "@hono/zod-openapi";
import { LanguageTagSchema } from "../language/tags";
import { IdParamsSchema } from "../lib/ids";
import { userText } from "../lib/text";

export const DecisionInputSchema = z
  .discriminatedUnion("decision", [
    z.object({
      decision: z.literal("render"),
      rendering: userText({ min: 1, max: 200 }).openapi({ description: "The curated rendering", example: "the vibe of daily life" }),
    }),
    z.object({ decision: z.literal("keep") }),
  ])
  .openapi("GlossaryDecisionInput", {
    description: "Render the term with a curated text, or keep it untranslated (the reader gets the original, marked, with the best explanation)",
    example: { decision: "render", rendering: "the vibe of daily life" },
  });

export const TermCreateSchema = z
  .object({
    term: userText({ min: 1, max: 60 }).openapi({ example: "烟火气" }),
    language: LanguageTagSchema.openapi({ description: "The term's language", example: "zh-Hans" }),
    variants: z
      .array(userText({ min: 1, max: 60 }))
      .max(10)
      .default([])
      .openapi({ description: "Other spellings found as the same term, e.g. the Traditional form", example: ["煙火氣"] }),
  })
  .openapi("GlossaryTermCreate");

export const DecisionSchema = z
  .object({
    targetLanguage: z.string().openapi({ example: "en" }),
    decision: z.enum(["render", "keep"]),
    rendering: z.string().nullable().openapi({ example: "the vibe of daily life" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("GlossaryDecision");

export const ExplanationSchema = z
  .object({
    id: z.string().openapi({ example: "01JHEFBKZ9T314CC1ESXP17CD7" }),
    termId: z.string(),
    author: z
      .object({ id: z.string(), nickname: z.string() })
      .nullable()
      .openapi({ description: "Null for explanations written by the glossary team" }),
    body: z.string().openapi({ example: "\"Lying flat\": opting out of the rat race." }),
    language: z.string().openapi({ example: "en" }),
    voteCount: z.number().int(),
    viewerVoted: z.boolean().nullable().openapi({ description: "Whether you voted for it; null when signed out" }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("GlossaryExplanation");

export const TermSchema = z
  .object({
    id: z.string().openapi({ example: "01JHEFBK015YB0QRE4RS627DR6" }),
    term: z.string().openapi({ example: "躺平" }),
    language: z.string().openapi({ example: "zh-Hans" }),
    variants: z.array(z.string()),
    decisions: z.array(DecisionSchema).openapi({ description: "Per reader language: curated rendering or keep untranslated" }),
    bestExplanations: z.array(ExplanationSchema).openapi({ description: "The most voted explanations (up to 3)" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("GlossaryTerm");

export const TermSummarySchema = TermSchema.omit({ bestExplanations: true }).openapi("GlossaryTermSummary");

export const TermSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .openapi({ description: "Finds terms, their other spellings and renderings containing this text", example: "躺" }),
  language: LanguageTagSchema.optional().openapi({ description: "Only terms in this language", example: "zh-Hans" }),
});

export const ExplanationCreateSchema = z
  .object({
    body: userText({ min: 1, max: 1000, multiline: true }).openapi({ example: "It means giving up on the rat race." }),
    language: LanguageTagSchema.optional().openapi({ description: "Detected when left out", example: "en" }),
  })
  .openapi("GlossaryExplanationCreate");

export const VoteSchema = z
  .object({ voted: z.boolean(), voteCount: z.number().int().openapi({ example: 12 }) })
  .openapi("GlossaryVote");

export const TargetLanguageParamsSchema = IdParamsSchema.extend({
  language: LanguageTagSchema.openapi({ param: { name: "language", in: "path" }, example: "en" }),
});
