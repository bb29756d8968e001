import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, optionalBearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { idempotentCreate } from "../lib/create-once";
import { IdempotencyHeadersSchema } from "../lib/idempotency";
import { jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { PageQuerySchema, pageSchema } from "../lib/pagination";
import { limitBatched } from "../lib/rate-limit";
import { LeaderboardQuerySchema, LeaderboardSchema, ReceiptSchema } from "./schemas";

const tags = ["Cat tax"];

export const stampReceiptRoute = createRoute({
  method: "post",
  path: "/v1/notes/{id}/cat-tax-receipts",
  operationId: "stampCatTaxReceipt",
  tags,
  summary: "Pay cat tax: stamp a receipt on a cat note",
  description:
    "Anyone signed in except the note's author may stamp a cat note (one marked `isCatNote` or tagged #cattax / #猫税). Serials run 1, 2, 3… per note with no gaps or duplicates under any concurrency. Stamping again returns your existing receipt (200). Your receipt is in the list at once for you; the note's receipt count, the leaderboard and everyone else's list follow within moments. The receipt appears live in the note's thread.",
  security: bearerSecurity,
  middleware: [requireAuth, limitBatched("react"), idempotentCreate] as const,
  request: { params: IdParamsSchema, headers: IdempotencyHeadersSchema },
  responses: {
    201: limitedJsonResponse(ReceiptSchema, "Your new receipt"),
    200: limitedJsonResponse(ReceiptSchema, "The receipt you already had"),
    ...errorResponses(401, 403, 404, 409, 429),
  },
});

export const listReceiptsRoute = createRoute({
  method: "get",
  path: "/v1/notes/{id}/cat-tax-receipts",
  operationId: "listCatTaxReceipts",
  security: [],
  tags,
  summary: "Receipts stamped on a cat note, newest first",
  request: { params: IdParamsSchema, query: PageQuerySchema },
  responses: {
    200: jsonResponse(pageSchema(ReceiptSchema, "CatTaxReceiptPage"), "Newest first"),
    ...errorResponses(404),
  },
});

export const leaderboardRoute = createRoute({
  method: "get",
  path: "/v1/cat-tax/leaderboard",
  operationId: "getCatTaxLeaderboard",
  security: optionalBearerSecurity,
  tags,
  summary: "The most-taxed cats, of all time or this week",
  request: { query: LeaderboardQuerySchema },
  responses: { 200: jsonResponse(LeaderboardSchema, "Most receipts first"), ...errorResponses(401) },
});
