import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { PageQuerySchema } from "../lib/pagination";
import { limit } from "../lib/rate-limit";
import { BlockStateSchema, MuteStateSchema, RelationPageSchema } from "./schemas";

const tags = ["Blocks and mutes"];

const BLOCK_EFFECT =
  "A block works both ways: neither of you sees the other's notes and comments, and the blocked person can't follow you, comment on your notes, reply to you or stamp your cat's receipts (403). Blocking ends any follow between you, both ways. They are not told.";
const MUTE_EFFECT =
  "A mute only hides the person from your feeds and comment threads; they can still interact, and a direct link still opens. They are not told.";

const toggleRoute = (relation: "block" | "mute", method: "put" | "delete", operationId: string, summary: string) =>
  createRoute({
    method,
    path: `/v1/users/{id}/${relation}`,
    operationId,
    tags,
    summary,
    description: `${relation === "block" ? BLOCK_EFFECT : MUTE_EFFECT} Idempotent: doing it twice leaves the same state.`,
    security: bearerSecurity,
    middleware: [requireAuth, limit("follow")] as const,
    request: { params: IdParamsSchema },
    responses: {
      200: limitedJsonResponse(relation === "block" ? BlockStateSchema : MuteStateSchema, `Your ${relation} state now`),
      ...errorResponses(401, 404, 429),
    },
  });

export const blockUserRoute = toggleRoute("block", "put", "blockUser", "Block a person (not yourself)");
export const unblockUserRoute = toggleRoute("block", "delete", "unblockUser", "Unblock a person");
export const muteUserRoute = toggleRoute("mute", "put", "muteUser", "Mute a person (not yourself)");
export const unmuteUserRoute = toggleRoute("mute", "delete", "unmuteUser", "Unmute a person");

const listRoute = (path: "/v1/me/blocks" | "/v1/me/mutes", operationId: string, summary: string) =>
  createRoute({
    method: "get",
    path,
    operationId,
    tags,
    summary,
    security: bearerSecurity,
    middleware: [requireAuth] as const,
    request: { query: PageQuerySchema },
    responses: { 200: jsonResponse(RelationPageSchema, "Most recent first"), ...errorResponses(401) },
  });

export const listBlocksRoute = listRoute("/v1/me/blocks", "listMyBlocks", "People you block");
export const listMutesRoute = listRoute("/v1/me/mutes", "listMyMutes", "People you mute");
