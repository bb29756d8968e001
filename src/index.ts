import { createApp } from "./app";

export { CatTaxCounter } from "./durable-objects/cat-tax-counter";
export { NoteThread } from "./durable-objects/note-thread";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
