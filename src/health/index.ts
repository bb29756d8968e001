import { createRoute, z } from "@hono/zod-openapi";
import { ApiError, badTokenResponse, errorResponses } from "../lib/errors";
import { t } from "../lib/i18n";
import { jsonResponse } from "../lib/openapi";
import { createRouter } from "../lib/router";

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  security: [],
  tags: ["Service"],
  summary: "Liveness check; touches no storage (the benchmarks' baseline)",
  responses: {
    200: jsonResponse(z.object({ status: z.literal("ok") }).openapi("Health"), "The worker is running"),
    ...badTokenResponse,
  },
});

const readinessRoute = createRoute({
  method: "get",
  path: "/health/ready",
  operationId: "getReadiness",
  security: [],
  tags: ["Service"],
  summary: "Readiness check: one trivial D1 query (the benchmarks' floor for a route that reads D1 once)",
  responses: {
    200: jsonResponse(z.object({ status: z.literal("ok"), database: z.literal("ok") }).openapi("Readiness"), "The worker and its database answer"),
    ...badTokenResponse,
    503: errorResponses(503)[503]!,
  },
});

export const health = createRouter()
  .openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200))
  .openapi(readinessRoute, async (c) => {
    try {
      await c.var.d1.prepare("SELECT 1").raw();
    } catch (error) {
      console.error(JSON.stringify({ level: "error", message: "readiness: D1 did not answer", error: String(error) }));
      throw new ApiError("service_unavailable", t("service.databaseDown"), { headers: { "Retry-After": "5" } });
    }
    return c.json({ status: "ok" as const, database: "ok" as const }, 200);
  });
