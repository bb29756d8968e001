import { and, desc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { drafts } from "../db/schema";
import { iso } from "../lib/time";
import type { DraftContent, DraftView } from "./schemas";

export type DraftRow = typeof drafts.$inferSelect;

/** Changes returned by one sync at most; `hasMore` tells the client to come back. */
export const MAX_CHANGES_PER_SYNC = 200;

export type DraftWrite =
  | { id: string; baseVersion: number; content: DraftContent }
  | { id: string; baseVersion: number | null; deleted: true };

const nextSeq = (authorId: string) =>
  sql<number>`(SELECT coalesce(max(${drafts.changeSeq}), 0) + 1 FROM ${drafts} WHERE ${drafts.authorId} = ${authorId})`;

/**
 * One change as a single statement: an insert, or an update only while the draft is
 * still at `baseVersion` and neither deleted nor being published. Returns the row
 * when it was applied, nothing when it wasn't.
 */
export function writeDraft(db: Db, authorId: string, change: DraftWrite, now: number) {
  const deleting = "deleted" in change;
  const content = deleting ? "{}" : JSON.stringify(change.content);
  const stillOpen = and(isNull(drafts.deletedAt), isNull(drafts.publishedNoteId));
  return db
    .insert(drafts)
    .values({
      authorId,
      id: change.id,
      version: 1,
      content,
      changeSeq: nextSeq(authorId),
      deletedAt: deleting ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [drafts.authorId, drafts.id],
      set: {
        version: sql`${drafts.version} + 1`,
        content,
        changeSeq: sql`excluded.change_seq`,
        deletedAt: deleting ? now : null,
        updatedAt: now,
      },
      setWhere: change.baseVersion === null ? stillOpen : and(stillOpen, eq(drafts.version, change.baseVersion)),
    })
    .returning();
}

export const draftsByIds = (db: Db, authorId: string, ids: string[]) =>
  db.select().from(drafts).where(and(eq(drafts.authorId, authorId), inArray(drafts.id, ids)));

export const changesSince = (db: Db, authorId: string, seq: number) =>
  db
    .select()
    .from(drafts)
    .where(and(eq(drafts.authorId, authorId), gt(drafts.changeSeq, seq)))
    .orderBy(drafts.changeSeq)
    .limit(MAX_CHANGES_PER_SYNC + 1);

export const findDraft = (db: Db, authorId: string, id: string) =>
  db.select().from(drafts).where(and(eq(drafts.authorId, authorId), eq(drafts.id, id))).get();

/** Live drafts, most recently changed first; the change counter is the cursor. */
export const pageOfDrafts = (db: Db, authorId: string, afterSeq: number | null, limit: number) =>
  db
    .select()
    .from(drafts)
    .where(and(eq(drafts.authorId, authorId), isNull(drafts.deletedAt), afterSeq === null ? undefined : lt(drafts.changeSeq, afterSeq)))
    .orderBy(desc(drafts.changeSeq))
    .limit(limit + 1);

/** Marks a draft as being published as `noteId` (the same id for every retry); a claimed draft can't be edited. */
export const claimForPublishing = (db: Db, authorId: string, id: string, noteId: string) =>
  db
    .update(drafts)
    .set({ publishedNoteId: sql`coalesce(${drafts.publishedNoteId}, ${noteId})` })
    .where(and(eq(drafts.authorId, authorId), eq(drafts.id, id), isNull(drafts.deletedAt)))
    .returning();

/** Gives a claimed draft back (its content can't become a note). */
export const releaseClaim = (db: Db, authorId: string, id: string, noteId: string) =>
  db
    .update(drafts)
    .set({ publishedNoteId: null })
    .where(and(eq(drafts.authorId, authorId), eq(drafts.id, id), eq(drafts.publishedNoteId, noteId), isNull(drafts.deletedAt)));

/** The published draft becomes a tombstone, in the note's own write batch. */
export const tombstonePublished = (db: Db, authorId: string, id: string, noteId: string, now: number) =>
  db
    .update(drafts)
    .set({ version: sql`${drafts.version} + 1`, content: "{}", changeSeq: nextSeq(authorId), deletedAt: now, updatedAt: now })
    .where(and(eq(drafts.authorId, authorId), eq(drafts.id, id), eq(drafts.publishedNoteId, noteId), isNull(drafts.deletedAt)));

export function presentDraft(row: DraftRow): DraftView {
  return {
    id: row.id,
    version: row.version,
    deleted: row.deletedAt !== null,
    publishedNoteId: row.deletedAt !== null ? row.publishedNoteId : null,
    content: row.deletedAt !== null ? null : (JSON.parse(row.content) as DraftContent),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
