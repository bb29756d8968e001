import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { signedInViewer } from "./auth";
import { ApiError } from "./errors";
import { t } from "./i18n";

/** The address Cloudflare saw; local runs have none. */
export const clientIp = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "unknown";

/** Counts one request against `key`; throws 429 with Retry-After once the limit is spent. */
export async function enforceLimit(limiter: RateLimit, key: string, periodSeconds: number): Promise<void> {
  const { success } = await limiter.limit({ key });
  if (!success) {
    throw new ApiError("rate_limited", t("request.rateLimited", { seconds: periodSeconds }), {
      headers: { "Retry-After": String(periodSeconds) },
    });
  }
}

/**
 * Route middleware over a Workers rate-limit binding (limits are in wrangler.toml).
 * @example rateLimit((env) => env.LOGIN_LIMITER, clientIp, 60)
 */
export function rateLimit(
  limiter: (env: Env) => RateLimit,
  keyOf: (c: Context<AppEnv>) => string,
  periodSeconds: number,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await enforceLimit(limiter(c.env), keyOf(c), periodSeconds);
    return next();
  };
}

/** Caps each user's writes (posts, comments, likes, follows), over REST and live sockets alike. */
export const enforceWriteLimit = (env: Env, userId: string) => enforceLimit(env.WRITE_LIMITER, `user:${userId}`, 60);

/** Route middleware after `requireAuth`: the write limit for the signed-in user. */
export const limitWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await enforceWriteLimit(c.env, signedInViewer(c).id);
  return next();
};
