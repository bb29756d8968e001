import { type SQL, and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { prescreenStatements } from "../moderation/prescreen";
import { moderationNotice } from "../lib/moderation-notice";
import { commentVisibleTo, notBlockedBetween, noteVisibleTo } from "../lib/visibility";
import { comments, notes, users } from "../db/schema";
import { isDeletedAccount } from "../lib/deleted-account";
import { newId } from "../lib/ids";
import type { IpRegion } from "../lib/ip-region";
import { showIpRegion } from "../lib/ip-region";
import { afterCursor, toPage } from "../lib/pagination";
import { iso } from "../lib/time";
import { queryTemplate } from "../db/query-template";
import type { CommentView } from "./schemas";

export const FIRST_REPLIES = 2;

const replyToUsers = alias(users, "reply_to_users");

// Joined columns get their own names: inside db.batch, D1 rows are keyed by column name.
const commentColumns = {
  comment: comments,
  author: { id: sql<string>`${users.id}`.as("author_user_id"), nickname: sql<string>`${users.nickname}`.as("author_nickname") },
  replyToNickname: sql<string | null>`${replyToUsers.nickname}`.as("reply_to_nickname"),
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

const commentById = (db: Db, id: string, viewerId: string | null) =>
  selectComments(db).where(and(eq(comments.id, id), commentVisibleTo(viewerId)));

/** Read with every comment opened and every reply written: built once per isolate (src/db/query-template.ts). */
const commentByIdTemplate = queryTemplate((db, p: { id: string; viewer: string | null }) => commentById(db, p.id, p.viewer));

/** A comment as clients see it when the viewer may read it (src/lib/visibility.ts): the statement, batch-safe, and its answer. */
export const commentView = (db: Db, id: string, viewerId: string | null) => commentByIdTemplate(db, { id, viewer: viewerId });
export const presentComment = (rows: CommentRow[]) => rows[0] && present(rows[0]);

/** A comment the viewer may read, or undefined. */
export async function loadComment(db: Db, id: string, viewerId: string | null): Promise<CommentView | undefined> {
  const [row] = await commentView(db, id, viewerId).all();
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

/** A new comment's id, its row and the statement that inserts it, for the caller's batch. */
export function commentInsert(db: Db, input: NewComment, ip: IpRegion) {
  const now = Date.now();
  const row = {
    id: newId(now),
    noteId: input.noteId,
    authorId: input.authorId,
    parentId: input.answering ? (input.answering.parentId ?? input.answering.id) : null,
    replyToCommentId: input.answering?.id ?? null,
    replyToUserId: input.answering?.authorId ?? null,
    body: input.body,
    language: input.language,
    ipCountry: ip.country,
    ipRegion: ip.region,
    createdAt: now,
    updatedAt: now,
  };
  // The note id is read in the insert itself: a note that is gone or that the author may not see
  // (src/lib/visibility.ts, which also hides a note across a block with its author) leaves it null,
  // which fails the insert and its whole batch (see noteGone): 404.
  const visibleNoteId = sql<string>`(select ${notes.id} from ${notes} where ${notes.id} = ${input.noteId} and ${noteVisibleTo(input.authorId)})`;
  // A reply to someone blocked either way leaves the author null, failing the batch the same way: 403 (see noteGone).
  const answered = input.answering?.authorId;
  const unblockedAuthorId = answered
    ? sql<string>`(select ${input.authorId} where ${notBlockedBetween(input.authorId, sql`${answered}`)})`
    : input.authorId;
  const screen = { type: "comment" as const, id: row.id, authorId: input.authorId, text: input.body, language: input.language, ip };
  const writes: [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]] = [
    db.insert(comments).values({ ...row, noteId: visibleNoteId, authorId: unblockedAuthorId }),
    ...prescreenStatements(db, screen, now),
  ];
  return { id: row.id, row, writes };
}

export const updateComment = (db: Db, id: string, body: string, language: string) =>
  db.update(comments).set({ body, language, updatedAt: Date.now() }).where(eq(comments.id, id));

/** Deleting a top-level comment deletes its replies too (ON DELETE CASCADE); counts follow by trigger. */
export const deleteComment = (db: Db, id: string) => db.delete(comments).where(eq(comments.id, id));

/**
 * Top-level comments of a note, newest first, each with its earliest replies,
 * and whether the note exists for the viewer, in one round trip (null when it
 * doesn't or they may not see it). Comments the viewer may not read are left out.
 */
type ThreadPage = { noteId: string; viewer: string | null; limit: number; limitAndOne: number };

/** The note check, the page and its first replies; `cursor` only past the first page. */
function threadStatements(db: Db, page: ThreadPage, cursor?: string) {
  const topLevel = and(
    eq(comments.noteId, page.noteId),
    isNull(comments.parentId),
    commentVisibleTo(page.viewer),
    afterCursor(cursor, "desc", comments.id),
  );
  return [
    db.select({ id: notes.id }).from(notes).where(and(eq(notes.id, page.noteId), noteVisibleTo(page.viewer))),
    selectComments(db).where(topLevel).orderBy(desc(comments.id)).limit(page.limitAndOne),
    firstRepliesOf(db, topLevel, page.viewer, page.limit),
  ] as const;
}

/** First pages, by far the most read (every note opened), built once per isolate (src/db/query-template.ts). */
const firstPage = {
  note: queryTemplate((db, p: ThreadPage) => threadStatements(db, p)[0]),
  page: queryTemplate((db, p: ThreadPage) => threadStatements(db, p)[1]),
  replies: queryTemplate((db, p: ThreadPage) => threadStatements(db, p)[2]),
};

export async function pageOfThread(db: Db, noteId: string, viewerId: string | null, page: { cursor?: string; limit: number }) {
  const values = { noteId, viewer: viewerId, limit: page.limit, limitAndOne: page.limit + 1 };
  const statements = page.cursor
    ? threadStatements(db, values, page.cursor)
    : ([firstPage.note(db, values), firstPage.page(db, values), firstPage.replies(db, values)] as const);
  const [note, rows, replyRows] = await db.batch(statements);
  if (note.length === 0) return null;
  const replies = replyRows.map(present);
  const thread = toPage(rows, page.limit, (row) => [row.comment.id, row.comment.id], present);
  return {
    items: thread.items.map((comment) => ({
      ...comment,
      firstReplies: replies.filter((reply) => reply.parentId === comment.id),
    })),
    nextCursor: thread.nextCursor,
  };
}

/** The first replies the viewer may read under each of the first `limit` top-level comments matching `topLevel`, newest first. */
function firstRepliesOf(db: Db, topLevel: SQL | undefined, viewerId: string | null, limit: number) {
  const parents = db.select({ id: comments.id }).from(comments).where(topLevel).orderBy(desc(comments.id)).limit(limit);
  const ranked = db
    .select({
      id: comments.id,
      rank: sql<number>`row_number() over (partition by ${comments.parentId} order by ${comments.id})`.as("rank"),
    })
    .from(comments)
    .where(and(inArray(comments.parentId, parents), commentVisibleTo(viewerId)))
    .as("ranked");
  return selectComments(db)
    .innerJoin(ranked, eq(ranked.id, comments.id))
    .where(sql`${ranked.rank} <= ${FIRST_REPLIES}`)
    .orderBy(asc(comments.id));
}

/**
 * Replies in the conversation of comment `id`, oldest first, as a conversation
 * reads (a reply's own replies live under its top-level comment), in one round
 * trip; null when there is no such comment or the viewer may not read it.
 */
type RepliesPage = { id: string; viewer: string | null; limitAndOne: number };

/** The comment's check and the page of its conversation; `cursor` only past the first page. */
function repliesStatements(db: Db, page: RepliesPage, cursor?: string) {
  const conversation = sql`(select coalesce(anchor.parent_id, anchor.id) from ${comments} as anchor where anchor.id = ${page.id})`;
  return [
    db.select({ id: comments.id }).from(comments).where(and(eq(comments.id, page.id), commentVisibleTo(page.viewer))),
    selectComments(db)
      .where(and(eq(comments.parentId, conversation), commentVisibleTo(page.viewer), afterCursor(cursor, "asc", comments.id)))
      .orderBy(asc(comments.id))
      .limit(page.limitAndOne),
  ] as const;
}

/** First pages of replies ("view more replies"), built once per isolate. */
const firstRepliesPage = {
  found: queryTemplate((db, p: RepliesPage) => repliesStatements(db, p)[0]),
  page: queryTemplate((db, p: RepliesPage) => repliesStatements(db, p)[1]),
};

export async function pageOfReplies(db: Db, id: string, viewerId: string | null, page: { cursor?: string; limit: number }) {
  const values = { id, viewer: viewerId, limitAndOne: page.limit + 1 };
  const [found, rows] = await db.batch(
    page.cursor ? repliesStatements(db, values, page.cursor) : ([firstRepliesPage.found(db, values), firstRepliesPage.page(db, values)] as const),
  );
  if (found.length === 0) return null;
  return toPage(rows, page.limit, (row) => [row.comment.id, row.comment.id], present);
}
