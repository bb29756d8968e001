import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../../db/client";
import { appModerationActions, comments, notes } from "../../db/schema";
import { newId } from "../../lib/ids";
import type { Verdict } from "./schemas";
import { claimWon } from "./store";

type Visibility = "visible" | "hidden" | "removed";

/** What a verdict leaves the content as: keep restores hidden content, never removed; hide never undoes a removal. */
export function visibilityAfter(action: Verdict["action"], before: Visibility): Visibility {
  if (action === "remove") return "removed";
  if (action === "hide") return before === "removed" ? "removed" : "hidden";
  return before === "hidden" ? "visible" : before;
}

/**
 * An external moderation service's verdict, as statements for the delivery's one
 * batch: they apply only if this delivery's claim won, so a duplicate changes
 * nothing. The app is recorded as the actor in app_moderation_actions.
 * TODO(merge): switch to the moderation queue's shared applyModerationAction.
 */
export function applyVerdict(
  db: Db,
  claim: { appId: string; webhookId: string; claimToken: string },
  verdict: Verdict,
): BatchItem<"sqlite">[] {
  const table = verdict.target.type === "note" ? notes : comments;
  const once = claimWon(claim);
  const change =
    verdict.action === "keep"
      ? db
          .update(table)
          .set({ visibility: "visible", moderationReason: null })
          .where(and(eq(table.id, verdict.target.id), eq(table.visibility, "hidden"), once))
      : db
          .update(table)
          .set({ visibility: verdict.action === "hide" ? "hidden" : "removed", moderationReason: verdict.reason ?? null })
          .where(
            and(eq(table.id, verdict.target.id), verdict.action === "hide" ? eq(table.visibility, "visible") : sql`1`, once),
          );
  // Columns in table order: id, app_id, webhook_id, target_type, target_id, action, reason, created_at.
  const audit = db.insert(appModerationActions).select(sql`
    select ${newId()}, ${claim.appId}, ${claim.webhookId}, ${verdict.target.type}, ${verdict.target.id}, ${verdict.action}, ${verdict.reason ?? null}, ${Date.now()}
    where ${once}`);
  return [change, audit];
}
