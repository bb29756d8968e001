import { and, eq, gt, lte } from "drizzle-orm";
import { loadReceipts } from "../cat-tax/store";
import { loadComments } from "../comments/store";
import type { Db } from "../db/client";
import { notes, threadOutbox } from "../db/schema";
import { noteVisibleTo } from "../lib/visibility";
import type { Counters, NewEvent } from "./thread-storage";

/** Outbox rows a thread takes per read (comment ids and serials stay under D1's 100 bound parameters). */
export const OUTBOX_PAGE = 50;

export type OutboxRow = typeof threadOutbox.$inferSelect;

/** The next outbox rows for a note and its counters, read in one transaction; counters are null once the note is gone or hidden. */
export async function readOutbox(db: Db, noteId: string, after: number): Promise<{ rows: OutboxRow[]; counters: Counters | null }> {
  const [rows, note] = await db.batch([
    db
      .select()
      .from(threadOutbox)
      .where(and(eq(threadOutbox.noteId, noteId), gt(threadOutbox.id, after)))
      .orderBy(threadOutbox.id)
      .limit(OUTBOX_PAGE),
    db
      .select({ likeCount: notes.likeCount, commentCount: notes.commentCount, receiptCount: notes.receiptCount })
      .from(notes)
      .where(and(eq(notes.id, noteId), noteVisibleTo(null))),
  ]);
  return { rows, counters: note[0] ?? null };
}

/** Drops outbox rows the thread has logged (all of them once the note is gone). */
export const forgetOutbox = (db: Db, noteId: string, through: number) =>
  db.delete(threadOutbox).where(and(eq(threadOutbox.noteId, noteId), lte(threadOutbox.id, through)));

/**
 * Thread events for outbox rows, in row order; comments and receipts are read
 * as they are now. A comment deleted before it was read yields no
 * created/edited event (its deletion row follows).
 */
export async function eventsFor(db: Db, noteId: string, rows: OutboxRow[]): Promise<NewEvent[]> {
  const toRead = rows.filter((row) => row.kind === "comment.edited" || row.kind === "comment.created");
  const serials = rows.filter((row) => row.kind === "receipt.created").map((row) => Number(row.subject));
  const [comments, receipts] = await Promise.all([
    loadComments(db, [...new Set(toRead.map((row) => row.subject))]),
    loadReceipts(db, noteId, serials),
  ]);
  const commentById = new Map(comments.map((comment) => [comment.id, comment]));
  const receiptBySerial = new Map(receipts.map((receipt) => [String(receipt.serial), receipt]));
  return rows.flatMap((row): NewEvent[] => {
    const { kind: type, subject } = row;
    if (type === "comment.deleted") return [{ type, subject, fields: { commentId: subject } }];
    if (type === "receipt.created") {
      const receipt = receiptBySerial.get(subject);
      return receipt ? [{ type, subject, fields: { receipt } }] : [];
    }
    const comment = commentById.get(subject);
    return comment ? [{ type, subject, fields: { comment } }] : [];
  });
}
