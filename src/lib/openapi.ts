import { rateLimitResponseHeaders } from "./rate-limit";
import type { z } from "@hono/zod-openapi";

/** A JSON response for a route's `responses`. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A JSON response of a rate-limited route: it carries the RateLimit headers. */
export const limitedJsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  ...jsonResponse(schema, description),
  headers: rateLimitResponseHeaders,
});

/** A required JSON request body for a route's `request`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
