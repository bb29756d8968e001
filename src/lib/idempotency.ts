import { z } from "@hono/zod-openapi";
import { and, eq, lt } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { idempotencyKeys } from "../db/schema";
import type { AppEnv } from "../env";
import { sha256Hex } from "./crypto";
import { ApiError } from "./errors";
import { t } from "./i18n";
import { DAY_MS } from "./time";

export const IDEMPOTENCY_TTL_MS = DAY_MS;

export const isIdempotencyKey = (key: string) => /^[\x21-\x7e]{1,255}$/.test(key);

export const IdempotencyHeadersSchema = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, "1-255 visible ASCII characters")
    .optional()
    .openapi({
      description:
        "Makes a retried create safe: the same key with the same body returns the first successful result for 24 hours; with a different body it is refused (422).",
      example: "5f0c7a0e-4b1e-4a2e-9a55-9f3f0d8a1c11",
    }),
});

/**
 * Route middleware for creates (Mastodon/Stripe style). The key is claimed with one
 * INSERT before the handler runs, so two concurrent retries can't both create.
 * Only successful results are kept: after a failure the same key may be retried.
 */
export const idempotent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined || !isIdempotencyKey(key)) return next();

  const db = c.var.db;
  const scope = c.var.viewer ? `user:${c.var.viewer.id}` : "anonymous";
  const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
  const now = Date.now();
  const claim = await db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash, createdAt: now, expiresAt: now + IDEMPOTENCY_TTL_MS })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: { requestHash, status: null, responseBody: null, createdAt: now, expiresAt: now + IDEMPOTENCY_TTL_MS },
      setWhere: lt(idempotencyKeys.expiresAt, now),
    })
    .returning({ key: idempotencyKeys.key });
  const thisKey = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));

  if (claim.length === 0) {
    const earlier = await db.select().from(idempotencyKeys).where(thisKey).get();
    if (!earlier || earlier.requestHash !== requestHash) {
      throw new ApiError("idempotency_key_reused", t("idempotency.keyReused"));
    }
    if (earlier.status === null || earlier.responseBody === null) {
      throw new ApiError("idempotency_request_in_progress", t("idempotency.inProgress"), {
        headers: { "Retry-After": "1" },
      });
    }
    return new Response(earlier.responseBody, {
      status: earlier.status,
      headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" },
    });
  }

  await next();
  const succeeded = c.res.status >= 200 && c.res.status < 300 && !c.error;
  if (succeeded) {
    const responseBody = await c.res.clone().text();
    await db.update(idempotencyKeys).set({ status: c.res.status, responseBody }).where(thisKey);
  } else {
    await db.delete(idempotencyKeys).where(thisKey);
  }
};
