import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { CONTENT_VISIBILITY, type ModerationAction, comments, moderationCases, notes, users } from "../db/schema";
import { ApiError } from "../lib/errors";
import { notifyThread } from "../live/notify";
import { type StaffScope, covers, culturalBuffer, isMediatorFor, isQueueStaff, mayHandle } from "./scope";
import { auditEntryWhen } from "../lib/audit";
import { type Case, assignCase, caseOrigin, findCase, loadStaffScope, nothing, reopenCase } from "./store";
import { t } from "../lib/i18n";

/** Who decides: a staff member, or an external moderation service (an app, through its webhook). */
export type ModerationActor = { kind: "staff"; userId: string } | { kind: "app"; appId: string };

export type ModerationDecision = {
  caseId: string;
  action: ModerationAction;
  /** Shown to the author. */
  reason: string;
  /** Epoch ms; required for `suspend`. */
  suspendUntil?: number;
  actor: ModerationActor;
};

const MAX_SUSPENSION_MS = 10 * 365 * 86_400_000;

const actorName = (actor: ModerationActor) => (actor.kind === "staff" ? actor.userId : `app:${actor.appId}`);

const caseNotFound = () => new ApiError("not_found", t("moderation.caseNotFound"));

/**
 * Loads a case for an actor and checks they may act on it: staff must hold a
 * queue role covering it (mediators: its region or language); apps may act on
 * any case. A mediator never learns of a case outside their area (404).
 */
async function caseForActor(db: Db, caseId: string, actor: ModerationActor): Promise<{ found: Case; scope: StaffScope | null }> {
  const [found, scope] = await Promise.all([
    findCase(db, caseId),
    actor.kind === "staff" ? loadStaffScope(db, actor.userId) : Promise.resolve(null),
  ]);
  if (scope && !isQueueStaff(scope)) throw new ApiError("forbidden", t("moderation.queueStaffOnly"));
  if (!found) throw caseNotFound();
  if (scope && !mayHandle(scope, caseOrigin(found))) {
    throw new ApiError("forbidden", t("moderation.outsideArea"));
  }
  return { found, scope };
}

function checkDecision(env: Env, found: Case, scope: StaffScope | null, decision: ModerationDecision, now: number) {
  const { action } = decision;
  if (found.status !== "open") throw new ApiError("conflict", t("moderation.alreadyResolved"));
  if ((action === "hide" || action === "remove") && found.targetType === "user") {
    throw new ApiError("validation_failed", t("moderation.peopleNotHidden"), {
      details: [{ field: "action", location: "body", message: t("moderation.hideAppliesToContent") }],
    });
  }
  if (action === "suspend") {
    const until = decision.suspendUntil;
    if (until === undefined || until <= now || until > now + MAX_SUSPENSION_MS) {
      throw new ApiError("validation_failed", t("moderation.suspensionNeedsEnd"), {
        details: [{ field: "suspendUntil", location: "body", message: t("moderation.suspendUntilRequired") }],
      });
    }
    if (!found.authorId) throw new ApiError("conflict", t("moderation.accountGone"));
  }
  // The cultural buffer: in its regions and languages only a human mediator's decision hides content.
  if ((action === "hide" || action === "remove") && covers(culturalBuffer(env), caseOrigin(found))) {
    if (!scope || !isMediatorFor(scope, caseOrigin(found))) {
      throw new ApiError("forbidden", t("moderation.culturalBuffer"));
    }
  }
}

/**
 * The one way a moderation decision is applied, by staff through the API or by
 * an app through its webhook: resolves the case, changes the content's
 * visibility or the author's suspension, and writes the audit log, in one D1
 * batch that does nothing if the case was resolved meanwhile. Live threads of
 * the affected note are told (retracting a hidden comment, closing a hidden note).
 */
