import { indexNoteStatements } from "../../db/search-index";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { comments, notes, noteTopics, topics, webhookReceipts } from "../../db/schema";

export type ReceiptRow = typeof webhookReceipts.$inferSelect;

export type Claim = {
  appId: string;
  webhookId: string;
  claimToken: string;
  eventType: string;
  bodyHash: string;
  status: ReceiptRow["status"];
  responseStatus: number;
  responseBody: string;
  payload?: unknown;
  result?: unknown;
};

/** Claims (app, webhook-id) with one INSERT: it returns a row only for the delivery that got there first. */
export const claimReceipt = (db: Db, claim: Claim) =>
  db
    .insert(webhookReceipts)
    .values({ ...claim, receivedAt: Date.now() })
    .onConflictDoNothing()
    .returning({ claimToken: webhookReceipts.claimToken });

export const findReceipt = (db: Db, appId: string, webhookId: string) =>
  db.select().from(webhookReceipts).where(and(eq(webhookReceipts.appId, appId), eq(webhookReceipts.webhookId, webhookId))).get();

/** True inside a batch only if this attempt's claim is the stored one: later statements apply once. */
export const claimWon = (claim: Pick<Claim, "appId" | "webhookId" | "claimToken">) =>
  sql`exists (select 1 from ${webhookReceipts} where ${webhookReceipts.appId} = ${claim.appId} and ${webhookReceipts.webhookId} = ${claim.webhookId} and ${webhookReceipts.claimToken} = ${claim.claimToken})`;

export async function targetVisibility(db: Db, target: { type: "note" | "comment"; id: string }) {
  const table = target.type === "note" ? notes : comments;
  const row = await db.select({ visibility: table.visibility }).from(table).where(eq(table.id, target.id)).get();
  return row?.visibility ?? null;
}

/** Ids of posts this author already has from this source, among `originalIds`. */
export async function alreadyImported(db: Db, authorId: string, source: string, originalIds: string[]) {
  const rows = await db
    .select({ originalId: notes.importOriginalId, id: notes.id })
    .from(notes)
    .where(
      and(
        eq(notes.authorId, authorId),
        eq(notes.importSource, source),
        sql`${notes.importOriginalId} in (select value from json_each(${JSON.stringify(originalIds)}))`,
      ),
    );
  return new Map(rows.map((row) => [row.originalId!, row.id]));
}

export type ImportedNote = {
  id: string;
  authorId: string;
  title: string;
  body: string;
  media: (typeof notes.$inferInsert)["media"];
  language: string;
  languageSource: "author" | "detected";
  topics: string[];
  source: string;
  originalId: string;
  createdAt: number;
};

/** One post: the note, its topics, its import mark and its search entry in one batch, so it lands whole or not at all. */
export async function insertImportedNote(db: Db, note: ImportedNote) {
  const { topics: names, source, originalId, ...rest } = note;
  const now = Date.now();
  await db.batch([
    db.insert(notes).values({
      ...rest,
      isCatNote: false,
      importSource: source,
      importOriginalId: originalId,
      updatedAt: note.createdAt,
    }),
    ...(names.length
      ? [
          db.insert(topics).values(names.map((name) => ({ name, createdAt: now }))).onConflictDoNothing(),
          db.insert(noteTopics).values(names.map((topic) => ({ noteId: note.id, topic }))).onConflictDoNothing(),
        ]
      : []),
    // Imported notes are found by search like any other.
    ...indexNoteStatements(db, note.id, { title: note.title, body: note.body, placeName: null, topics: names }),
  ]);
}

/** The final answer to a delivery, for its replays. */
export const answerReceipt = (db: Db, appId: string, webhookId: string, responseBody: string) =>
  db
    .update(webhookReceipts)
    .set({ status: "applied", responseBody })
    .where(and(eq(webhookReceipts.appId, appId), eq(webhookReceipts.webhookId, webhookId)));

export const releaseReceipt = (db: Db, appId: string, webhookId: string) =>
  db.delete(webhookReceipts).where(and(eq(webhookReceipts.appId, appId), eq(webhookReceipts.webhookId, webhookId)));

/**
 * A verdict left "applying" longer than `olderThanMs` by an isolate that died
 * before applying it: released, so the sender's next copy claims and applies it.
 * Conditional, so a fresh claim by another copy is never released.
 */
export const releaseAbandonedClaim = (db: Db, appId: string, webhookId: string, olderThanMs: number) =>
  db
    .delete(webhookReceipts)
    .where(
      and(
        eq(webhookReceipts.appId, appId),
        eq(webhookReceipts.webhookId, webhookId),
        eq(webhookReceipts.status, "applying"),
        lt(webhookReceipts.receivedAt, Date.now() - olderThanMs),
      ),
    )
    .returning({ webhookId: webhookReceipts.webhookId });

export const finishImport = (db: Db, appId: string, webhookId: string, result: unknown) =>
  db
    .update(webhookReceipts)
    .set({ status: "imported", result, payload: null })
    .where(and(eq(webhookReceipts.appId, appId), eq(webhookReceipts.webhookId, webhookId)));

/** Imports recorded but not yet applied after `olderThan`: their queue message was lost. */
export const stalledImports = (db: Db, olderThan: number) =>
  db
    .select({ appId: webhookReceipts.appId, webhookId: webhookReceipts.webhookId })
    .from(webhookReceipts)
    .where(and(eq(webhookReceipts.status, "queued"), lt(webhookReceipts.receivedAt, olderThan)))
    .limit(50);

/** Receipts are kept long enough for any sender's retries (Standard Webhooks senders retry for days). */
export const deleteOldReceipts = (db: Db, before: number) =>
  db.delete(webhookReceipts).where(and(lt(webhookReceipts.receivedAt, before), inArray(webhookReceipts.status, ["applied", "imported"])));
