import { and, eq, exists, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { catTaxReceipts, comments, idempotencyKeys, notes, users, topicPeopleHourly } from "../db/schema";
import { DELETED_ACCOUNT_ID } from "../lib/deleted-account";
import { notifyThread } from "../live/notify";

/** What an account's deletion leaves for Durable Objects to tidy after the transaction. */
export type DeletedAccount = {
  /** The person's notes: their live threads close. */
  noteIds: string[];
  /** Their cat notes: the receipt counters forget them. */
  catNoteIds: string[];
  /** Others' cat notes they stamped: those counters forget who stamped. */
  stampedNoteIds: string[];
  /** Others' notes they commented on: those live threads retract the comments. */
  commentedNoteIds: string[];
};

const replies = alias(comments, "replies");

/**
 * Deletes an account and everything personal in one D1 transaction (a batch):
 * - their top-level comments that others replied to become empty placeholders
 *   by the deleted-account stand-in, so the replies keep their place; all
 *   their other comments are deleted (replies under them go with them);
 * - their idempotency records (which hold their responses) are deleted;
 * - the user row goes, and foreign keys cascade to sessions, notes (with the
 *   comments, likes, collects, topics and receipts on them), likes and collects
 *   given, follows both ways, blocks, mutes, staff roles, glossary explanations
 *   and votes; receipts they stamped stay, without a stamper.
 * Every counter (likes, collects, comments, replies, followers, topics, receipts,
 * votes) is kept by the triggers in migrations/, and the thread outbox by its own.
 */
export async function deleteAccount(db: Db, userId: string): Promise<DeletedAccount> {
  const now = Date.now();
  const mine = db.select({ id: notes.id }).from(notes).where(eq(notes.authorId, userId));
  const [myNotes, stamped, commented] = await db.batch([
    db
      .select({ id: notes.id, catNote: sql<number>`${notes.isCatNote} or ${notes.receiptCount} > 0` })
      .from(notes)
      .where(eq(notes.authorId, userId)),
    db
      .selectDistinct({ noteId: catTaxReceipts.noteId })
      .from(catTaxReceipts)
      .where(and(eq(catTaxReceipts.stamperId, userId), notInArray(catTaxReceipts.noteId, mine))),
    db
      .selectDistinct({ noteId: comments.noteId })
      .from(comments)
      .where(and(eq(comments.authorId, userId), notInArray(comments.noteId, mine))),
    db
      .update(comments)
      .set({
        authorId: DELETED_ACCOUNT_ID,
        body: "",
        language: "und",
        ipCountry: null,
        ipRegion: null,
        replyToCommentId: null,
        replyToUserId: null,
        updatedAt: now,
      })
      .where(
        and(
          eq(comments.authorId, userId),
          isNull(comments.parentId),
          exists(
            db
              .select({ one: sql`1` })
              .from(replies)
              .where(and(eq(replies.parentId, comments.id), ne(replies.authorId, userId))),
          ),
        ),
      ),
    db.delete(comments).where(eq(comments.authorId, userId)),
    db
      .delete(idempotencyKeys)
      .where(
        or(
          eq(idempotencyKeys.scope, `user:${userId}`),
          and(eq(idempotencyKeys.scope, "anonymous"), sql`instr(${idempotencyKeys.responseBody}, ${userId}) > 0`),
        ),
      ),
    // Trending counted me among a topic's people; my hours go with me.
    db.delete(topicPeopleHourly).where(eq(topicPeopleHourly.userId, userId)),
    db.delete(users).where(eq(users.id, userId)),
  ]);
  return {
    noteIds: myNotes.map((n) => n.id),
    catNoteIds: myNotes.filter((n) => n.catNote).map((n) => n.id),
    stampedNoteIds: stamped.map((r) => r.noteId),
    commentedNoteIds: commented.map((r) => r.noteId),
  };
}

export const passwordHashOf = async (db: Db, userId: string) =>
  (await db.select({ passwordHash: users.passwordHash, phone: users.phoneE164 }).from(users).where(eq(users.id, userId)).get()) ??
  null;

/** Durable Object calls one deletion may make afterwards (Workers allow 1,000 subrequests per invocation). */
export const MAX_TIDY_CALLS = 900;

/**
 * After the transaction: live threads of the person's notes close (they find
 * the note gone), threads they commented in retract the comments, and cat tax
 * counters forget their notes and their stamps. Each call is independent and
 * failures are logged: D1 is already right, and threads catch up on their own.
 */
export async function tidyAfterDeletion(env: Env, userId: string, deleted: DeletedAccount): Promise<void> {
  const calls: (() => Promise<unknown>)[] = [
    ...deleted.noteIds.map((id) => () => notifyThread(env, id)),
    ...[...new Set([...deleted.commentedNoteIds, ...deleted.stampedNoteIds])].map(
      (id) => () => env.NOTE_THREAD.getByName(id).forgetPerson(id, userId),
    ),
    ...deleted.catNoteIds.map((id) => () => env.CAT_TAX_COUNTER.getByName(id).forgetNote()),
    ...deleted.stampedNoteIds.map((id) => () => env.CAT_TAX_COUNTER.getByName(id).forgetStamper(userId)),
  ];
  if (calls.length > MAX_TIDY_CALLS) {
    console.error(JSON.stringify({ level: "warn", event: "account_deletion_tidy_truncated", calls: calls.length, made: MAX_TIDY_CALLS }));
  }
  const queue = calls.slice(0, MAX_TIDY_CALLS);
  const worker = async () => {
    for (let call = queue.shift(); call; call = queue.shift()) {
      await call().catch((error) =>
        console.error(JSON.stringify({ level: "warn", event: "account_deletion_tidy_failed", error: String(error) })),
      );
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
}
