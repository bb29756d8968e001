import type { z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { notes } from "../db/schema";
import { detectLanguage } from "../language/detect";
import { blockedError } from "../lib/blocking";
import { isForeignKeyViolation, isNotNullViolation } from "../lib/db-errors";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import type { IpRegion } from "../lib/ip-region";
import { showIpRegion } from "../lib/ip-region";
import { iso } from "../lib/time";
import { noteVisibleTo } from "../lib/visibility";
import { noteNotFound } from "../notes/store";
import type { CommentCreateSchema, CommentView } from "./schemas";
import { commentInsert, commentView, presentComment } from "./store";

export type NewCommentWrite = { view: CommentView; writes: [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]] };

/**
 * A new comment or reply, as it will be answered (its author's nickname left
 * for the write's batch to fill) and the statement that stores it. A top-level
 * comment needs no read first: a missing or unseen note fails the insert
 * (see `noteGone`). A reply reads the comment it answers first.
 */
export async function newComment(
  db: Db,
  noteId: string,
  authorId: string,
  input: z.infer<typeof CommentCreateSchema>,
  ip: IpRegion,
): Promise<NewCommentWrite> {
  const answering = input.replyTo ? await answeredComment(db, noteId, input.replyTo, authorId) : undefined;
  if (input.replyTo && answering?.noteId !== noteId) {
    throw new ApiError("validation_failed", t("comments.replyToOtherNote"), {
      details: [{ field: "replyTo", location: "body", message: t("comments.noSuchCommentOnNote") }],
    });
  }
  const language = input.language ?? detectLanguage(input.body);
  const { id, row, writes } = commentInsert(db, {
    noteId,
    authorId,
    body: input.body,
    language,
    answering: answering && { id: answering.id, parentId: answering.parentId, authorId: answering.author.id },
  }, ip);
  const view: CommentView = {
    id,
    noteId,
    author: { id: authorId, nickname: "" },
    parentId: row.parentId,
    replyTo: answering ? { commentId: answering.id, user: answering.author } : null,
    body: input.body,
    deleted: false,
    language,
    ipRegion: showIpRegion(ip.country, ip.region),
    replyCount: 0,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
  return { view, writes };
}

/** The comment a reply answers, as its writer may read it, read with the note's visibility (404 first, as for a comment). */
async function answeredComment(db: Db, noteId: string, replyTo: string, authorId: string) {
  const [note, answered] = await db.batch([
    db.select({ id: notes.id }).from(notes).where(and(eq(notes.id, noteId), noteVisibleTo(authorId))),
    commentView(db, replyTo, authorId),
  ]);
  if (note.length === 0) throw noteNotFound();
  return presentComment(answered);
}

/**
 * A comment's write failed because its note is gone (deleted meanwhile, or never there)
 * or the writer may not see it (the insert found no note id it may use): 404; or it
 * answers someone they have blocked or been blocked by: 403.
 */
export function noteGone(error: unknown): never {
  if (isForeignKeyViolation(error) || isNotNullViolation(error, "comments.note_id")) throw noteNotFound();
  // The note is there for them, but the person answered and they have blocked one another (commentInsert).
  if (isNotNullViolation(error, "comments.author_id")) throw blockedError(t("blocks.replyBlocked"));
  throw error;
}

/**
 * Posts a comment or reply over a live thread's WebSocket, in one batch with
 * its read-back (REST posts go through createOnce, for their Idempotency-Key).
 * The live thread hears of it through the thread outbox.
 */
export async function postComment(
  db: Db,
  noteId: string,
  authorId: string,
  input: z.infer<typeof CommentCreateSchema>,
  ip: IpRegion,
): Promise<CommentView> {
  const { view, writes } = await newComment(db, noteId, authorId, input, ip);
  const [, ...rest] = await db.batch([...writes, commentView(db, view.id, authorId)]).catch(noteGone);
  return presentComment(rest.at(-1) as Parameters<typeof presentComment>[0]) ?? view;
}
