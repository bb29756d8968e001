import { createApp } from "./app";

export { NoteThread } from "./durable-objects/note-thread";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
