import { type AnyColumn, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { idempotencyKeys, liveThreads, notes, sessions, threadOutbox, topicPeopleHourly } from "../db/schema";
import { deleteUnusedMedia } from "../media/cleanup";
import { HOUR_MS } from "../lib/time";

/** Trending reads the last 7 days and 3 hours of who took part in which topic; a day more is kept. */
const TOPIC_ACTIVITY_KEPT_HOURS = 8 * 24;

const hiddenNote = (noteId: AnyColumn) => sql`exists (select 1 from ${notes} n where n.id = ${noteId} and n.visibility <> 'visible')`;

/** Hourly: forget expired sessions, idempotency keys and old topic activity so no table grows without bound; hidden notes' threads are closed, so nothing is queued for them. */
export async function deleteExpiredRecords(db: Db, now = Date.now()) {
  await db.batch([
    db.delete(sessions).where(lt(sessions.expiresAt, now)),
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)),
    db.delete(topicPeopleHourly).where(lt(topicPeopleHourly.hour, Math.floor(now / HOUR_MS) - TOPIC_ACTIVITY_KEPT_HOURS)),
    // Both tables are small: each row looks its note up by primary key.
    db.delete(liveThreads).where(hiddenNote(liveThreads.noteId)),
    db.delete(threadOutbox).where(hiddenNote(threadOutbox.noteId)),
  ]);
}

/** Hourly: everything above, and uploads nobody used within 24 hours (with their stored files). */
export async function runHourlyCleanup(env: Env, db: Db, now = Date.now()) {
  await deleteExpiredRecords(db, now);
  await deleteUnusedMedia(db, env.MEDIA, now);
}
