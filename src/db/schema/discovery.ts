import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { notes, topics } from "./notes";
import { users } from "./accounts";

/*
 * Topic statistics and the search index's doc ids. Everything here is written by
 * triggers (migrations/0015_search_and_trending.sql), never by the API directly,
 * except note_search_docs, which the API fills beside the note's FTS row.
 */

/**
 * A topic's discussion count (notes plus their comments) is the sum of its rows
 * here: each change lands on one of 16 shards at random, so a hot topic's writes
 * do not all rewrite one row.
 */
export const topicDiscussionShards = sqliteTable(
  "topic_discussion_shards",
  {
    topic: text("topic").notNull(),
    shard: integer("shard").notNull(),
    discussions: integer("discussions").notNull(),
  },
  (t) => [primaryKey({ columns: [t.topic, t.shard] })],
);

/** Who posted or commented under a topic in which epoch hour: trending counts distinct people. */
export const topicPeopleHourly = sqliteTable(
  "topic_people_hourly",
  {
    hour: integer("hour").notNull(),
    topic: text("topic").notNull(),
    userId: text("user_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.topic, t.userId] })],
);

/* The FTS5 tables' rowids: text primary keys have no stable rowid of their own. */
export const noteSearchDocs = sqliteTable("note_search_docs", {
  docId: integer("doc_id").primaryKey(),
  noteId: text("note_id")
    .notNull()
    .unique()
    .references(() => notes.id, { onDelete: "cascade" }),
});

export const userSearchDocs = sqliteTable("user_search_docs", {
  docId: integer("doc_id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
});

export const topicSearchDocs = sqliteTable("topic_search_docs", {
  docId: integer("doc_id").primaryKey(),
  topic: text("topic")
    .notNull()
    .unique()
    .references(() => topics.name, { onDelete: "cascade" }),
});
