import { signedInViewer } from "../lib/auth";
import { blockedError, blockedFromNote } from "../lib/blocking";
import { ApiError } from "../lib/errors";
import { emitEvent } from "../lib/events";
import { t } from "../lib/i18n";
import { createRouter } from "../lib/router";
import { iso } from "../lib/time";
import { findVisibleNote, noteNotFound, requireNote, topicsOfNote } from "../notes/store";
import { readerImageQuality } from "../media/view";
import { loadNoteViews } from "../notes/view";
import { isCatNote } from "./cat-note";
import { leaderboardRoute, listReceiptsRoute, stampReceiptRoute } from "./routes";
import { loadReceipts, pageOfReceipts, topNotesOverall, topNotesSince } from "./store";


/** Monday 00:00 UTC of the week `now` falls in. */
function startOfWeek(now: number): number {
  const day = new Date(now);
  day.setUTCHours(0, 0, 0, 0);
  return day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000;
}

/** Competition ranks: equal counts share a rank, the next rank skips (1, 2, 2, 4). */
const ranked = <T extends { receiptCount: number }>(rows: T[]) =>
  rows.map((row) => ({ ...row, rank: rows.findIndex((other) => other.receiptCount === row.receiptCount) + 1 }));

export const catTaxRouter = createRouter()
  .openapi(stampReceiptRoute, async (c) => {
    const { id } = c.req.valid("param");
    const stamper = signedInViewer(c);
    const [note, topics, blocked] = await Promise.all([
      findVisibleNote(c.var.db, id, stamper.id),
      topicsOfNote(c.var.db, id),
      blockedFromNote(c.var.db, stamper.id, id),
    ]);
    if (!note) throw noteNotFound();
    if (blocked) throw blockedError(t("blocks.stampBlocked"));
    if (!isCatNote(note, topics)) {
      throw new ApiError("conflict", t("catTax.notCatNote"));
    }
    if (note.authorId === stamper.id) throw new ApiError("forbidden", t("catTax.ownNote"));
    const result = await c.env.CAT_TAX_COUNTER.getByName(id).stamp({
      noteId: id,
      stamperId: stamper.id,
      catName: note.catName,
    });
    if (!result.ok) {
      throw new ApiError(result.code, result.message, result.code === "service_unavailable" ? { headers: { "Retry-After": "5" } } : {});
    }
    if (result.created) emitEvent(c, "cat_tax.stamped", { noteId: id, serial: result.serial });
    const [receipt] = await loadReceipts(c.var.db, id, [result.serial]);
    return c.json(receipt!, result.created ? 201 : 200);
  })
  .openapi(listReceiptsRoute, async (c) => {
    const { id } = c.req.valid("param");
    await requireNote(c.var.db, id, c.var.viewer?.id ?? null);
    return c.json(await pageOfReceipts(c.var.db, id, c.req.valid("query")), 200);
  })
  .openapi(leaderboardRoute, async (c) => {
    const { period, limit } = c.req.valid("query");
    const since = period === "week" ? startOfWeek(Date.now()) : null;
    const viewerId = c.var.viewer?.id ?? null;
    const top =
      since === null ? await topNotesOverall(c.var.db, viewerId, limit) : await topNotesSince(c.var.db, viewerId, since, limit);
    const notes = new Map(
      (await loadNoteViews(c.var.db, top.map((row) => row.noteId), viewerId, readerImageQuality(c))).map((note) => [note.id, note]),
    );
    const items = ranked(top.filter((row) => notes.has(row.noteId))).map(({ noteId, receiptCount, rank }) => ({
      rank,
      receiptCount,
      note: notes.get(noteId)!,
    }));
    return c.json({ period, since: since === null ? null : iso(since), items }, 200);
  });
