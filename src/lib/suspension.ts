import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { isMalformedJson } from "./db-errors";
import { ApiError } from "./errors";
import { iso } from "./time";
import { t } from "./i18n";

/** A suspension still running at `now`, or null. */
export const activeSuspension = (suspendedUntil: number | null, now = Date.now()) =>
  suspendedUntil !== null && suspendedUntil > now ? suspendedUntil : null;

export const accountSuspended = (until: number) =>
  new ApiError("account_suspended", t("accounts.suspended", { until: iso(until) }));

/** Refuses a write by an account suspended at `suspendedUntil` (as read with the write's other data). */
export function refuseSuspended(suspendedUntil: number | null): void {
  const until = activeSuspension(suspendedUntil);
  if (until !== null) throw accountSuspended(until);
}

/**
 * Refuses a write by a suspended account. Read from D1 at write time, not from
 * the session, so a suspension stops every session of the account at once.
 */
export async function refuseIfSuspended(db: Db, userId: string): Promise<void> {
  const row = await db.select({ suspendedUntil: users.suspendedUntil }).from(users).where(eq(users.id, userId)).get();
  refuseSuspended(row?.suspendedUntil ?? null);
}

/**
 * The same check inside a write's own batch, for routes with a one-round-trip
 * budget (behind `limitBatched(budget)`): a statement that fails, and so rolls
 * back the whole batch (one transaction), when the writer is suspended. It
 * selects nothing otherwise. json() of text that isn't JSON is SQLite's way to
 * fail a plain statement; the text reads a column so it is only evaluated for
 * a suspended writer's row.
 */
export const suspensionGuard = (db: Db, userId: string, now = Date.now()) =>
  db
    .select({ refused: sql<string>`json('account suspended until ' || ${users.suspendedUntil})`.as("suspension_refused") })
    .from(users)
    .where(and(eq(users.id, userId), gt(users.suspendedUntil, now)));

/**
 * `suspensionGuard` that also reads the writer's nickname, for creates that
 * answer with their author: one statement instead of two in the batch (it
 * selects one row, `nickname`, when the writer may write).
 */
export const suspensionGuardWithNickname = (db: Db, userId: string, now = Date.now()) =>
  db
    .select({
      nickname: users.nickname,
      refused: sql<string>`case when ${users.suspendedUntil} > ${now} then json('account suspended until ' || ${users.suspendedUntil}) end`.as("suspension_refused"),
    })
    .from(users)
    .where(eq(users.id, userId));

/** Runs a write whose batch carries `suspensionGuard`, answering 403 `account_suspended` when the guard refused it. */
export async function guardedWrite<T>(db: Db, userId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isMalformedJson(error)) await refuseIfSuspended(db, userId);
    throw error;
  }
}
