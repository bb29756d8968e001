import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { notes } from "./notes";

/**
 * Changes a note's live thread must show, written by triggers in the same
 * transaction as the change itself (migrations/0003_thread_outbox_and_receipt_triggers.sql).
 * The note's NoteThread Durable Object reads them in id order (commit order)
 * and deletes what it has taken into its event log, so a change is never lost
 * even when the call telling the thread about it fails. Only threads someone
 * watches get rows (see liveThreads).
 */
export const threadOutbox = sqliteTable(
  "thread_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    noteId: text("note_id").notNull(),
    kind: text("kind", { enum: ["comment.created", "comment.edited", "comment.deleted", "receipt.created"] }).notNull(),
    /** The comment id, or the receipt serial. */
    subject: text("subject").notNull(),
  },
  (t) => [index("thread_outbox_note_idx").on(t.noteId, t.id)],
);

/**
 * Notes whose live thread has viewers (or had them a sweep ago): its NoteThread
 * adds the row before a first viewer's page is read and deletes it after the
 * last one left (src/live/watching.ts). The outbox triggers queue changes only
 * for these notes, and writers tell only these threads, so a note nobody
 * watches costs its writers no Durable Object call and D1 no outbox rows
 * (migrations/0017_live_threads.sql).
 */
export const liveThreads = sqliteTable("live_threads", {
  noteId: text("note_id")
    .primaryKey()
    .references(() => notes.id, { onDelete: "cascade" }),
  watchedSince: integer("watched_since").notNull(),
});
