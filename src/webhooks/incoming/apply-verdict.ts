import type { Db } from "../../db/client";
import { ApiError } from "../../lib/errors";
import type { ModerationAction } from "../../db/schema";
import { applyModerationAction } from "../../moderation/actions";
import { flagForReview } from "../../moderation/reports";
import type { Verdict } from "./schemas";
import { targetVisibility } from "./store";

/** What an app's verdict does as a moderation decision: `keep` dismisses the case, restoring hidden content. */
const decisionFor: Record<Verdict["action"], ModerationAction> = { keep: "dismiss", hide: "hide", remove: "remove" };

export type VerdictOutcome = {
  /** `referred_to_mediator`: the content is in the cultural buffer, where only a human mediator hides or removes. */
  outcome: "applied" | "referred_to_mediator";
  caseId: string;
  visibility: "visible" | "hidden" | "removed" | null;
};

/**
 * An external moderation service's verdict, through the same code as a staff
 * decision: the app's flag joins the target's case in the queue, and
 * applyModerationAction resolves it with the app as the actor (audited as
 * `app:<id>`). In the cultural buffer the app may not hide or remove: the case
 * stays open, flagged, for a mediator.
 */
export async function applyVerdict(
  env: Env,
  db: Db,
  appId: string,
  verdict: Verdict,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<VerdictOutcome> {
  const { caseId } = await flagForReview(env, db, appId, {
    targetType: verdict.target.type,
    targetId: verdict.target.id,
    category: "other",
    comment: verdict.reason,
  });
  let outcome: VerdictOutcome["outcome"] = "applied";
  try {
    const reason = verdict.reason ?? `Decided by an external moderation service (${verdict.action})`;
    await applyModerationAction(env, db, { caseId, action: decisionFor[verdict.action], reason, actor: { kind: "app", appId } }, waitUntil);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === "forbidden")) throw error;
    outcome = "referred_to_mediator";
  }
  return { outcome, caseId, visibility: await targetVisibility(db, verdict.target) };
}
