import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { catTaxReceipts, comments, notes, noteTopics, users } from "../../db/schema";
import type { EventSubject, OutgoingEventType } from "../../lib/events";
import { iso } from "../../lib/time";

/*
 * What an outgoing event says. Only public content goes out: a note or comment
 * that is visible (not hidden or removed), by an author who is not suspended, on
 * a note that is itself visible. Deleted content is simply not found. The same
 * rule is asked again before every attempt, so content hidden after the event
 * is never sent on a retry.
 */

const authorIsActive = (authorId: typeof notes.authorId | typeof comments.authorId) =>
  sql`exists (select 1 from ${users} where ${users.id} = ${authorId} and (${users.suspendedUntil} is null or ${users.suspendedUntil} < ${Date.now()}))`;

const noteIsPublic = () => and(eq(notes.visibility, "visible"), authorIsActive(notes.authorId));
const publicNote = (noteId: string) => and(eq(notes.id, noteId), noteIsPublic());
const commentIsPublic = (commentId: string) =>
  and(eq(comments.id, commentId), eq(comments.visibility, "visible"), authorIsActive(comments.authorId), noteIsPublic());

async function noteData(db: Db, noteId: string) {
  const row = await db
    .select({
      id: notes.id,
      authorId: notes.authorId,
      nickname: sql<string>`(select ${users.nickname} from ${users} where ${users.id} = ${notes.authorId})`,
      title: notes.title,
      body: notes.body,
      language: notes.language,
      media: notes.media,
      topics: sql<string>`(select json_group_array(${noteTopics.topic}) from ${noteTopics} where ${noteTopics.noteId} = ${notes.id})`,
      catName: notes.catName,
      createdAt: notes.createdAt,
    })
    .from(notes)
    .where(publicNote(noteId))
    .get();
  if (!row) return null;
  return {
    note: {
      id: row.id,
      author: { id: row.authorId, nickname: row.nickname },
      title: row.title,
      body: row.body,
      language: row.language,
      media: row.media,
      topics: (JSON.parse(row.topics) as string[]).sort(),
      createdAt: iso(row.createdAt),
    },
  };
}

async function commentData(db: Db, commentId: string) {
  const row = await db
    .select({
      id: comments.id,
      noteId: comments.noteId,
      parentId: comments.parentId,
      authorId: comments.authorId,
      nickname: sql<string>`(select ${users.nickname} from ${users} where ${users.id} = ${comments.authorId})`,
      body: comments.body,
      language: comments.language,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(notes, eq(notes.id, comments.noteId))
    .where(commentIsPublic(commentId))
    .get();
  if (!row) return null;
  const { authorId, nickname, createdAt, ...rest } = row;
  return { comment: { ...rest, author: { id: authorId, nickname }, createdAt: iso(createdAt) } };
}

async function receiptData(db: Db, noteId: string, serial: number) {
  const stamper = alias(users, "stamper");
  const row = await db
    .select({
      serial: catTaxReceipts.serial,
      text: catTaxReceipts.text,
      stamperId: stamper.id,
      stamperNickname: stamper.nickname,
      catName: notes.catName,
      receiptCount: notes.receiptCount,
      createdAt: catTaxReceipts.createdAt,
    })
    .from(catTaxReceipts)
    .innerJoin(notes, eq(notes.id, catTaxReceipts.noteId))
    .leftJoin(stamper, eq(stamper.id, catTaxReceipts.stamperId))
    .where(and(eq(catTaxReceipts.noteId, noteId), eq(catTaxReceipts.serial, serial), publicNote(noteId)))
    .get();
  if (!row) return null;
  return {
    receipt: {
      noteId,
      serial: row.serial,
      text: row.text,
      stamper: row.stamperId ? { id: row.stamperId, nickname: row.stamperNickname } : null,
      createdAt: iso(row.createdAt),
    },
    note: { id: noteId, catName: row.catName, receiptCount: row.receiptCount },
  };
}

/** The event's `data`, or null when what it is about is not public (then nothing is sent). */
export async function eventData(db: Db, type: OutgoingEventType, subject: EventSubject, occurredAt: number): Promise<object | null> {
  switch (type) {
    case "note.created":
      return noteData(db, String(subject.noteId));
    case "comment.created":
      return commentData(db, String(subject.commentId));
    case "cat_tax.stamped":
      return receiptData(db, String(subject.noteId), Number(subject.serial));
    case "note.deleted":
      return { note: { id: String(subject.noteId) }, deletedAt: iso(occurredAt) };
    case "report.resolved":
      return { report: subject };
  }
}

/** Whether an event's content may still go out, asked before every attempt. */
export async function stillPublic(db: Db, type: string, data: { note?: { id: string }; comment?: { id: string } }): Promise<boolean> {
  if (type === "comment.created" && data.comment) {
    const row = await db
      .select({ id: comments.id })
      .from(comments)
      .innerJoin(notes, eq(notes.id, comments.noteId))
      .where(commentIsPublic(data.comment.id))
      .get();
    return row !== undefined;
  }
  if ((type === "note.created" || type === "cat_tax.stamped") && data.note) {
    const row = await db.select({ id: notes.id }).from(notes).where(publicNote(data.note.id)).get();
    return row !== undefined;
  }
  return true;
}
