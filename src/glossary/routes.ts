import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, optionalBearerSecurity, requireAuth } from "../lib/auth";
import { ConditionalHeadersSchema, conditionalRead, conditionalResponses } from "../lib/conditional";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { IdempotencyHeadersSchema, idempotent } from "../lib/idempotency";
import { jsonBody, jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { PageQuerySchema, pageSchema } from "../lib/pagination";
import { limit, rateLimitResponseHeaders } from "../lib/rate-limit";
import { requireCurator } from "./curator";
import {
  DecisionInputSchema,
  ExplanationCreateSchema,
  ExplanationSchema,
  TargetLanguageParamsSchema,
  TermCreateSchema,
  TermSchema,
  TermSearchQuerySchema,
  TermSummarySchema,
  VoteSchema,
} from "./schemas";

const tags = ["Glossary"];

export const searchTermsRoute = createRoute({
  method: "get",
  path: "/v1/glossary/terms",
  operationId: "searchGlossaryTerms",
  security: [],
  tags,
  summary: "Search the cultural glossary",
  description: "Terms whose spelling, other spellings or renderings contain `q`, oldest first.",
  request: { query: PageQuerySchema.extend(TermSearchQuerySchema.shape) },
  responses: { 200: jsonResponse(pageSchema(TermSummarySchema, "GlossaryTermPage"), "Matching terms"), ...errorResponses() },
});

export const getTermRoute = createRoute({
  method: "get",
  path: "/v1/glossary/terms/{id}",
  operationId: "getGlossaryTerm",
  security: optionalBearerSecurity,
  tags,
  summary: "A glossary term with its decisions and best explanations",
  middleware: [conditionalRead] as const,
  request: { params: IdParamsSchema, headers: ConditionalHeadersSchema },
  responses: { ...conditionalResponses(jsonResponse(TermSchema, "The term")), ...errorResponses(401, 404) },
});

export const createTermRoute = createRoute({
  method: "post",
  path: "/v1/glossary/terms",
  operationId: "createGlossaryTerm",
  tags,
  summary: "Add a term (curators)",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write"), requireCurator, idempotent] as const,
  request: { headers: IdempotencyHeadersSchema, body: jsonBody(TermCreateSchema) },
  responses: { 201: limitedJsonResponse(TermSchema, "The new term"), ...errorResponses(401, 403, 409, 413, 415, 422, 429) },
});

export const setDecisionRoute = createRoute({
  method: "put",
  path: "/v1/glossary/terms/{id}/decisions/{language}",
  operationId: "setGlossaryDecision",
  tags,
  summary: "Set how a term reaches readers of a language (curators)",
  description: "A curated rendering, or keep the term untranslated. Translations apply it from the next request on.",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write"), requireCurator] as const,
  request: { params: TargetLanguageParamsSchema, body: jsonBody(DecisionInputSchema) },
  responses: { 200: limitedJsonResponse(TermSchema, "The term"), ...errorResponses(401, 403, 404, 413, 415, 429) },
});

export const deleteDecisionRoute = createRoute({
  method: "delete",
  path: "/v1/glossary/terms/{id}/decisions/{language}",
  operationId: "deleteGlossaryDecision",
  tags,
  summary: "Remove a term's decision for a language (curators)",
  description: "Engines then translate the term like any other word for that language.",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write"), requireCurator] as const,
  request: { params: TargetLanguageParamsSchema },
  responses: { 204: { description: "Removed", headers: rateLimitResponseHeaders }, ...errorResponses(401, 403, 404, 429) },
});

export const listExplanationsRoute = createRoute({
  method: "get",
  path: "/v1/glossary/terms/{id}/explanations",
  operationId: "listGlossaryExplanations",
  security: optionalBearerSecurity,
  tags,
  summary: "Explanations of a term, most voted first",
  request: { params: IdParamsSchema, query: PageQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(ExplanationSchema, "GlossaryExplanationPage"), "Most voted first"),
    ...errorResponses(401, 404),
  },
});

export const createExplanationRoute = createRoute({
  method: "post",
  path: "/v1/glossary/terms/{id}/explanations",
  operationId: "createGlossaryExplanation",
  tags,
  summary: "Explain a term, in any language",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write"), idempotent] as const,
  request: { params: IdParamsSchema, headers: IdempotencyHeadersSchema, body: jsonBody(ExplanationCreateSchema) },
  responses: { 201: limitedJsonResponse(ExplanationSchema, "The new explanation"), ...errorResponses(401, 404, 409, 413, 415, 422, 429) },
});

export const deleteExplanationRoute = createRoute({
  method: "delete",
  path: "/v1/glossary/explanations/{id}",
  operationId: "deleteGlossaryExplanation",
  tags,
  summary: "Delete an explanation (its author or a curator)",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write")] as const,
  request: { params: IdParamsSchema },
  responses: { 204: { description: "Deleted", headers: rateLimitResponseHeaders }, ...errorResponses(401, 403, 404, 429) },
});

const voteRoute = (method: "put" | "delete", operationId: string, summary: string) =>
  createRoute({
    method,
    operationId,
    path: "/v1/glossary/explanations/{id}/vote",
    tags,
    summary,
    security: bearerSecurity,
    middleware: [requireAuth, limit("write")] as const,
    request: { params: IdParamsSchema },
    responses: { 200: limitedJsonResponse(VoteSchema, "Your vote and the new count"), ...errorResponses(401, 403, 404, 429) },
  });

export const voteRouteUp = voteRoute("put", "voteForExplanation", "Vote an explanation up (once per person)");
export const voteRouteWithdraw = voteRoute("delete", "withdrawExplanationVote", "Withdraw your vote");
