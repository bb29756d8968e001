import { createDb } from "../db/client";
import type { Db } from "../db/client";
import type { WebhookQueueMessage } from "../lib/events";
import { DAY_MS } from "../lib/time";
import { applyImport } from "./incoming/import-posts";
import { deleteOldReceipts, finishImport, findReceipt, stalledImports } from "./incoming/store";
import { attemptDelivery } from "./outgoing/deliver";
import { fanOutEvent } from "./outgoing/fan-out";
import { deleteOldEvents, markDead } from "./outgoing/store";

export const DEAD_LETTER_QUEUE = "notebridge-webhooks-dlq";

async function handle(env: Env, db: Db, message: Message<WebhookQueueMessage>) {
  const body = message.body;
  if (body.kind === "delivery") return attemptDelivery(env, db, message as Message<{ deliveryId: string }>);
  if (body.kind === "event") await fanOutEvent(env, db, body);
  else await applyImport(db, body.appId, body.webhookId);
  message.ack();
}

/** A message that failed its last try: the log says so, and nothing retries it again. */
async function bury(db: Db, message: Message<WebhookQueueMessage>) {
  const body = message.body;
  if (body.kind === "delivery") await markDead(db, body.deliveryId);
  if (body.kind === "import") {
    const receipt = await findReceipt(db, body.appId, body.webhookId);
    const posts = (receipt?.payload as { posts?: { originalId: string }[] } | null)?.posts ?? [];
    const outcomes = posts.map((p) => ({ originalId: p.originalId, outcome: "failed", noteId: null, error: "The import kept failing" }));
    if (receipt?.status === "queued") await finishImport(db, body.appId, body.webhookId, outcomes);
  }
  if (body.kind === "event") console.error(JSON.stringify({ level: "error", message: "webhook event dropped", type: body.type }));
  message.ack();
}

/** The worker's queue() handler: webhook deliveries, event fan-out and imports, and their dead letters. */
export async function handleWebhookQueue(batch: MessageBatch<WebhookQueueMessage>, env: Env, _ctx?: ExecutionContext): Promise<void> {
  const db = createDb(env.DB);
  const dead = batch.queue === DEAD_LETTER_QUEUE;
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        await (dead ? bury(db, message) : handle(env, db, message));
      } catch (error) {
        console.error(JSON.stringify({ level: "error", message: "webhook queue message failed", kind: message.body.kind, error: String(error) }));
        message.retry();
      }
    }),
  );
}

/** Hourly: queue imports whose message was lost, and forget old receipts and events. */
export async function webhookHousekeeping(env: Env, now = Date.now()) {
  const db = createDb(env.DB);
  const stalled = await stalledImports(db, now - 15 * 60_000);
  if (stalled.length > 0) {
    await env.WEBHOOKS_QUEUE.sendBatch(stalled.map((s) => ({ body: { kind: "import", ...s } satisfies WebhookQueueMessage })));
  }
  await db.batch([deleteOldReceipts(db, now - 30 * DAY_MS), deleteOldEvents(db, now - 30 * DAY_MS)]);
}
