import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { jsonResponse } from "../lib/openapi";
import { limitWrites } from "../lib/rate-limit";
import { requireRole } from "../lib/roles";
import { TopicNameParamsSchema } from "../topics/normalise";
import { TrendingBlockSchema, TrendingQuerySchema, TrendingSchema } from "./schemas";
import { t } from "../lib/i18n";

const tags = ["Topics"];

export const listTrendingTopicsRoute = createRoute({
  method: "get",
  path: "/v1/topics/trending",
  operationId: "listTrendingTopics",
  tags,
  summary: "Topics rising fastest right now",
  description: [
    "Topics ranked by how far the number of distinct people posting or commenting under them in the last 3 hours runs above their own usual rate over the 7 days before.",
    "People are counted once per topic and hour, so one account posting a hundred times counts as one person; a topic needs at least 3 people in the window.",
    "Topics staff keep off trending are left out. The list is computed at most every 30 seconds.",
  ].join(" "),
  security: [],
  request: { query: TrendingQuerySchema },
  responses: { 200: jsonResponse(TrendingSchema, "Fastest rising first"), ...errorResponses() },
});

const moderatorsOnly = requireRole(["moderator"], t("trending.moderatorsOnly"));

export const blockTrendingRoute = createRoute({
  method: "put",
  path: "/v1/topics/{name}/trending-block",
  operationId: "blockTopicFromTrending",
  tags,
  summary: "Keep a topic off trending (moderators)",
  description: "The topic stays searchable and its page stays open; it only stops appearing in `GET /v1/topics/trending`.",
  security: bearerSecurity,
  middleware: [requireAuth, moderatorsOnly, limitWrites] as const,
  request: { params: TopicNameParamsSchema },
  responses: { 200: jsonResponse(TrendingBlockSchema, "Kept off trending"), ...errorResponses(401, 403, 404, 429) },
});

export const unblockTrendingRoute = createRoute({
  method: "delete",
  path: "/v1/topics/{name}/trending-block",
  operationId: "unblockTopicFromTrending",
  tags,
  summary: "Let a topic trend again (moderators)",
  security: bearerSecurity,
  middleware: [requireAuth, moderatorsOnly, limitWrites] as const,
  request: { params: TopicNameParamsSchema },
  responses: { 200: jsonResponse(TrendingBlockSchema, "May trend again"), ...errorResponses(401, 403, 404, 429) },
});
