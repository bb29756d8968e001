import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { blocks, follows, mutes, users } from "../db/schema";
import { afterCursor, toPage } from "../lib/pagination";
import { iso } from "../lib/time";
import { userSummary } from "../users/view";

export type Relation = "block" | "mute";

const tables = {
  block: { table: blocks, self: blocks.blockerId, other: blocks.blockedId },
  mute: { table: mutes, self: mutes.muterId, other: mutes.mutedId },
} as const;

/**
 * Blocks or mutes `otherId` (or undoes it), in one batch. Blocking also ends
 * any follow between the two, both ways (follower counts follow by trigger).
 * Returns false when there is no such person (then nothing was written).
 */
export async function setRelation(db: Db, relation: Relation, selfId: string, otherId: string, on: boolean): Promise<boolean> {
  const { table, self, other } = tables[relation];
  const exists = db.select({ id: users.id }).from(users).where(eq(users.id, otherId));
  if (!on) {
    const [, found] = await db.batch([db.delete(table).where(and(eq(self, selfId), eq(other, otherId))), exists]);
    return found.length > 0;
  }
  // Inserted only if the person exists, so a wrong id writes nothing and fails no foreign key.
  const now = sql<number>`${Date.now()}`.as("created_at");
  const me = sql<string>`${selfId}`.as(self.name);
  const insert =
    relation === "block"
      ? db
          .insert(blocks)
          .select(db.select({ blockerId: me, blockedId: users.id, createdAt: now }).from(users).where(eq(users.id, otherId)))
          .onConflictDoNothing()
      : db
          .insert(mutes)
          .select(db.select({ muterId: me, mutedId: users.id, createdAt: now }).from(users).where(eq(users.id, otherId)))
          .onConflictDoNothing();
  if (relation === "mute") {
    const [, found] = await db.batch([insert, exists]);
    return found.length > 0;
  }
  const unfollow = db
    .delete(follows)
    .where(
      or(
        and(eq(follows.followerId, selfId), eq(follows.followeeId, otherId)),
        and(eq(follows.followerId, otherId), eq(follows.followeeId, selfId)),
      ),
    );
  const [, , found] = await db.batch([insert, unfollow, exists]);
  return found.length > 0;
}

/** The people I block or mute, most recent first. */
export async function pageOfRelations(db: Db, relation: Relation, selfId: string, page: { cursor?: string; limit: number }) {
  const { table, self, other } = tables[relation];
  const rows = await db
    .select({ id: users.id, nickname: users.nickname, createdAt: table.createdAt })
    .from(table)
    .innerJoin(users, eq(users.id, other))
    .where(and(eq(self, selfId), afterCursor(page.cursor, "desc", table.createdAt, other)))
    .orderBy(desc(table.createdAt), desc(other))
    .limit(page.limit + 1);
  return toPage(
    rows,
    page.limit,
    (row) => [row.createdAt, row.id],
    (row) => ({ user: userSummary(row), since: iso(row.createdAt) }),
  );
}
