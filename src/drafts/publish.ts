import type { Context } from "hono";
import { drafts } from "../db/schema";
import type { AppEnv } from "../env";
import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { newId } from "../lib/ids";
import { requestIpRegion } from "../lib/ip-region";
import { resolveNoteMedia } from "../media/attach";
import { attachMediaStatements } from "../media/store";
import { mediaBaseUrl, readerImageQuality } from "../media/view";
import { composeNote } from "../notes/compose";
import { insertNote } from "../notes/store";
import { loadNoteView } from "../notes/view";
import { and, eq } from "drizzle-orm";
import type { DraftContent } from "./schemas";
import { claimForPublishing, releaseClaim, tombstonePublished } from "./store";
import { t } from "../lib/i18n";

const noDraft = () => new ApiError("not_found", t("drafts.notFound"));

/**
 * Turns a draft into a note exactly once. The first request claims a note id for the
 * draft; every retry, concurrent or later, reuses that id, and the note insert ignores
 * a note that already exists, so all of them answer with the same note. The note, its
 * uploads and the draft's tombstone are written in one batch.
 */
export async function publishDraft(c: Context<AppEnv>, id: string) {
  const db = c.var.db;
  const viewer = signedInViewer(c);
  const [claimed, [draft]] = await db.batch([
    claimForPublishing(db, viewer.id, id, newId()),
    db.select().from(drafts).where(and(eq(drafts.authorId, viewer.id), eq(drafts.id, id))),
  ]);
  const claim = claimed[0];
  if (!claim) {
    if (!draft?.publishedNoteId) throw noDraft();
    const note = await loadNoteView(db, draft.publishedNoteId, viewer.id, readerImageQuality(c));
    if (!note) throw new ApiError("not_found", t("drafts.publishedNoteDeleted"));
    return { note, created: false };
  }
  const noteId = claim.publishedNoteId!;
  const input = JSON.parse(claim.content) as DraftContent;
  let prepared;
  try {
    if (!input.title && !input.body && input.media.length === 0) {
      throw new ApiError("validation_failed", t("drafts.emptyDraft"), {
        details: [{ field: "content.body", location: "body", message: t("drafts.empty") }],
      });
    }
    const { media, uploadIds } = await resolveNoteMedia(db, viewer.id, input.media, mediaBaseUrl(c), noteId, "content.media");
    prepared = { ...composeNote({ ...input, language: input.language ?? undefined, media }), uploadIds };
  } catch (error) {
    await releaseClaim(db, viewer.id, id, noteId);
    throw error;
  }
  const now = Date.now();
  const { created } = await insertNote(db, viewer.id, prepared.content, prepared.topics, requestIpRegion(c), {
    id: noteId,
    extras: (note) => [
      ...(prepared.uploadIds.length ? attachMediaStatements(db, viewer.id, note, prepared.uploadIds) : []),
      tombstonePublished(db, viewer.id, id, note, now),
    ],
  });
  const note = await loadNoteView(db, noteId, viewer.id, readerImageQuality(c));
  if (!note) throw new ApiError("conflict", t("drafts.noteDeletedWhilePublishing"));
  return { note, created };
}
