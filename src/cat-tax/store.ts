import { watchedThread } from "../live/watching";
import { queryTemplate } from "../db/query-template";
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

/** Read with every stamp: built once per isolate (src/db/query-template.ts). */
const stampContextQuery = queryTemplate((db, p: { note: string; stamper: string }) => {
  // Inside the sub-select drizzle's unqualified columns name the inner `notes` row (see noteIdVisibleTo).
  const note = sql<string | null>`(select json_object('authorId', ${notes.authorId}, 'isCatNote', ${notes.isCatNote}, 'catName', ${notes.catName},
    'topics', (select json_group_array(t.topic) from ${noteTopics} t where t.note_id = ${notes.id}))
    from ${notes} where ${notes.id} = ${p.note} and ${noteVisibleTo(p.stamper)})`;
  return db
    .select({
      id: users.id,
      nickname: users.nickname,
      suspendedUntil: users.suspendedUntil,
      blocked: sql<number>`${blockedBetween(p.stamper, noteAuthor(p.note))}`.as("stamp_blocked"),
      note: note.as("stamp_note"),
    })
    .from(users)
    .where(eq(users.id, p.stamper))
    .limit(1);
});

/**
 * What a stamp needs, in one statement read from the stamper's row: the note
 * as they may see it (hidden, removed and blocked notes are missing) with its
 * topics, and whether a block stands between them and its author (read too,
 * so a stamp never crosses one). Nothing when the stamper's account is gone.
 */
export async function stampContext(db: Db, noteId: string, stamperId: string) {
  const [stamper] = await stampContextQuery(db, { note: noteId, stamper: stamperId }).all();
  const found = stamper?.note ? (JSON.parse(stamper.note) as { authorId: string; isCatNote: number; catName: string | null; topics: string[] }) : undefined;
  return {
    note: found && { authorId: found.authorId, isCatNote: found.isCatNote === 1, catName: found.catName },
    topics: found?.topics ?? [],
    stamper,
    blocked: Boolean(stamper?.blocked),
  };
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
/** Writes the receipts (see above) and answers whether the note's live thread is watched, read in the same transaction. */
export async function mirrorReceipts(db: Db, noteId: string, receipts: IssuedReceipt[]): Promise<{ watched: boolean }> {
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
  const results = await db.batch([watchedThread(db, noteId), ...inserts]);
  return { watched: results[0].length > 0 };
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
