import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, optionalBearerSecurity, requireAuth } from "../lib/auth";
import { ConditionalHeadersSchema, conditionalRead, conditionalResponses } from "../lib/conditional";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { idempotentCreate } from "../lib/create-once";
import { IdempotencyHeadersSchema } from "../lib/idempotency";
import { jsonBody, jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { PageQuerySchema, pageSchema } from "../lib/pagination";
import { limit, limitBatched, rateLimitResponseHeaders } from "../lib/rate-limit";
import { ImageQualityQuerySchema } from "../media/view";
import { NoteCreateSchema, NoteSchema, NoteUpdateSchema } from "./schemas";

const tags = ["Notes"];

export const NotePageSchema = pageSchema(NoteSchema, "NotePage");

export const createNoteRoute = createRoute({
  method: "post",
  path: "/v1/notes",
  operationId: "createNote",
  tags,
  summary: "Post a note",
  description:
    "Text, up to 18 images or videos, topics (from `#tags` in the body plus `topics`, at most 20 in all) and an optional place. The language is detected when not given; the IP region is recorded from the request.",
  security: bearerSecurity,
  middleware: [requireAuth, limitBatched("post"), idempotentCreate] as const,
  request: { headers: IdempotencyHeadersSchema, body: jsonBody(NoteCreateSchema) },
  responses: { 201: limitedJsonResponse(NoteSchema, "The new note"), ...errorResponses(401, 409, 413, 415, 422, 429) },
});

export const getNoteRoute = createRoute({
  method: "get",
  path: "/v1/notes/{id}",
  operationId: "getNote",
  security: optionalBearerSecurity,
  tags,
  summary: "Read a note",
  description:
    "Carries a weak ETag over the answer as you get it (counters, your like/collect state, hidden-by-moderation state and the image quality chosen): send it back in If-None-Match to get 304 while nothing changed.",
  middleware: [conditionalRead] as const,
  request: { params: IdParamsSchema, query: ImageQualityQuerySchema, headers: ConditionalHeadersSchema },
  responses: { ...conditionalResponses(jsonResponse(NoteSchema, "The note")), ...errorResponses(401, 404) },
});

export const updateNoteRoute = createRoute({
  method: "patch",
  path: "/v1/notes/{id}",
  operationId: "updateNote",
  tags,
  summary: "Edit your note",
  description:
    "Only the author may edit. Fields left out stay as they are. `#tags` are re-read from an edited body; topics given explicitly earlier are kept unless `topics` is sent.",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write")] as const,
  request: { params: IdParamsSchema, body: jsonBody(NoteUpdateSchema) },
  responses: { 200: limitedJsonResponse(NoteSchema, "The edited note"), ...errorResponses(401, 403, 404, 413, 415, 429) },
});

export const deleteNoteRoute = createRoute({
  method: "delete",
  path: "/v1/notes/{id}",
  operationId: "deleteNote",
  tags,
  summary: "Delete your note",
  description: "Only the author may delete. Its comments and replies, likes and collects are deleted with it.",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write")] as const,
  request: { params: IdParamsSchema },
  responses: { 204: { description: "Deleted", headers: rateLimitResponseHeaders }, ...errorResponses(401, 403, 404, 429) },
});

export const listAuthorNotesRoute = createRoute({
  method: "get",
  path: "/v1/users/{id}/notes",
  operationId: "listUserNotes",
  security: optionalBearerSecurity,
  tags,
  summary: "A person's notes, newest first",
  request: { params: IdParamsSchema, query: PageQuerySchema.extend(ImageQualityQuerySchema.shape) },
  responses: { 200: jsonResponse(NotePageSchema, "Newest first"), ...errorResponses(401, 404) },
});
