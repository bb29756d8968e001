import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { limitedJsonResponse } from "../lib/openapi";
import { limit } from "../lib/rate-limit";
import { ExportSchema } from "./schemas";

export const exportMyDataRoute = createRoute({
  method: "get",
  path: "/v1/me/export",
  operationId: "exportMyData",
  tags: ["Privacy"],
  summary: "Everything NoteBridge holds about you, as one JSON document",
  description:
    "Streamed: the document is written while it is read from the database, a page at a time, so it works for the heaviest account. Other people appear only by id and nickname. Sent as a download (`Content-Disposition: attachment`) and never cached.",
  security: bearerSecurity,
  middleware: [requireAuth, limit("export")] as const,
  responses: {
    200: limitedJsonResponse(ExportSchema, "Your data"),
    ...errorResponses(401, 429),
  },
});
