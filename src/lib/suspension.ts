import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { ApiError } from "./errors";
import { iso } from "./time";
import { t } from "./i18n";

/** A suspension still running at `now`, or null. */
export const activeSuspension = (suspendedUntil: number | null, now = Date.now()) =>
  suspendedUntil !== null && suspendedUntil > now ? suspendedUntil : null;

/**
 * Refuses a write by a suspended account. Read from D1 at write time, not from
 * the session, so a suspension stops every session of the account at once.
 */
export async function refuseIfSuspended(db: Db, userId: string): Promise<void> {
  const row = await db.select({ suspendedUntil: users.suspendedUntil }).from(users).where(eq(users.id, userId)).get();
  const until = activeSuspension(row?.suspendedUntil ?? null);
  if (until !== null) {
    throw new ApiError("account_suspended", t("accounts.suspended", { until: iso(until) }));
  }
}
