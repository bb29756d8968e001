import { createRoute, z } from "@hono/zod-openapi";
import { NotePageSchema } from "../notes/routes";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { PageQuerySchema } from "../lib/pagination";
import { limitBatched } from "../lib/rate-limit";

const tags = ["Likes and collects"];

export const LikeStateSchema = z
  .object({ liked: z.boolean(), likeCount: z.number().int().openapi({ example: 10_240 }) })
  .openapi("LikeState");

export const CollectStateSchema = z
  .object({ collected: z.boolean(), collectCount: z.number().int().openapi({ example: 312 }) })
  .openapi("CollectState");

const toggleRoute = <S extends z.ZodType>(
  method: "put" | "delete",
  path: "/v1/notes/{id}/like" | "/v1/notes/{id}/collect",
  operationId: string,
  summary: string,
  schema: S,
) =>
  createRoute({
    method,
    path,
    operationId,
    tags,
    summary,
    description: "Idempotent: repeating it changes nothing and returns the same state and count.",
    security: bearerSecurity,
    middleware: [requireAuth, limitBatched("react")] as const,
    request: { params: IdParamsSchema },
    responses: { 200: limitedJsonResponse(schema, "Your state and the note's count now"), ...errorResponses(401, 404, 429) },
  });

export const likeRoute = toggleRoute("put", "/v1/notes/{id}/like", "likeNote", "Like a note", LikeStateSchema);
export const unlikeRoute = toggleRoute("delete", "/v1/notes/{id}/like", "unlikeNote", "Take back your like", LikeStateSchema);
export const collectRoute = toggleRoute("put", "/v1/notes/{id}/collect", "collectNote", "Collect (bookmark) a note", CollectStateSchema);
export const uncollectRoute = toggleRoute("delete", "/v1/notes/{id}/collect", "uncollectNote", "Remove a note from your collection", CollectStateSchema);

const myNotesRoute = (path: "/v1/me/liked-notes" | "/v1/me/collected-notes", operationId: string, summary: string) =>
  createRoute({
    method: "get",
    path,
    operationId,
    tags,
    summary,
    security: bearerSecurity,
    middleware: [requireAuth] as const,
    request: { query: PageQuerySchema },
    responses: { 200: jsonResponse(NotePageSchema, "Most recent first"), ...errorResponses(401) },
  });

export const likedNotesRoute = myNotesRoute("/v1/me/liked-notes", "listLikedNotes", "Notes you liked");
export const collectedNotesRoute = myNotesRoute("/v1/me/collected-notes", "listCollectedNotes", "Notes you collected");
