import { and, desc, eq, sql } from "drizzle-orm";
import { blockedBetween, blockedError } from "../lib/blocking";
import { notBlockedBetween } from "../lib/visibility";
import type { Db } from "../db/client";
import { follows, users } from "../db/schema";
import { afterCursor, toPage } from "../lib/pagination";
import { iso } from "../lib/time";
import { userSummary } from "./view";
import { isForeignKeyViolation } from "../lib/db-errors";
import { ApiError } from "../lib/errors";
import { guardedWrite, suspensionGuard } from "../lib/suspension";
import { isDeletedAccount } from "../lib/deleted-account";
import { t } from "../lib/i18n";

/** A person's row; the deleted-account stand-in is no one. */
export const findUser = async (db: Db, id: string) =>
  isDeletedAccount(id) ? undefined : db.select().from(users).where(eq(users.id, id)).get();

/** Existence only: reads the primary key, not the row (which holds the password hash and phone). */
export const userExistsQuery = (db: Db, id: string) => db.select({ id: users.id }).from(users).where(eq(users.id, id));

const userExists = async (db: Db, id: string) => !isDeletedAccount(id) && (await userExistsQuery(db, id).get()) !== undefined;

export const userNotFound = () => new ApiError("not_found", t("users.notFound"));

/** Throws 404 unless the user exists. */
export async function requireUser(db: Db, id: string): Promise<void> {
  if (!(await userExists(db, id))) throw userNotFound();
}

/**
 * Follows or unfollows in one batch (with the follower's suspension check); undefined when there is no such
 * person (see setReaction). A follow between people who blocked one another is refused (403) in the same statement.
 */
export async function setFollow(db: Db, followerId: string, followeeId: string, follow: boolean) {
  if (isDeletedAccount(followeeId)) return undefined;
  const edge = and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId));
  const change = follow
    ? db
        .insert(follows)
        .select(
          db
            .select({
              followerId: sql<string>`${followerId}`.as("follower_id"),
              followeeId: users.id,
              createdAt: sql<number>`${Date.now()}`.as("created_at"),
            })
            .from(users)
            .where(and(eq(users.id, followeeId), notBlockedBetween(followerId, users.id))),
        )
        .onConflictDoNothing()
    : db.delete(follows).where(edge);
  try {
    const [, , followee] = await guardedWrite(db, followerId, () =>
      db.batch([
        suspensionGuard(db, followerId),
        change,
        db
          .select({ followerCount: users.followerCount, blocked: sql<number>`${blockedBetween(followerId, users.id)}` })
          .from(users)
          .where(eq(users.id, followeeId)),
      ]),
    );
    if (!followee[0]) return undefined;
    if (follow && followee[0].blocked) throw blockedError(t("blocks.followBlocked"));
    return { following: follow, followerCount: followee[0].followerCount };
  } catch (error) {
    if (isForeignKeyViolation(error)) return undefined;
    throw error;
  }
}

/** Followers of `userId` (side "followers") or people `userId` follows (side "following"), newest first. */
export async function listFollows(
  db: Db,
  userId: string,
  side: "followers" | "following",
  page: { cursor?: string; limit: number },
) {
  const [self, other] =
    side === "followers" ? [follows.followeeId, follows.followerId] : [follows.followerId, follows.followeeId];
  const rows = await db
    .select({ id: users.id, nickname: users.nickname, createdAt: follows.createdAt })
    .from(follows)
    .innerJoin(users, eq(users.id, other))
    .where(and(eq(self, userId), afterCursor(page.cursor, "desc", follows.createdAt, other)))
    .orderBy(desc(follows.createdAt), desc(other))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (row) => [row.createdAt, row.id],
    (row) => ({ user: userSummary(row), followedAt: iso(row.createdAt) }),
  );
}
