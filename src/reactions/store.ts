import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { collects, likes, notes } from "../db/schema";
import { isForeignKeyViolation } from "../lib/db-errors";
import { afterCursor, toPage } from "../lib/pagination";

export type Reaction = "like" | "collect";

const tables = { like: likes, collect: collects } as const;
const counters = { like: notes.likeCount, collect: notes.collectCount } as const;

/**
 * Adds or removes the viewer's like/collect; the count comes back from the same
 * batch, undefined when there is no such note (a like of a missing note fails
 * its foreign key, a removal finds no counter).
 */
export async function setReaction(db: Db, reaction: Reaction, userId: string, noteId: string, on: boolean): Promise<number | undefined> {
  const table = tables[reaction];
  const change = on
    ? db.insert(table).values({ userId, noteId, createdAt: Date.now() }).onConflictDoNothing()
    : db.delete(table).where(and(eq(table.userId, userId), eq(table.noteId, noteId)));
  try {
    const [, note] = await db.batch([change, db.select({ count: counters[reaction] }).from(notes).where(eq(notes.id, noteId))]);
    return note[0]?.count;
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
    .where(and(eq(table.userId, userId), afterCursor(page.cursor, "desc", table.createdAt, table.noteId)))
    .orderBy(desc(table.createdAt), desc(table.noteId))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => [row.createdAt, row.noteId], (row) => row.noteId);
}
