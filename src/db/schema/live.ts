import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Changes a note's live thread must show, written by triggers in the same
 * transaction as the change itself (migrations/0003_thread_outbox_and_receipt_triggers.sql).
 * The note's NoteThread Durable Object reads them in id order (commit order)
 * and deletes what it has taken into its event log, so a change is never lost
 * even when the call telling the thread about it fails.
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
