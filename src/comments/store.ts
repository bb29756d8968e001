import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { prescreenStatements } from "../moderation/prescreen";
import { moderationNotice } from "../lib/moderation-notice";
import { commentVisibleTo } from "../lib/visibility";
import { comments, users } from "../db/schema";
import { noteAuthor } from "../lib/blocking";
import { isDeletedAccount } from "../lib/deleted-account";
import { newId } from "../lib/ids";
import { notBlockedBetween } from "../lib/visibility";
import type { IpRegion } from "../lib/ip-region";
import { showIpRegion } from "../lib/ip-region";
import { afterCursor, toPage } from "../lib/pagination";
import { iso } from "../lib/time";
import type { CommentView } from "./schemas";

export const FIRST_REPLIES = 2;

const replyToUsers = alias(users, "reply_to_users");

const commentColumns = {
  comment: comments,
  author: { id: users.id, nickname: users.nickname },
  replyToNickname: replyToUsers.nickname,
};

const selectComments = (db: Db) =>
  db
    .select(commentColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(replyToUsers, eq(replyToUsers.id, comments.replyToUserId));

type CommentRow = Awaited<ReturnType<ReturnType<typeof selectComments>["all"]>>[number];

function present({ comment, author, replyToNickname }: CommentRow): CommentView {
  return {
    id: comment.id,
    noteId: comment.noteId,
    author,
    parentId: comment.parentId,
    replyTo:
      comment.replyToUserId && replyToNickname !== null
        ? { commentId: comment.replyToCommentId, user: { id: comment.replyToUserId, nickname: replyToNickname } }
        : null,
    body: comment.body,
    deleted: isDeletedAccount(comment.authorId),
    language: comment.language,
    ipRegion: showIpRegion(comment.ipCountry, comment.ipRegion),
    replyCount: comment.replyCount,
    ...(moderationNotice(comment) ? { moderation: moderationNotice(comment) } : {}),
    createdAt: iso(comment.createdAt),
    updatedAt: iso(comment.updatedAt),
  };
}

export const findComment = (db: Db, id: string) => db.select().from(comments).where(eq(comments.id, id)).get();

/** A comment the viewer may read (src/lib/visibility.ts), or undefined. */
export async function loadComment(db: Db, id: string, viewerId: string | null): Promise<CommentView | undefined> {
  const row = await selectComments(db).where(and(eq(comments.id, id), commentVisibleTo(viewerId))).get();
  return row && present(row);
}

/** Comments anyone may read, by id, in no particular order; missing and hidden ones are left out. At most 90 ids (D1's bound-parameter limit). */
export async function loadComments(db: Db, ids: string[]): Promise<CommentView[]> {
  if (ids.length === 0) return [];
  return (await selectComments(db).where(and(inArray(comments.id, ids), commentVisibleTo(null)))).map(present);
}

export type NewComment = {
  noteId: string;
  authorId: string;
  body: string;
  language: string;
  /** The comment answered, if this is a reply. */
  answering?: { id: string; parentId: string | null; authorId: string };
};

/**
 * Stores a comment unless its author and the note's author, or the person it
 * answers, have blocked one another: then nothing is written and this returns null.
 */
export async function insertComment(db: Db, input: NewComment, ip: IpRegion): Promise<string | null> {
  const now = Date.now();
  const id = newId(now);
  const { authorId, answering } = input;
  const allowed = and(
    notBlockedBetween(authorId, noteAuthor(input.noteId)),
    answering ? notBlockedBetween(authorId, sql`${answering.authorId}`) : undefined,
  );
  // Columns in the table's order: drizzle's insert … select takes every column.
  const insert = db
    .insert(comments)
    .select(
      sql`select ${id}, ${input.noteId}, ${authorId}, ${answering ? (answering.parentId ?? answering.id) : null},
             ${answering?.id ?? null}, ${answering?.authorId ?? null}, ${input.body}, ${input.language},
             ${ip.country}, ${ip.region}, 0, 'visible', null, ${now}, ${now}
          where ${allowed}`,
    )
    .returning({ id: comments.id });
  const screen = { type: "comment" as const, id, authorId, text: input.body, language: input.language, ip };
  const [inserted] = await db.batch([insert, ...prescreenStatements(db, screen, now)]);
  return inserted[0]?.id ?? null;
}

export const updateComment = (db: Db, id: string, body: string, language: string) =>
  db.update(comments).set({ body, language, updatedAt: Date.now() }).where(eq(comments.id, id));

/** Deleting a top-level comment deletes its replies too (ON DELETE CASCADE); counts follow by trigger. */
export const deleteComment = (db: Db, id: string) => db.delete(comments).where(eq(comments.id, id));

/** Top-level comments of a note, newest first, each with its earliest replies. */
export async function pageOfThread(db: Db, noteId: string, viewerId: string | null, page: { cursor?: string; limit: number }) {
  const rows = await selectComments(db)
    .where(
      and(
        eq(comments.noteId, noteId),
        isNull(comments.parentId),
        commentVisibleTo(viewerId),
        afterCursor(page.cursor, "desc", comments.id),
      ),
    )
    .orderBy(desc(comments.id))
    .limit(page.limit + 1);
  const topLevel = toPage(rows, page.limit, (row) => [row.comment.id, row.comment.id], present);
  const parentIds = topLevel.items.filter((c) => c.replyCount > 0).map((c) => c.id);
  const replies = parentIds.length ? await firstRepliesOf(db, parentIds, viewerId) : [];
  return {
    items: topLevel.items.map((comment) => ({
      ...comment,
      firstReplies: replies.filter((reply) => reply.parentId === comment.id),
    })),
    nextCursor: topLevel.nextCursor,
  };
}

async function firstRepliesOf(db: Db, parentIds: string[], viewerId: string | null): Promise<CommentView[]> {
  const ranked = db
    .select({
      id: comments.id,
      rank: sql<number>`row_number() over (partition by ${comments.parentId} order by ${comments.id})`.as("rank"),
    })
    .from(comments)
    .where(and(inArray(comments.parentId, parentIds), commentVisibleTo(viewerId)))
    .as("ranked");
  const rows = await selectComments(db)
    .innerJoin(ranked, eq(ranked.id, comments.id))
    .where(sql`${ranked.rank} <= ${FIRST_REPLIES}`)
    .orderBy(asc(comments.id));
  return rows.map(present);
}

/** Replies under a top-level comment, oldest first, as a conversation reads. */
export async function pageOfReplies(db: Db, parentId: string, viewerId: string | null, page: { cursor?: string; limit: number }) {
  const rows = await selectComments(db)
    .where(and(eq(comments.parentId, parentId), commentVisibleTo(viewerId), afterCursor(page.cursor, "asc", comments.id)))
    .orderBy(asc(comments.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => [row.comment.id, row.comment.id], present);
}
