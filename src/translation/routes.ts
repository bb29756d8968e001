import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { jsonResponse } from "../lib/openapi";
import { TranslationQuerySchema } from "./languages";
import { LanguagesSchema, TranslationSchema } from "./schemas";

const tags = ["Translation"];

const translationRoute = (kind: "notes" | "comments", what: string) =>
  createRoute({
    method: "get",
    path: `/v1/${kind}/{id}/translation`,
    tags,
    summary: `Translate ${what} into the reader's language`,
    description:
      "One tap: the text in `to`, sentence by sentence through the snippet cache and the engine fallback chain, with the cultural glossary applied (terms rendered as curated or kept untranslated, each with its best explanation). Text already in `to`, or with no language content, comes back unchanged without calling an engine. Simplified ↔ Traditional Chinese is converted with OpenCC. Requests that need an engine count against a per-person limit (429); when no engine can answer, 503 with Retry-After.",
    security: bearerSecurity,
    middleware: [requireAuth] as const,
    request: { params: IdParamsSchema, query: TranslationQuerySchema },
    responses: { 200: jsonResponse(TranslationSchema, "The translation"), ...errorResponses(401, 404, 429, 503) },
  });

export const translateNoteRoute = translationRoute("notes", "a note (title, body and image descriptions)");
export const translateCommentRoute = translationRoute("comments", "a comment");

export const languagesRoute = createRoute({
  method: "get",
  path: "/v1/translation/languages",
  tags,
  summary: "Languages and source → target pairs this deployment can translate",
  responses: { 200: jsonResponse(LanguagesSchema, "Supported languages and pairs"), ...errorResponses() },
});
