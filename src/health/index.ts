import { createRoute, z } from "@hono/zod-openapi";
import { badTokenResponse } from "../lib/errors";
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

export const health = createRouter().openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200));
