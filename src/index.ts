import { createApp } from "./app";
import { createDb } from "./db/client";
import { runHourlyCleanup } from "./maintenance/cleanup";
import type { WebhookQueueMessage } from "./lib/events";
import { handleWebhookQueue, webhookHousekeeping } from "./webhooks";

export { CatTaxCounter } from "./durable-objects/cat-tax-counter";
export { FeedImpressions } from "./durable-objects/feed-impressions";
export { NoteThread } from "./durable-objects/note-thread";
export { RateLimiter } from "./durable-objects/rate-limiter";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runHourlyCleanup(env, createDb(env.DB)));
    ctx.waitUntil(webhookHousekeeping(env));
  },
  queue: handleWebhookQueue,
} satisfies ExportedHandler<Env, WebhookQueueMessage>;
