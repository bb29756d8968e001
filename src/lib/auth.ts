import { and, eq, gt } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { sessions, users } from "../db/schema";
import type { Db } from "../db/client";
import type { AppEnv, Viewer } from "../env";
import { base64url, sha256Hex } from "./crypto";
import { ApiError } from "./errors";
import { type LocalText, t } from "./i18n";

const TOKEN_PREFIX = "nb_";

export function newBearerToken(): string {
  return TOKEN_PREFIX + base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export const hashBearerToken = (token: string) => sha256Hex(token);

const unauthorized = (message: LocalText) =>
  new ApiError("unauthorized", message, { headers: { "WWW-Authenticate": 'Bearer realm="notebridge"' } });

/** Resolves a bearer token to the session's user, or null when it is unknown or expired. */
export async function viewerForToken(db: Db, token: string): Promise<Viewer | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const row = await db
    .select({ id: sessions.userId, sessionId: sessions.id, imageQuality: users.imageQuality, ipCountry: users.ipCountry })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, await hashBearerToken(token)), gt(sessions.expiresAt, Date.now())))
    .get();
  return row ?? null;
}

/** Whether a session is still signed in (not signed out, not expired), for long-lived connections. */
export async function isSessionActive(db: Db, sessionId: string): Promise<boolean> {
  const row = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, Date.now())))
    .get();
  return row !== undefined;
}

/**
 * Sets `viewer` from an `Authorization: Bearer` header. No header means an
 * anonymous request; a header with a bad token is refused outright, so a client
 * never silently acts anonymously with an expired token.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("Authorization");
  if (!header) {
    c.set("viewer", null);
    return next();
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const viewer = match?.[1] ? await viewerForToken(c.var.db, match[1]) : null;
  if (!viewer) throw unauthorized(t("auth.tokenInvalid"));
  c.set("viewer", viewer);
  return next();
};

/** Route middleware: refuses anonymous requests before their input is even validated. */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.viewer) throw unauthorized(t("auth.signInRequired"));
  return next();
};

/** The signed-in viewer, for handlers behind `requireAuth`. */
export function signedInViewer(c: Context<AppEnv>): Viewer {
  const viewer = c.var.viewer;
  if (!viewer) throw unauthorized(t("auth.signInRequired"));
  return viewer;
}

export const bearerSecurity = [{ bearerAuth: [] }];

/** For routes anyone may call, where signing in changes only what counts against whose limit. */
export const optionalBearerSecurity: Record<string, string[]>[] = [{}, { bearerAuth: [] }];
