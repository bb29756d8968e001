import { createRoute } from "@hono/zod-openapi";
import { optionalBearerSecurity } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { TranslationQuerySchema } from "./languages";
import { LanguagesSchema, TranslationSchema } from "./schemas";

const tags = ["Translation"];

const translationContract = (operationId: string, what: string) => ({
  method: "get" as const,
  operationId,
  tags,
  summary: `Translate ${what} into the reader's language`,
  description:
    "One tap: the text in `to`, sentence by sentence through the snippet cache and the engine fallback chain, with the cultural glossary applied (terms rendered as curated or kept untranslated, each with its best explanation). Text already in `to`, or with no language content, comes back unchanged without calling an engine. Simplified ↔ Traditional Chinese is converted with OpenCC. Anyone may read a translation; requests that need an engine count against a limit per signed-in person, or per IP address for readers who aren't signed in (429). When no engine can answer, 503 with Retry-After.",
  security: optionalBearerSecurity,
  request: { params: IdParamsSchema, query: TranslationQuerySchema },
  responses: { 200: limitedJsonResponse(TranslationSchema, "The translation (with RateLimit headers when an engine was charged)"), ...errorResponses(401, 404, 429, 503) },
});

export const translateNoteRoute = createRoute({
  path: "/v1/notes/{id}/translation",
  ...translationContract("translateNote", "a note (title, body and image descriptions)"),
});
export const translateCommentRoute = createRoute({
  path: "/v1/comments/{id}/translation",
  ...translationContract("translateComment", "a comment"),
});

export const languagesRoute = createRoute({
  method: "get",
  path: "/v1/translation/languages",
  operationId: "listTranslationLanguages",
  security: [],
  tags,
  summary: "Languages and source → target pairs this deployment can translate",
  responses: { 200: jsonResponse(LanguagesSchema, "Supported languages and pairs"), ...errorResponses() },
});
