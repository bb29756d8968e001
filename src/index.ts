import { createApp } from "./app";
import { createDb } from "./db/client";
import { deleteExpiredRecords } from "./maintenance/cleanup";

export { CatTaxCounter } from "./durable-objects/cat-tax-counter";
export { NoteThread } from "./durable-objects/note-thread";
export { RateLimiter } from "./durable-objects/rate-limiter";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(deleteExpiredRecords(createDb(env.DB)));
  },
} satisfies ExportedHandler<Env>;
