import type { Context } from "hono";
import type { AppEnv } from "../env";
import { newId } from "./ids";

/*
 * The port through which features announce what happened, for external apps'
 * webhook subscriptions. A handler calls `emitEvent` after its write has
 * committed; the event goes onto the webhooks queue in the background
 * (waitUntil), so a write never waits for, or fails because of, a delivery.
 */

export const OUTGOING_EVENT_TYPES = ["note.created", "note.deleted", "comment.created", "cat_tax.stamped", "report.resolved"] as const;
export type OutgoingEventType = (typeof OUTGOING_EVENT_TYPES)[number];

/** What the event is about: ids, never content (the queue reads what is public when it sends). */
export type EventSubject = Record<string, string | number | null>;

export type WebhookQueueMessage =
  | { kind: "event"; eventId: string; type: OutgoingEventType; subject: EventSubject; occurredAt: number }
  | { kind: "delivery"; deliveryId: string }
  | { kind: "import"; appId: string; webhookId: string };

type Background = { env: Env; waitUntil: (promise: Promise<unknown>) => void };

/** Queues an event for webhook subscribers without making the caller wait (a Durable Object, which outlives the message, passes a no-op waitUntil). */
export function emitEventIn({ env, waitUntil }: Background, type: OutgoingEventType, subject: EventSubject): void {
  const message: WebhookQueueMessage = { kind: "event", eventId: `msg_${newId()}`, type, subject, occurredAt: Date.now() };
  waitUntil(
    env.WEBHOOKS_QUEUE.send(message).catch((error: unknown) =>
      console.error(JSON.stringify({ level: "error", message: "webhook event not queued", type, error: String(error) })),
    ),
  );
}

/** @example emitEvent(c, "note.created", { noteId: id }) */
export const emitEvent = (c: Context<AppEnv>, type: OutgoingEventType, subject: EventSubject) =>
  emitEventIn({ env: c.env, waitUntil: (p) => c.executionCtx.waitUntil(p) }, type, subject);

/**
 * The hook for the moderation queue: call once a report is resolved, after the write.
 * @example emitReportResolved(c, { caseId, targetType: "note", targetId, outcome: "remove" })
 */
export const emitReportResolved = (
  c: Context<AppEnv>,
  report: { caseId: string; targetType: "note" | "comment" | "user"; targetId: string; outcome: string },
) => emitEvent(c, "report.resolved", report);
