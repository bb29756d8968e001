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

/**
 * Sessions this isolate has looked up, by token hash. An entry lives at most
 * SESSION_CACHE_TTL_MS, so a token signed out on another isolate still works
 * there for at most that long; signing out forgets it here at once.
 * Expiry is checked on every hit.
 */
export const SESSION_CACHE_TTL_MS = 60_000;
const SESSION_CACHE_ENTRIES = 10_000;
type CachedSession = { viewer: Viewer; expiresAt: number; cachedUntil: number };
const sessionCache = new Map<string, CachedSession>();

/** Forgets a signed-out session on this isolate, so its token stops here at once. */
export function forgetSession(sessionId: string) {
  for (const [hash, entry] of sessionCache) if (entry.viewer.sessionId === sessionId) sessionCache.delete(hash);
}

/** Forgets every cached session of a user on this isolate, so a profile change (imageQuality) applies at once. */
export function forgetUserSessions(userId: string) {
  for (const [hash, entry] of sessionCache) if (entry.viewer.id === userId) sessionCache.delete(hash);
}

/** Resolves a bearer token to the session's user, or null when it is unknown or expired. */
export async function viewerForToken(db: Db, token: string): Promise<Viewer | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const tokenHash = await hashBearerToken(token);
  const now = Date.now();
  const cached = sessionCache.get(tokenHash);
  if (cached && cached.cachedUntil > now) return cached.expiresAt > now ? cached.viewer : null;
  const row = await db
    .select({
      id: sessions.userId,
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      imageQuality: users.imageQuality,
      ipCountry: users.ipCountry,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .get();
  sessionCache.delete(tokenHash);
  if (!row) return null;
  const viewer: Viewer = { id: row.id, sessionId: row.sessionId, imageQuality: row.imageQuality, ipCountry: row.ipCountry };
  sessionCache.set(tokenHash, { viewer, expiresAt: row.expiresAt, cachedUntil: now + SESSION_CACHE_TTL_MS });
  if (sessionCache.size > SESSION_CACHE_ENTRIES) sessionCache.delete(sessionCache.keys().next().value!);
  return viewer;
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
