import { signedInViewer } from "../lib/auth";
import { blockedError } from "../lib/blocking";
import { ApiError } from "../lib/errors";
import { emitEvent } from "../lib/events";
import { t } from "../lib/i18n";
import { createRouter } from "../lib/router";
import { refuseSuspended } from "../lib/suspension";
import { iso } from "../lib/time";
import { noteNotFound } from "../notes/store";
import { readerImageQuality } from "../media/view";
import { markReplayed } from "../lib/create-once";
import { loadNoteViews } from "../notes/view";
import { isCatNote } from "./cat-note";
import { leaderboardRoute, listReceiptsRoute, stampReceiptRoute } from "./routes";
import { counterReceiptView, pageOfReceipts, stampContext, topNotesOverall, topNotesSince } from "./store";


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
    const { note, topics, stamper, blocked } = await stampContext(c.var.db, id, signedInViewer(c).id);
    if (!stamper) throw new ApiError("unauthorized", t("accounts.gone"));
    refuseSuspended(stamper.suspendedUntil);
    if (!note) throw noteNotFound();
    if (blocked) throw blockedError(t("blocks.stampBlocked"));
    if (!isCatNote(note, topics)) {
      throw new ApiError("conflict", t("catTax.notCatNote"));
    }
    if (note.authorId === stamper.id) throw new ApiError("forbidden", t("catTax.ownNote"));
    // Acknowledged once the counter's own storage holds it; D1 gets its copy right after (see CatTaxCounter).
    const result = await c.env.CAT_TAX_COUNTER.getByName(id).stamp({
      noteId: id,
      stamperId: stamper.id,
      stamperNickname: stamper.nickname,
      catName: note.catName,
      idempotencyKey: c.var.idempotency?.key ?? null,
    });
    markReplayed(c, result.replayed);
    if (result.created) emitEvent(c, "cat_tax.stamped", { noteId: id, serial: result.receipt.serial });
    return c.json(counterReceiptView(id, result.receipt, { id: stamper.id, nickname: stamper.nickname }), result.created || result.replayed ? 201 : 200);
  })
  .openapi(listReceiptsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    // A signed-in reader may have just stamped: the first page also asks the counter for what D1 may not have yet.
    const unmirrored = c.var.viewer && !query.cursor ? c.env.CAT_TAX_COUNTER.getByName(id).unmirrored() : Promise.resolve([]);
    const page = await pageOfReceipts(c.var.db, id, c.var.viewer?.id ?? null, query, unmirrored);
    if (!page) throw noteNotFound();
    return c.json(page, 200);
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
