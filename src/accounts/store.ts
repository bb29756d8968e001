import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";
import { hashBearerToken, newBearerToken } from "../lib/auth";
import { newId } from "../lib/ids";
import type { IpRegion } from "../lib/ip-region";
import { DAY_MS } from "../lib/time";

export const SESSION_LIFETIME_MS = 30 * DAY_MS;

export type NewUser = {
  phoneE164: string;
  phoneRegion: string;
  passwordHash: string;
  nickname: string;
  languages: string[];
};

/** Creates an account and its first session in one batch; the caller gets the token once. */
export async function insertUserWithSession(db: Db, user: NewUser, ip: IpRegion) {
  const now = Date.now();
  const userId = newId(now);
  const token = newBearerToken();
  const expiresAt = now + SESSION_LIFETIME_MS;
  const [rows] = await db.batch([
    db
      .insert(users)
      .values({ id: userId, ...user, ipCountry: ip.country, ipRegion: ip.region, createdAt: now, updatedAt: now })
      .returning(),
    db.insert(sessions).values({ id: newId(now), userId, tokenHash: await hashBearerToken(token), createdAt: now, expiresAt }),
  ]);
  return { token, expiresAt, user: rows[0]! };
}

export const findUserByPhone = (db: Db, phoneE164: string) =>
  db.select().from(users).where(eq(users.phoneE164, phoneE164)).get();


/** Starts a session; the caller gets the token once, the database keeps only its hash. */
export async function startSession(db: Db, userId: string, ip: IpRegion) {
  const token = newBearerToken();
  const now = Date.now();
  const expiresAt = now + SESSION_LIFETIME_MS;
  const [, user] = await db.batch([
    db.insert(sessions).values({ id: newId(now), userId, tokenHash: await hashBearerToken(token), createdAt: now, expiresAt }),
    db
      .update(users)
      .set({ ipCountry: ip.country, ipRegion: ip.region })
      .where(eq(users.id, userId))
      .returning(),
  ]);
  return { token, expiresAt, user: user[0]! };
}

export const endSession = (db: Db, sessionId: string) => db.delete(sessions).where(eq(sessions.id, sessionId));
