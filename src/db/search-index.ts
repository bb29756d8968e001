/*
 * The FTS5 tables (migrations/0015_search_and_trending.sql). They live outside
 * src/db/schema because drizzle-kit cannot express virtual tables and would emit
 * plain CREATE TABLEs for them. Nicknames and topic names are indexed by triggers;
 * notes are indexed here, beside the write that changes them, because their text is
 * segmented in JavaScript (src/lib/search-text.ts).
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { indexedText } from "../lib/search-text";
import type { Db } from "./client";
import { noteSearchDocs } from "./schema";

const ftsColumns = { rowid: integer("rowid").notNull(), words: text("words").notNull(), chars: text("chars").notNull() };

export const noteSearch = sqliteTable("note_search", ftsColumns);
export const userSearch = sqliteTable("user_search", ftsColumns);
export const topicSearch = sqliteTable("topic_search", ftsColumns);

export type SearchableNote = { title: string; body: string; placeName: string | null; topics: string[] };

/**
 * Statements that (re)index a note; put them in the same db.batch as the write that
 * creates or edits it, so the index never disagrees with the note. Deleting a note
 * removes its entry by cascade (note_search_docs → trigger).
 */
export function indexNoteStatements(db: Db, noteId: string, note: SearchableNote, options: { fresh?: boolean } = {}): BatchItem<"sqlite">[] {
  const { words, chars } = indexedText([note.title, note.body, note.placeName ?? "", ...note.topics].join("\n"));
  const docId = sql`(select ${noteSearchDocs.docId} from ${noteSearchDocs} where ${noteSearchDocs.noteId} = ${noteId})`;
  return [
    db.insert(noteSearchDocs).values({ noteId }).onConflictDoNothing(),
    // Query builders, not db.run: drizzle's D1 batch cannot bind parameters of raw statements.
    // A note with a new id has no entry to replace.
    ...(options.fresh ? [] : [db.delete(noteSearch).where(eq(noteSearch.rowid, docId))]),
    db.insert(noteSearch).values({ rowid: docId, words, chars }),
  ];
}
