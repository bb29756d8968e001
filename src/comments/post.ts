import type { z } from "@hono/zod-openapi";
import type { Db } from "../db/client";
import { detectLanguage } from "../language/detect";
import { blockedError } from "../lib/blocking";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import type { IpRegion } from "../lib/ip-region";
import { requireNote } from "../notes/store";
import type { CommentCreateSchema } from "./schemas";
import { insertComment, loadComment } from "./store";

/**
 * Posts a comment or reply, the same way over REST and over a live thread's
 * WebSocket. The live thread hears of it through the thread outbox.
 */
export async function postComment(
  db: Db,
  noteId: string,
  authorId: string,
  input: z.infer<typeof CommentCreateSchema>,
  ip: IpRegion,
) {
  await requireNote(db, noteId, authorId);
  const answered = input.replyTo ? await loadComment(db, input.replyTo, authorId) : undefined;
  const answering = answered && { id: answered.id, parentId: answered.parentId, authorId: answered.author.id };
  if (input.replyTo && answered?.noteId !== noteId) {
    throw new ApiError("validation_failed", t("comments.replyToOtherNote"), {
      details: [{ field: "replyTo", location: "body", message: t("comments.noSuchCommentOnNote") }],
    });
  }
  const id = await insertComment(
    db,
    { noteId, authorId, body: input.body, language: input.language ?? detectLanguage(input.body), answering },
    ip,
  );
  if (!id) throw blockedError(t(answering ? "blocks.replyBlocked" : "blocks.commentBlocked"));
  return (await loadComment(db, id, authorId))!;
}
