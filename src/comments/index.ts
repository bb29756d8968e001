import { weakETag } from "../lib/conditional";
import { detectLanguage } from "../language/detect";
import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { emitEvent } from "../lib/events";
import { t } from "../lib/i18n";
import { requestIpRegion } from "../lib/ip-region";
import { createRouter } from "../lib/router";
import { findNote, noteNotFound } from "../notes/store";
import {
  createCommentRoute,
  deleteCommentRoute,
  getCommentRoute,
  listRepliesRoute,
  listThreadRoute,
  updateCommentRoute,
} from "./routes";
import { notifyThread } from "../live/notify";
import { watchedThread } from "../live/watching";
import { newComment, noteGone } from "./post";
import { createOnce, markReplayed } from "../lib/create-once";
import {
  deleteComment,
  findComment,
  loadComment,
  pageOfReplies,
  pageOfThread,
  updateComment,
} from "./store";

const commentNotFound = () => new ApiError("not_found", t("comments.notFound"));

export const commentsRouter = createRouter()
  .openapi(createCommentRoute, async (c) => {
    const { id: noteId } = c.req.valid("param");
    const comment = await newComment(c.var.db, noteId, signedInViewer(c).id, c.req.valid("json"), requestIpRegion(c));
    const { answer, replayed, reads } = await createOnce(c, comment.writes, comment.view, [watchedThread(c.var.db, noteId)]).catch(noteGone);
    if (!replayed) {
      // Only a thread someone watches is told (src/live/watching.ts); the others have no one to show it to.
      if ((reads[0] as unknown[]).length > 0) c.executionCtx.waitUntil(notifyThread(c.env, noteId, answer));
      emitEvent(c, "comment.created", { commentId: answer.id });
    }
    markReplayed(c, replayed);
    return c.json(answer, 201);
  })
  .openapi(listThreadRoute, async (c) => {
    const thread = await pageOfThread(c.var.db, c.req.valid("param").id, c.var.viewer?.id ?? null, c.req.valid("query"));
    if (!thread) throw noteNotFound();
    return c.json(thread, 200);
  })
  .openapi(getCommentRoute, async (c) => {
    const comment = await loadComment(c.var.db, c.req.valid("param").id, c.var.viewer?.id ?? null);
    if (!comment) throw commentNotFound();
    c.header("ETag", weakETag(comment));
    return c.json(comment, 200);
  })
  .openapi(listRepliesRoute, async (c) => {
    const replies = await pageOfReplies(c.var.db, c.req.valid("param").id, c.var.viewer?.id ?? null, c.req.valid("query"));
    if (!replies) throw commentNotFound();
    return c.json(replies, 200);
  })
  .openapi(updateCommentRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const comment = await findComment(c.var.db, id);
    if (!comment) throw commentNotFound();
    if (comment.authorId !== signedInViewer(c).id) throw new ApiError("forbidden", t("comments.onlyAuthorEdits"));
    await updateComment(c.var.db, id, input.body, input.language ?? detectLanguage(input.body));
    c.executionCtx.waitUntil(notifyThread(c.env, comment.noteId));
    return c.json((await loadComment(c.var.db, id, signedInViewer(c).id))!, 200);
  })
  .openapi(deleteCommentRoute, async (c) => {
    const { id } = c.req.valid("param");
    const viewer = signedInViewer(c);
    const comment = await findComment(c.var.db, id);
    if (!comment) throw commentNotFound();
    const note = await findNote(c.var.db, comment.noteId);
    if (comment.authorId !== viewer.id && note?.authorId !== viewer.id) {
      throw new ApiError("forbidden", t("comments.onlyAuthorsDelete"));
    }
    await deleteComment(c.var.db, id);
    c.executionCtx.waitUntil(notifyThread(c.env, comment.noteId));
    return c.body(null, 204);
  });
