import { lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { idempotencyKeys, sessions, topicPeopleHourly } from "../db/schema";
import { deleteUnusedMedia } from "../media/cleanup";
import { HOUR_MS } from "../lib/time";

/** Trending reads the last 7 days and 3 hours of who took part in which topic; a day more is kept. */
const TOPIC_ACTIVITY_KEPT_HOURS = 8 * 24;

/** Hourly: forget expired sessions, idempotency keys and old topic activity so no table grows without bound. */
export async function deleteExpiredRecords(db: Db, now = Date.now()) {
  await db.batch([
    db.delete(sessions).where(lt(sessions.expiresAt, now)),
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)),
    db.delete(topicPeopleHourly).where(lt(topicPeopleHourly.hour, Math.floor(now / HOUR_MS) - TOPIC_ACTIVITY_KEPT_HOURS)),
  ]);
}

/** Hourly: everything above, and uploads nobody used within 24 hours (with their stored files). */
export async function runHourlyCleanup(env: Env, db: Db, now = Date.now()) {
  await deleteExpiredRecords(db, now);
  await deleteUnusedMedia(db, env.MEDIA, now);
}
