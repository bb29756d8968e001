import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { ConditionalHeadersSchema, conditionalRead, conditionalResponses } from "../lib/conditional";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { PageQuerySchema, pageSchema } from "../lib/pagination";
import { limitBatched } from "../lib/rate-limit";
import { PublicProfileSchema, UserSummarySchema } from "./view";

const tags = ["Users"];

export const FollowStateSchema = z
  .object({
    following: z.boolean().openapi({ description: "Whether you now follow this person", example: true }),
    followerCount: z.number().int().openapi({ example: 1025 }),
  })
  .openapi("FollowState");

export const FollowEntrySchema = z
  .object({
    user: UserSummarySchema,
    followedAt: z.string().openapi({ format: "date-time", example: "2025-01-14T02:11:09.000Z" }),
  })
  .openapi("FollowEntry");

const FollowPageSchema = pageSchema(FollowEntrySchema, "FollowPage");

export const getProfileRoute = createRoute({
  method: "get",
  path: "/v1/users/{id}",
  operationId: "getProfile",
  security: [],
  tags,
  summary: "A person's public profile",
  middleware: [conditionalRead] as const,
  request: { params: IdParamsSchema, headers: ConditionalHeadersSchema },
  responses: {
    ...conditionalResponses(jsonResponse(PublicProfileSchema, "Public profile (never the phone number)")),
    ...errorResponses(404),
  },
});

const followRoute = (method: "put" | "delete", operationId: string, summary: string) =>
  createRoute({
    method,
    operationId,
    path: "/v1/users/{id}/follow",
    tags,
    summary,
    description: "Idempotent: doing it twice leaves the same state and the same counts.",
    security: bearerSecurity,
    middleware: [requireAuth, limitBatched("follow")] as const,
    request: { params: IdParamsSchema },
    responses: { 200: limitedJsonResponse(FollowStateSchema, "Your follow state now"), ...errorResponses(401, 403, 404, 429) },
  });

export const followUserRoute = followRoute("put", "followUser", "Follow a person (not yourself)");
export const unfollowUserRoute = followRoute("delete", "unfollowUser", "Stop following a person");

const followListRoute = (
  path: "/v1/users/{id}/followers" | "/v1/users/{id}/following",
  operationId: string,
  summary: string,
) =>
  createRoute({
    method: "get",
    path,
    operationId,
    security: [],
    tags,
    summary,
    request: { params: IdParamsSchema, query: PageQuerySchema },
    responses: {
      200: jsonResponse(FollowPageSchema, "Newest first"),
      ...errorResponses(404),
    },
  });

export const listFollowersRoute = followListRoute("/v1/users/{id}/followers", "listFollowers", "Who follows this person");
export const listFollowingRoute = followListRoute("/v1/users/{id}/following", "listFollowing", "Whom this person follows");
