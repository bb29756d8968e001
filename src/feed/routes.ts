import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, optionalBearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { jsonResponse } from "../lib/openapi";
import { PageQuerySchema } from "../lib/pagination";
import { NotePageSchema } from "../notes/routes";
import { ForYouPageSchema, ForYouQuerySchema, NearbyPageSchema, NearbyQuerySchema } from "./schemas";

const tags = ["Feeds"];

export const listFeedForYouRoute = createRoute({
  method: "get",
  path: "/v1/feed/for-you",
  operationId: "listFeedForYou",
  tags,
  summary: "Your for-you feed: ranked by engagement per view, topics, place and language",
  description:
    "Ranks recent public notes by engagement relative to reach (never follower counts), freshness, your topic affinity (from what you liked, collected and commented on) and place. New notes get exploration impressions first; no author appears more than twice on a page; a share of the page (your profile's `otherLanguagePercent`) is in languages you don't read. Each item says why it was picked. Paging with `nextCursor` never repeats a note. On Fridays in your time zone the feed is uniformly random instead (out-of-control Friday), unless you opted out in your profile. Signed out, you get the same ranking for your request's country and `Accept-Language`. Outside production, `X-Test-Now` pins the clock.",
  security: optionalBearerSecurity,
  request: { query: ForYouQuerySchema },
  responses: { 200: jsonResponse(ForYouPageSchema, "One page of the feed"), ...errorResponses(400, 401) },
});

export const listFeedFollowingRoute = createRoute({
  method: "get",
  path: "/v1/feed/following",
  operationId: "listFeedFollowing",
  tags,
  summary: "Notes of people you follow, newest first",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(NotePageSchema, "Newest first"), ...errorResponses(400, 401) },
});

export const listFeedNearbyRoute = createRoute({
  method: "get",
  path: "/v1/feed/nearby",
  operationId: "listFeedNearby",
  tags,
  summary: "Notes with a place near a point, nearest first",
  security: optionalBearerSecurity,
  request: { query: NearbyQuerySchema },
  responses: { 200: jsonResponse(NearbyPageSchema, "Nearest first, within the radius"), ...errorResponses(400, 401) },
});