export async function applyModerationAction(
  env: Env,
  db: Db,
  decision: ModerationDecision,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<{ caseId: string }> {
  const now = Date.now();
  const { found, scope } = await caseForActor(db, decision.caseId, decision.actor);
  checkDecision(env, found, scope, decision, now);
  const { action, reason } = decision;
  const actor = actorName(decision.actor);
  const justResolved = sql`exists (select 1 from ${moderationCases} where id = ${found.id} and status = 'resolved' and resolved_at = ${now} and resolved_by = ${actor})`;
  const visibility: (typeof CONTENT_VISIBILITY)[number] | null =
    action === "hide" ? "hidden" : action === "remove" ? "removed" : action === "dismiss" ? "visible" : null;
  const change = visibility && { visibility, moderationReason: visibility === "visible" ? null : reason };
  const changeContent =
    change && found.targetType === "note"
      ? db
          .update(notes)
          .set(change)
          .where(and(eq(notes.id, found.targetId), ne(notes.visibility, change.visibility), justResolved))
          .returning({ noteId: notes.id })
      : change && found.targetType === "comment"
        ? db
            .update(comments)
            .set(change)
            .where(and(eq(comments.id, found.targetId), ne(comments.visibility, change.visibility), justResolved))
            .returning({ noteId: comments.noteId })
        : nothing(db);
  const [resolved, changed] = await db.batch([
    db
      .update(moderationCases)
      .set({ status: "resolved", action, reason, resolvedBy: actor, resolvedAt: now })
      .where(and(eq(moderationCases.id, found.id), eq(moderationCases.status, "open")))
      .returning({ id: moderationCases.id }),
    changeContent,
    action === "suspend"
      ? db.update(users).set({ suspendedUntil: decision.suspendUntil! }).where(and(eq(users.id, found.authorId!), justResolved))
      : nothing(db),
    auditEntryWhen(
      db,
      {
        actor,
        action: `resolve.${action}`,
        caseId: found.id,
        targetType: found.targetType,
        targetId: found.targetId,
        subjectUserId: found.authorId,
        reason,
        details: action === "suspend" ? { suspendedUntil: new Date(decision.suspendUntil!).toISOString() } : null,
        createdAt: now,
      },
      justResolved,
    ),
  ]);
  if (resolved.length === 0) throw new ApiError("conflict", t("moderation.resolvedMeanwhile"));
  const noteId = changed[0]?.noteId;
  if (noteId) waitUntil(notifyThread(env, noteId));
  return { caseId: found.id };
}

/** A staff member takes a case: others see who is on it. */
export async function assignModerationCase(db: Db, caseId: string, actor: ModerationActor) {
  if (actor.kind !== "staff") throw new ApiError("forbidden", t("moderation.staffOnlyTake"));
  const { found } = await caseForActor(db, caseId, actor);
  if (found.status !== "open") throw new ApiError("conflict", t("moderation.onlyOpenAssigned"));
  const taken = sql`exists (select 1 from ${moderationCases} where id = ${caseId} and status = 'open' and assignee_id = ${actor.userId})`;
  const [assigned] = await db.batch([
    assignCase(db, caseId, actor.userId),
    auditEntryWhen(db, { actor: actor.userId, action: "assign", caseId, targetType: found.targetType, targetId: found.targetId, createdAt: Date.now() }, taken),
  ]);
  if (assigned.length === 0) throw new ApiError("conflict", t("moderation.resolvedMeanwhile"));
}

/** Puts a resolved case back in the queue; the content stays as the last decision left it until the next one. */
export async function reopenModerationCase(db: Db, caseId: string, actor: ModerationActor, reason: string | null) {
  const { found } = await caseForActor(db, caseId, actor);
  if (found.status !== "resolved") throw new ApiError("conflict", t("moderation.alreadyOpen"));
  const [reopened] = await db.batch([
    reopenCase(db, found),
    auditEntryWhen(db, {
      actor: actorName(actor),
      action: "reopen",
      caseId,
      targetType: found.targetType,
      targetId: found.targetId,
      subjectUserId: found.authorId,
      reason,
      details: { previousAction: found.action },
      createdAt: Date.now(),
    }, sql`exists (select 1 from ${moderationCases} where id = ${caseId} and status = 'open')`),
  ]);
  if (reopened.length === 0) throw new ApiError("conflict", t("moderation.otherCaseOpen"));
}
