import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { collects, likes, notes } from "../db/schema";
import { isForeignKeyViolation } from "../lib/db-errors";
import { afterCursor, toPage } from "../lib/pagination";
import { guardedWrite, suspensionGuard } from "../lib/suspension";
import { threadWatched } from "../live/watching";
import { noteIdVisibleTo, noteVisibleTo } from "../lib/visibility";

export type Reaction = "like" | "collect";

const tables = { like: likes, collect: collects } as const;
const counters = { like: notes.likeCount, collect: notes.collectCount } as const;

/**
 * Adds or removes the viewer's like/collect; the count comes back from the same
 * batch, undefined when there is no such note or the viewer may not see it
 * (src/lib/visibility.ts): the change then touches nothing and the count reads
 * no row. A suspended viewer's batch is refused whole (403).
 */
/** The note's count after the change, and whether its live thread is watched; undefined when the note is gone. */
export async function setReaction(
  db: Db,
  reaction: Reaction,
  userId: string,
  noteId: string,
  on: boolean,
): Promise<{ count: number; watched: boolean } | undefined> {
  const table = tables[reaction];
  const visibleNote = and(eq(notes.id, noteId), noteVisibleTo(userId));
  const change = on
    ? db
        .insert(table)
        .select(
          db
            .select({ userId: sql<string>`${userId}`.as("user_id"), noteId: notes.id, createdAt: sql<number>`${Date.now()}`.as("created_at") })
            .from(notes)
            .where(visibleNote),
        )
        .onConflictDoNothing()
    : db.delete(table).where(and(eq(table.userId, userId), eq(table.noteId, noteId), noteIdVisibleTo(userId, sql`${noteId}`)));
  try {
    const [, , note] = await guardedWrite(db, userId, () =>
      db.batch([suspensionGuard(db, userId), change, db.select({ count: counters[reaction], watched: threadWatched }).from(notes).where(visibleNote)]),
    );
    return note[0] && { count: note[0].count, watched: note[0].watched === 1 };
  } catch (error) {
    if (isForeignKeyViolation(error)) return undefined;
    throw error;
  }
}

/** Ids of the notes a user liked or collected, most recent first. */
export async function pageOfReactedNotes(
  db: Db,
  reaction: Reaction,
  userId: string,
  page: { cursor?: string; limit: number },
) {
  const table = tables[reaction];
  const rows = await db
    .select({ noteId: table.noteId, createdAt: table.createdAt })
    .from(table)
    .where(
      and(
        eq(table.userId, userId),
        noteIdVisibleTo(userId, table.noteId),
        afterCursor(page.cursor, "desc", table.createdAt, table.noteId),
      ),
    )
    .orderBy(desc(table.createdAt), desc(table.noteId))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => [row.createdAt, row.noteId], (row) => row.noteId);
}
