import { and, count, desc, eq, gt, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { CounterReceipt } from "../durable-objects/cat-tax-counter";
import { catTaxReceipts, notes, noteTopics, users } from "../db/schema";
import { blockedBetween, noteAuthor } from "../lib/blocking";
import { afterCursor, toPage } from "../lib/pagination";
import { noteIdVisibleTo, noteInFeedOf, noteVisibleTo } from "../lib/visibility";
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

/** A receipt its counter holds, D1 or not, as clients see it. */
export const counterReceiptView = (noteId: string, receipt: CounterReceipt, stamper?: { id: string; nickname: string }): ReceiptView => ({
  noteId,
  serial: receipt.serial,
  number: receiptNumber(receipt.serial),
  stamper: stamper ?? (receipt.stamperId ? { id: receipt.stamperId, nickname: receipt.stamperNickname ?? "" } : null),
  text: receipt.text,
  createdAt: iso(receipt.createdAt),
});

/**
 * A note's receipts, newest first, in one round trip; null when there is no
 * such note or the viewer may not see it (src/lib/visibility.ts). `unmirrored`
 * are receipts its counter holds that D1 may not have yet (all newer than
 * D1's), merged in so a stamper sees their receipt at once.
 */
export async function pageOfReceipts(
  db: Db,
  noteId: string,
  viewerId: string | null,
  page: { cursor?: string; limit: number },
  unmirrored: Promise<CounterReceipt[]>,
) {
  const [[note, rows], pending] = await Promise.all([
    db.batch([
      db.select({ id: notes.id }).from(notes).where(and(eq(notes.id, noteId), noteVisibleTo(viewerId))),
      selectReceipts(db)
        .where(and(eq(catTaxReceipts.noteId, noteId), afterCursor(page.cursor, "desc", catTaxReceipts.serial)))
        .orderBy(desc(catTaxReceipts.serial))
        .limit(page.limit + 1),
    ]),
    unmirrored,
  ]);
  if (note.length === 0) return null;
  const inD1 = rows.map(present);
  const known = new Set(inD1.map((receipt) => receipt.serial));
  const merged = [...pending.filter((r) => !known.has(r.serial)).map((r) => counterReceiptView(noteId, r)), ...inD1].sort(
    (a, b) => b.serial - a.serial,
  );
  return toPage(merged, page.limit, (receipt) => [receipt.serial, String(receipt.serial)], (receipt) => receipt);
}

/** What stamping needs to know, in one round trip: the note (if the stamper may see it), its topics, the stamper's nickname and suspension (read at write time). */
export async function stampContext(db: Db, noteId: string, stamperId: string) {
  const [note, topics, stamper] = await db.batch([
    db
      .select({ authorId: notes.authorId, isCatNote: notes.isCatNote, catName: notes.catName })
      .from(notes)
      .where(and(eq(notes.id, noteId), noteVisibleTo(stamperId))),
    db.select({ topic: noteTopics.topic }).from(noteTopics).where(eq(noteTopics.noteId, noteId)),
    // Visibility already hides a note across a block; the block is read too, in the same round trip, so a stamp never crosses one.
    db
      .select({
        id: users.id,
        nickname: users.nickname,
        suspendedUntil: users.suspendedUntil,
        blocked: sql<number>`${blockedBetween(stamperId, noteAuthor(noteId))}`,
      })
      .from(users)
      .where(eq(users.id, stamperId)),
  ]);
  return { note: note[0], topics: topics.map((row) => row.topic), stamper: stamper[0], blocked: Boolean(stamper[0]?.blocked) };
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
