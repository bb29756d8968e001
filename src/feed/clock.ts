import type { Context } from "hono";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";

/**
 * Tests and demos pin the feeds' clock with `X-Test-Now: <ISO time>` (for
 * out-of-control Friday). Ignored when ENVIRONMENT is "production".
 */
export function requestNow(c: Context<AppEnv>): number {
  const pinned = c.req.header("X-Test-Now");
  if (!pinned || (c.env.ENVIRONMENT as string) === "production") return Date.now();
  const ms = Date.parse(pinned);
  if (Number.isNaN(ms)) {
    throw new ApiError("validation_failed", t("feed.testNowInvalid"), {
      details: [{ field: "X-Test-Now", location: "header", message: t("feed.testNowExample") }],
    });
  }
  return ms;
}

/** The request's IANA time zone from Cloudflare's `cf` data, when it has one. */
export function requestTimeZone(c: Context<AppEnv>): string | null {
  const zone = (c.req.raw.cf as { timezone?: unknown } | undefined)?.timezone;
  return typeof zone === "string" && zone ? zone : null;
}
