import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { decodeCursor, encodeCursor } from "../lib/pagination";
import { createRouter } from "../lib/router";
import { publishDraft } from "./publish";
import { deleteDraftRoute, getDraftRoute, listDraftsRoute, publishDraftRoute, putDraftRoute, syncDraftsRoute } from "./routes";
import type { DraftView } from "./schemas";
import { findDraft, pageOfDrafts, presentDraft } from "./store";
import { applyDraftChanges } from "./sync";
import { t } from "../lib/i18n";

const conflictBody = (requestId: string, baseVersion: number | null, draft: DraftView) => ({
  error: {
    code: "conflict" as const,
    message: draft.deleted
      ? `This draft was ${draft.publishedNoteId ? "published" : "deleted"}; it can't be changed`
      : `This draft changed elsewhere since version ${baseVersion}; merge the server's copy and send version ${draft.version}`,
    requestId,
  },
  draft,
});

export const draftsRouter = createRouter()
  .openapi(putDraftRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { baseVersion, content } = c.req.valid("json");
    const outcome = await applyDraftChanges(c.var.db, signedInViewer(c).id, [{ id, baseVersion, content }], null);
    const conflict = outcome.conflicts[0];
    if (conflict) return c.json(conflictBody(c.var.requestId, baseVersion, presentDraft(conflict.server)), 409);
    return c.json(presentDraft(outcome.applied[0]!), 200);
  })
  .openapi(getDraftRoute, async (c) => {
    const draft = await findDraft(c.var.db, signedInViewer(c).id, c.req.valid("param").id);
    if (!draft) throw new ApiError("not_found", t("drafts.notFound"));
    return c.json(presentDraft(draft), 200);
  })
  .openapi(listDraftsRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const after = cursor ? Number(decodeCursor(cursor)[0]) : null;
    const rows = await pageOfDrafts(c.var.db, signedInViewer(c).id, Number.isFinite(after) ? after : null, limit);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json(
      {
        items: page.map(presentDraft),
        nextCursor: rows.length > limit && last ? encodeCursor([last.changeSeq, last.id]) : null,
      },
      200,
    );
  })
  .openapi(deleteDraftRoute, async (c) => {
    const { id } = c.req.valid("param");
    const baseVersion = c.req.valid("query").baseVersion ?? null;
    const outcome = await applyDraftChanges(c.var.db, signedInViewer(c).id, [{ id, baseVersion, deleted: true }], null);
    const conflict = outcome.conflicts[0];
    if (conflict) return c.json(conflictBody(c.var.requestId, baseVersion, presentDraft(conflict.server)), 409);
    return c.body(null, 204);
  })
  .openapi(syncDraftsRoute, async (c) => {
    const { syncToken, changes } = c.req.valid("json");
    const writes = changes.map((change) =>
      change.deleted
        ? { id: change.id, baseVersion: change.baseVersion, deleted: true as const }
        : { id: change.id, baseVersion: change.baseVersion, content: change.content! },
    );
    const outcome = await applyDraftChanges(c.var.db, signedInViewer(c).id, writes, Number(syncToken ?? 0));
    return c.json(
      {
        applied: outcome.applied.map(presentDraft),
        conflicts: outcome.conflicts.map(({ change, server }) => ({
          id: change.id,
          baseVersion: change.baseVersion ?? 0,
          draft: presentDraft(server),
        })),
        changed: outcome.changed.map(presentDraft),
        syncToken: outcome.syncToken,
        hasMore: outcome.hasMore,
      },
      200,
    );
  })
  .openapi(publishDraftRoute, async (c) => {
    const { note, created } = await publishDraft(c, c.req.valid("param").id);
    return created ? c.json(note, 201) : c.json(note, 200);
  });
