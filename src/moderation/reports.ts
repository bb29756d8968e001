import type { z } from "@hono/zod-openapi";
import type { Db } from "../db/client";
import { ApiError } from "../lib/errors";
import { newId } from "../lib/ids";
import { iso } from "../lib/time";
import { notifyThread } from "../live/notify";
import type { ReportCreateSchema, ReportSchema } from "./schemas";
import { autoHideThreshold, covers, culturalBuffer } from "./scope";
import { auditEntry } from "../lib/audit";
import { insertReport, reportableTarget } from "./store";
import { t } from "../lib/i18n";

type ReportInput = z.infer<typeof ReportCreateSchema>;

/**
 * A person reports a note, comment or person. Their second report of the same
 * thing while its case is open changes nothing (`created: false`). At the
 * threshold of distinct reporters the content is hidden pending review, except
 * in the cultural buffer, where it waits for a mediator.
 */
export async function fileReport(
  env: Env,
  db: Db,
  reporterId: string,
  input: ReportInput,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<{ report: z.infer<typeof ReportSchema>; created: boolean }> {
  const facts = await reportableTarget(db, input.targetType, input.targetId, reporterId);
  if (!facts) throw new ApiError("not_found", t(input.targetType === "note" ? "notes.notFound" : input.targetType === "comment" ? "comments.notFound" : "users.notFound"));
  if (facts.authorId === reporterId) throw new ApiError("validation_failed", t("moderation.cannotReportSelf"), {
    details: [{ field: "targetId", location: "body", message: t("moderation.isYours") }],
  });
  const now = Date.now();
  const reportId = newId(now);
  const threshold = autoHideThreshold(env);
  const { report, hidNoteId } = await insertReport(db, {
    caseId: newId(now),
    reportId,
    reporterId,
    targetType: input.targetType,
    targetId: input.targetId,
    facts,
    category: input.category,
    comment: input.comment ?? null,
    now,
    threshold,
    autoHide: !covers(culturalBuffer(env), facts.origin),
  });
  if (hidNoteId) {
    await auditEntry(db, {
      actor: "system",
      action: "auto_hide",
      targetType: input.targetType,
      targetId: input.targetId,
      subjectUserId: facts.authorId,
      reason: `Reported by ${threshold} people`,
      createdAt: now,
    });
    waitUntil(notifyThread(env, hidNoteId));
  }
  return {
    report: {
      id: report.id,
      targetType: input.targetType,
      targetId: input.targetId,
      category: report.category as ReportInput["category"],
      comment: report.comment,
      createdAt: iso(report.createdAt),
    },
    created: report.id === reportId,
  };
}

/**
 * An external moderation service (an app, through its webhook) flags content
 * for review: it joins the target's open case as a report by the app and marks
 * the case flagged by an automatic rule. It hides nothing by itself; the app's
 * decision goes through applyModerationAction with `{ kind: "app" }`.
 */
export async function flagForReview(
  env: Env,
  db: Db,
  appId: string,
  input: ReportInput,
): Promise<{ caseId: string; reportId: string }> {
  const facts = await reportableTarget(db, input.targetType, input.targetId, null);
  if (!facts) throw new ApiError("not_found", t(input.targetType === "note" ? "notes.notFound" : input.targetType === "comment" ? "comments.notFound" : "users.notFound"));
  const now = Date.now();
  const { report } = await insertReport(db, {
    caseId: newId(now),
    reportId: newId(now),
    reporterId: null,
    targetType: input.targetType,
    targetId: input.targetId,
    facts,
    category: input.category,
    comment: `App ${appId}${input.comment ? `: ${input.comment}` : ""}`.slice(0, 1000),
    now,
    threshold: autoHideThreshold(env),
    autoHide: false,
  });
  return { caseId: report.caseId, reportId: report.id };
}
