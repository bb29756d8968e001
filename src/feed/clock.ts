import type { Context } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";

/**
 * Tests and demos pin the feeds' clock with `X-Test-Now: <ISO time>` (for
 * out-of-control Friday). Ignored when ENVIRONMENT is "production".
 */
export function requestNow(c: Context<AppEnv>): number {
  const pinned = c.req.header("X-Test-Now");
  if (!pinned || (c.env.ENVIRONMENT as string) === "production") return Date.now();
  const ms = Date.parse(pinned);
  if (Number.isNaN(ms)) {
    throw new ApiError("validation_failed", "X-Test-Now is not an ISO 8601 time", {
      details: [{ field: "X-Test-Now", location: "header", message: "Expected e.g. 2025-01-17T08:00:00Z" }],
    });
  }
  return ms;
}

/** The request's IANA time zone from Cloudflare's `cf` data, when it has one. */
export function requestTimeZone(c: Context<AppEnv>): string | null {
  const zone = (c.req.raw.cf as { timezone?: unknown } | undefined)?.timezone;
  return typeof zone === "string" && zone ? zone : null;
}
