import { lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { idempotencyKeys, sessions } from "../db/schema";

/** Hourly: forget expired sessions and idempotency keys so neither table grows without bound. */
export async function deleteExpiredRecords(db: Db, now = Date.now()) {
  await db.batch([
    db.delete(sessions).where(lt(sessions.expiresAt, now)),
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)),
  ]);
}
