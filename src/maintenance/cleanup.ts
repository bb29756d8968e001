import { lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { idempotencyKeys, sessions } from "../db/schema";
import { deleteUnusedMedia } from "../media/cleanup";

/** Hourly: forget expired sessions and idempotency keys so neither table grows without bound. */
export async function deleteExpiredRecords(db: Db, now = Date.now()) {
  await db.batch([
    db.delete(sessions).where(lt(sessions.expiresAt, now)),
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)),
  ]);
}

/** Hourly: everything above, and uploads nobody used within 24 hours (with their stored files). */
export async function runHourlyCleanup(env: Env, db: Db, now = Date.now()) {
  await deleteExpiredRecords(db, now);
  await deleteUnusedMedia(db, env.MEDIA, now);
}
