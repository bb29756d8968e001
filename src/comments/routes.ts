import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { ConditionalHeadersSchema, conditionalRead, conditionalResponses } from "../lib/conditional";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { idempotentCreate } from "../lib/create-once";
import { IdempotencyHeadersSchema } from "../lib/idempotency";
import { jsonBody, jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { PageQuerySchema, pageSchema } from "../lib/pagination";
import { limit, limitBatched, rateLimitResponseHeaders } from "../lib/rate-limit";
import { CommentCreateSchema, CommentSchema, CommentUpdateSchema, ThreadCommentSchema } from "./schemas";

const tags = ["Comments"];

export const createCommentRoute = createRoute({
  method: "post",
  path: "/v1/notes/{id}/comments",
  operationId: "createComment",
  tags,
  summary: "Comment on a note, or reply to a comment",
  description:
    "Without `replyTo` this is a top-level comment. With it, the reply is filed under the top-level comment of the thread and mentions the author answered.",
  security: bearerSecurity,
  middleware: [requireAuth, limitBatched("comment"), idempotentCreate] as const,
  request: { params: IdParamsSchema, headers: IdempotencyHeadersSchema, body: jsonBody(CommentCreateSchema) },
  responses: { 201: limitedJsonResponse(CommentSchema, "The new comment"), ...errorResponses(401, 403, 404, 409, 413, 415, 422, 429) },
});

export const listThreadRoute = createRoute({
  method: "get",
  path: "/v1/notes/{id}/comments",
  operationId: "listNoteComments",
  security: [],
  tags,
  summary: "Top-level comments of a note, newest first, with reply counts and first replies",
  request: { params: IdParamsSchema, query: PageQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(ThreadCommentSchema, "ThreadPage"), "Newest first"),
    ...errorResponses(404),
  },
});

export const getCommentRoute = createRoute({
  method: "get",
  path: "/v1/comments/{id}",
  operationId: "getComment",
  security: [],
  tags,
  summary: "Read one comment",
  middleware: [conditionalRead] as const,
  request: { params: IdParamsSchema, headers: ConditionalHeadersSchema },
  responses: { ...conditionalResponses(jsonResponse(CommentSchema, "The comment")), ...errorResponses(404) },
});

export const listRepliesRoute = createRoute({
  method: "get",
  path: "/v1/comments/{id}/replies",
  operationId: "listCommentReplies",
  security: [],
  tags,
  summary: "All replies under a top-level comment, oldest first",
  request: { params: IdParamsSchema, query: PageQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(CommentSchema, "CommentPage"), "Oldest first"),
    ...errorResponses(404),
  },
});

export const updateCommentRoute = createRoute({
  method: "patch",
  path: "/v1/comments/{id}",
  operationId: "updateComment",
  tags,
  summary: "Edit your comment",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write")] as const,
  request: { params: IdParamsSchema, body: jsonBody(CommentUpdateSchema) },
  responses: { 200: limitedJsonResponse(CommentSchema, "The edited comment"), ...errorResponses(401, 403, 404, 413, 415, 429) },
});

export const deleteCommentRoute = createRoute({
  method: "delete",
  path: "/v1/comments/{id}",
  operationId: "deleteComment",
  tags,
  summary: "Delete a comment (its author, or the note's author)",
  description: "Deleting a top-level comment deletes the replies under it. The note's comment count drops by all of them.",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write")] as const,
  request: { params: IdParamsSchema },
  responses: { 204: { description: "Deleted", headers: rateLimitResponseHeaders }, ...errorResponses(401, 403, 404, 429) },
});
