import { createApp } from "./app";
import { createDb } from "./db/client";
import { deleteExpiredRecords } from "./maintenance/cleanup";
import type { WebhookQueueMessage } from "./lib/events";
import { handleWebhookQueue, webhookHousekeeping } from "./webhooks";

export { CatTaxCounter } from "./durable-objects/cat-tax-counter";
export { NoteThread } from "./durable-objects/note-thread";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(deleteExpiredRecords(createDb(env.DB)));
    ctx.waitUntil(webhookHousekeeping(env));
  },
  queue: handleWebhookQueue,
} satisfies ExportedHandler<Env, WebhookQueueMessage>;
