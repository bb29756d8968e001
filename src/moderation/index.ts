import { emitReportResolved } from "../lib/events";
import type { Context } from "hono";
import { eq } from "drizzle-orm";
import { users } from "../db/schema";
import type { AppEnv } from "../env";
import { signedInViewer } from "../lib/auth";
import { isUniqueViolation } from "../lib/db-errors";
import { ApiError } from "../lib/errors";
import { newId } from "../lib/ids";
import { createRouter } from "../lib/router";
import { iso } from "../lib/time";
import { applyModerationAction, assignModerationCase, reopenModerationCase } from "./actions";
import { matchesAnywhere, normaliseForScreening } from "./prescreen";
import { presentCases } from "./queue";
import { fileReport } from "./reports";
import {
  addWordRoute,
  assignCaseRoute,
  createReportRoute,
  deleteWordRoute,
  getCaseRoute,
  listAuditRoute,
  listCasesRoute,
  listNoticesRoute,
  listWordsRoute,
  reopenCaseRoute,
  resolveCaseRoute,
} from "./routes";
import { mayHandle } from "./scope";
import {
  type PrescreenWordRow,
  caseOrigin,
  deletePrescreenWord,
  insertPrescreenWord,
  listPrescreenWords,
  loadCase,
  loadStaffScope,
  pageOfAudit,
  pageOfCases,
  pageOfNotices,
} from "./store";
import { t } from "../lib/i18n";

const waitUntil = (c: Context<AppEnv>) => (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise);

/** The staff member's scope and the language they read the queue in (their first, unless `requested`). */
async function staffReader(c: Context<AppEnv>, requested: string | undefined, translate = true) {
  const staffId = signedInViewer(c).id;
  const [scope, me] = await Promise.all([
    loadStaffScope(c.var.db, staffId),
    requested ? Promise.resolve(undefined) : c.var.db.select({ languages: users.languages }).from(users).where(eq(users.id, staffId)).get(),
  ]);
  const language = requested ?? me?.languages[0] ?? "en";
  return { scope, reader: { env: c.env, db: c.var.db, staffId, language, waitUntil: waitUntil(c), translate } };
}

/** One case as the staff member may see it: out of their area it does not exist for them. */
async function caseView(c: Context<AppEnv>, id: string, requested?: string, translate = false) {
  const { scope, reader } = await staffReader(c, requested, translate);
  const row = await loadCase(c.var.db, id);
  if (!row || !mayHandle(scope, caseOrigin(row.case))) throw new ApiError("not_found", t("moderation.caseNotFound"));
  return (await presentCases(reader, [row]))[0]!;
}

const presentWord = (row: PrescreenWordRow) => ({
  id: row.id,
  word: row.word,
  language: row.language,
  category: row.category,
  matches: row.wholeWord ? ("whole_word" as const) : ("anywhere" as const),
  createdAt: iso(row.createdAt),
});

const staffActor = (c: Context<AppEnv>) => ({ kind: "staff" as const, userId: signedInViewer(c).id });

export const moderationRouter = createRouter()
  .openapi(createReportRoute, async (c) => {
    const { report, created } = await fileReport(c.env, c.var.db, signedInViewer(c).id, c.req.valid("json"), waitUntil(c));
    return created ? c.json(report, 201) : c.json(report, 200);
  })
  .openapi(listCasesRoute, async (c) => {
    const query = c.req.valid("query");
    const { scope, reader } = await staffReader(c, query.language);
    const page = await pageOfCases(c.var.db, scope, query);
    return c.json({ items: await presentCases(reader, page.items), nextCursor: page.nextCursor }, 200);
  })
  .openapi(getCaseRoute, async (c) =>
    c.json(await caseView(c, c.req.valid("param").id, c.req.valid("query").language, true), 200),
  )
  .openapi(assignCaseRoute, async (c) => {
    const { id } = c.req.valid("param");
    await assignModerationCase(c.var.db, id, staffActor(c));
    return c.json(await caseView(c, id), 200);
  })
  .openapi(resolveCaseRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    await applyModerationAction(
      c.env,
      c.var.db,
      {
        caseId: id,
        action: input.action,
        reason: input.reason,
        suspendUntil: input.suspendUntil ? Date.parse(input.suspendUntil) : undefined,
        actor: staffActor(c),
      },
      waitUntil(c),
    );
    const resolved = await caseView(c, id);
    // Subscribed apps hear the outcome (which content, which action), never who reported it.
    emitReportResolved(c, { caseId: id, targetType: resolved.targetType, targetId: resolved.targetId, outcome: input.action });
    return c.json(resolved, 200);
  })
  .openapi(reopenCaseRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json") as { reason?: string } | undefined;
    await reopenModerationCase(c.var.db, id, staffActor(c), body?.reason ?? null);
    return c.json(await caseView(c, id), 200);
  })
  .openapi(listAuditRoute, async (c) => {
    const page = await pageOfAudit(c.var.db, c.req.valid("query"));
    return c.json({ items: page.items.map((row) => ({ ...row, createdAt: iso(row.createdAt) })), nextCursor: page.nextCursor }, 200);
  })
  .openapi(listNoticesRoute, async (c) => {
    const page = await pageOfNotices(c.var.db, signedInViewer(c).id, c.req.valid("query"));
    const items = page.items.map((row) => ({
      action: row.action.replace(/^resolve\./, "").replace("auto_hide", "hide"),
      targetType: row.targetType,
      targetId: row.targetId,
      reason: row.reason,
      suspendedUntil: typeof row.details?.suspendedUntil === "string" ? row.details.suspendedUntil : null,
      createdAt: iso(row.createdAt),
    }));
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  })
  .openapi(listWordsRoute, async (c) => {
    const page = await listPrescreenWords(c.var.db, c.req.valid("query"));
    return c.json({ items: page.items.map(presentWord), nextCursor: page.nextCursor }, 200);
  })
  .openapi(addWordRoute, async (c) => {
    const input = c.req.valid("json");
    const word = normaliseForScreening(input.word);
    if (!word) {
      throw new ApiError("validation_failed", t("validation.body", { fields: "word" }), {
        details: [{ field: "word", location: "body", message: t("moderation.wordNeedsLetter") }],
      });
    }
    const now = Date.now();
    const row = {
      id: newId(now),
      word,
      language: input.language,
      category: input.category,
      wholeWord: !matchesAnywhere(word),
      createdBy: signedInViewer(c).id,
      createdAt: now,
    };
    const inserted = await insertPrescreenWord(c.var.db, row).catch((error) => {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    });
    if (!inserted) throw new ApiError("conflict", t("moderation.wordExists"));
    return c.json(presentWord(inserted), 201);
  })
  .openapi(deleteWordRoute, async (c) => {
    const word = await deletePrescreenWord(c.var.db, c.req.valid("param").id, signedInViewer(c).id);
    if (!word) throw new ApiError("not_found", t("moderation.wordNotFound"));
    return c.body(null, 204);
  });
