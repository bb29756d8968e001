import type { Db } from "../../db/client";
import { iso } from "../../lib/time";
import { newId } from "../../lib/ids";
import type { WebhookQueueMessage } from "../../lib/events";
import { eventData } from "./payloads";
import { recordEvent, subscribersOf } from "./store";

const MESSAGES_PER_SEND = 100;

/**
 * An event from the queue: snapshot what is public about it once (every attempt
 * then sends the same body under the same webhook-id), log one delivery per
 * subscriber and queue each. A re-run of the message adds nothing twice.
 */
export async function fanOutEvent(env: Env, db: Db, event: Extract<WebhookQueueMessage, { kind: "event" }>) {
  const subscribers = await subscribersOf(db, event.type);
  if (subscribers.length === 0) return;
  const data = await eventData(db, event.type, event.subject, event.occurredAt);
  if (!data) return;
  const payload = JSON.stringify({ type: event.type, timestamp: iso(event.occurredAt), data });
  const pending = await recordEvent(db, { id: event.eventId, type: event.type, payload }, subscribers, () => newId());
  for (let i = 0; i < pending.length; i += MESSAGES_PER_SEND) {
    await env.WEBHOOKS_QUEUE.sendBatch(
      pending.slice(i, i + MESSAGES_PER_SEND).map(({ id }) => ({ body: { kind: "delivery", deliveryId: id } satisfies WebhookQueueMessage })),
    );
  }
}
