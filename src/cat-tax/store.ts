import { and, count, desc, eq, gt, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { catTaxReceipts, notes, users } from "../db/schema";
import { afterCursor, toPage } from "../lib/pagination";
import { noteIdVisibleTo, noteInFeedOf } from "../lib/visibility";
import { iso } from "../lib/time";
import { receiptNumber } from "./receipt-text";
import type { ReceiptView } from "./schemas";

/** A receipt as the note's CatTaxCounter issued it. */
export type IssuedReceipt = { serial: number; stamperId: string | null; text: string; createdAt: number };

const selectReceipts = (db: Db) =>
  db
    .select({ receipt: catTaxReceipts, stamper: { id: users.id, nickname: users.nickname } })
    .from(catTaxReceipts)
    .leftJoin(users, eq(users.id, catTaxReceipts.stamperId));

type ReceiptRow = Awaited<ReturnType<ReturnType<typeof selectReceipts>["all"]>>[number];

const present = ({ receipt, stamper }: ReceiptRow): ReceiptView => ({
  noteId: receipt.noteId,
  serial: receipt.serial,
  number: receiptNumber(receipt.serial),
  stamper: stamper?.id ? stamper : null,
  text: receipt.text,
  createdAt: iso(receipt.createdAt),
});

/** Receipts of a note by serial, in serial order (at most 90 serials). */
export async function loadReceipts(db: Db, noteId: string, serials: number[]): Promise<ReceiptView[]> {
  if (serials.length === 0) return [];
  const rows = await selectReceipts(db)
    .where(and(eq(catTaxReceipts.noteId, noteId), inArray(catTaxReceipts.serial, serials)))
    .orderBy(catTaxReceipts.serial);
  return rows.map(present);
}

/** A note's receipts, newest first. */
export async function pageOfReceipts(db: Db, noteId: string, page: { cursor?: string; limit: number }) {
  const rows = await selectReceipts(db)
    .where(and(eq(catTaxReceipts.noteId, noteId), afterCursor(page.cursor, "desc", catTaxReceipts.serial)))
    .orderBy(desc(catTaxReceipts.serial))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => [row.receipt.serial, String(row.receipt.serial)], present);
}

/** Every receipt D1 holds for a note, in serial order: what a CatTaxCounter starts from if its own storage is empty. */
export const receiptsOfNote = (db: Db, noteId: string): Promise<IssuedReceipt[]> =>
  db
    .select({
      serial: catTaxReceipts.serial,
      stamperId: catTaxReceipts.stamperId,
      text: catTaxReceipts.text,
      createdAt: catTaxReceipts.createdAt,
    })
    .from(catTaxReceipts)
    .where(eq(catTaxReceipts.noteId, noteId))
    .orderBy(catTaxReceipts.serial);

const ROWS_PER_INSERT = 16; // 5 bound parameters a row, under D1's 100 a query

/**
 * Writes issued receipts to D1 in one transaction. Receipts already there are
 * skipped, so a retry after an unknown outcome is safe. A stamper whose
 * account was deleted meanwhile is recorded as null, keeping the serial.
 */
export async function mirrorReceipts(db: Db, noteId: string, receipts: IssuedReceipt[]): Promise<void> {
  const inserts = [];
  for (let i = 0; i < receipts.length; i += ROWS_PER_INSERT) {
    const rows = receipts.slice(i, i + ROWS_PER_INSERT).map((receipt) => ({
      noteId,
      serial: receipt.serial,
      stamperId: sql`(select ${users.id} from ${users} where ${users.id} = ${receipt.stamperId})`,
      text: receipt.text,
      createdAt: receipt.createdAt,
    }));
    inserts.push(db.insert(catTaxReceipts).values(rows).onConflictDoNothing());
  }
  const [first, ...rest] = inserts;
  if (first) await db.batch([first, ...rest]);
}

/** The most-taxed cat notes of all time, from the receipt counter on notes. */
export const topNotesOverall = (db: Db, viewerId: string | null, limit: number) =>
  db
    .select({ noteId: notes.id, receiptCount: notes.receiptCount })
    .from(notes)
    .where(and(gt(notes.receiptCount, 0), noteInFeedOf(viewerId)))
    .orderBy(desc(notes.receiptCount), notes.id)
    .limit(limit);

/** The most-taxed cat notes by receipts stamped since `since`. */
export const topNotesSince = (db: Db, viewerId: string | null, since: number, limit: number) =>
  db
    .select({ noteId: catTaxReceipts.noteId, receiptCount: count() })
    .from(catTaxReceipts)
    .where(and(gte(catTaxReceipts.createdAt, since), noteIdVisibleTo(viewerId, catTaxReceipts.noteId, noteInFeedOf)))
    .groupBy(catTaxReceipts.noteId)
    .orderBy(desc(count()), catTaxReceipts.noteId)
    .limit(limit);
