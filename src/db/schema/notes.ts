import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt } from "./columns";

/** "hidden" pending review or by staff; "removed" by a staff decision. */
export const CONTENT_VISIBILITY = ["visible", "hidden", "removed"] as const;

/**
 * An image or video in a note. Uploaded media (with `mediaId`) carry everything the
 * view needs, copied from the upload when attached (stored files never change);
 * media given by URL (older notes, imports) have only the first five fields.
 */
export type MediaItem = {
  type: "image" | "video";
  url: string;
  width: number;
  height: number;
  alt?: string;
  mediaId?: string;
  lowResUrl?: string | null;
  placeholder?: string | null;
  durationMs?: number | null;
};

export const notes = sqliteTable(
  "notes",
  {
    id: text("id").primaryKey(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    language: text("language").notNull(),
    /** "author" when the author chose it, "detected" otherwise. */
    languageSource: text("language_source", { enum: ["author", "detected"] }).notNull(),
    media: text("media", { mode: "json" }).$type<MediaItem[]>().notNull(),
    placeName: text("place_name"),
    placeLatitude: real("place_latitude"),
    placeLongitude: real("place_longitude"),
    ipCountry: text("ip_country"),
    ipRegion: text("ip_region"),
    likeCount: integer("like_count").notNull().default(0),
    collectCount: integer("collect_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    /** The author marked it a cat note (a #cattax or #猫税 topic makes it one too). */
    isCatNote: integer("is_cat_note", { mode: "boolean" }).notNull().default(false),
    catName: text("cat_name"),
    receiptCount: integer("receipt_count").notNull().default(0),
    /** Impressions in feeds and note opens, rolled up by FeedImpressions (a few seconds behind). */
    viewCount: integer("view_count").notNull().default(0),
    /** 0.1° latitude band of the place, for the nearby feed's index; computed by SQLite. */
    placeBand: integer("place_band").generatedAlwaysAs(sql`CAST((place_latitude + 90) * 10 AS INTEGER)`, { mode: "virtual" }),
    /** Moderation: hidden and removed notes are shown to their author only (src/lib/visibility.ts). */
    visibility: text("visibility", { enum: CONTENT_VISIBILITY }).notNull().default("visible"),
    /** Why staff hid or removed it, for its author to read. */
    moderationReason: text("moderation_reason"),
    /** Imported by a migration tool: the platform ("tiktok") and the post's id there. */
    importSource: text("import_source"),
    importOriginalId: text("import_original_id"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("notes_author_idx").on(t.authorId, t.id),
    index("notes_receipt_count_idx").on(t.receiptCount, t.id),
    index("notes_place_idx").on(t.placeBand, t.placeLongitude).where(sql`${t.placeBand} IS NOT NULL`),
    uniqueIndex("notes_import_unique").on(t.authorId, t.importSource, t.importOriginalId).where(sql`${t.importSource} IS NOT NULL`),
  ],
);

export const topics = sqliteTable("topics", {
  /** Normalised name: NFKC, lower case, no '#'. */
  name: text("name").primaryKey(),
  noteCount: integer("note_count").notNull().default(0),
  /** Feed impressions of its notes, rolled up by FeedImpressions. */
  viewCount: integer("view_count").notNull().default(0),
  /** Staff keep this topic off `GET /v1/topics/trending`. */
  hiddenFromTrending: integer("hidden_from_trending", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const noteTopics = sqliteTable(
  "note_topics",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    topic: text("topic")
      .notNull()
      .references(() => topics.name),
    /** The note's discussion (itself plus its comments), kept by triggers; summed per topic in topic_discussion_shards. */
    discussions: integer("discussions").notNull().default(0),
    /** The note's likes + collects + comments, kept by triggers: the order of a topic's "top" page. */
    score: integer("score").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.noteId, t.topic] }),
    index("note_topics_topic_idx").on(t.topic, t.noteId),
    index("note_topics_top_idx").on(t.topic, t.score, t.noteId),
  ],
);

export const comments = sqliteTable(
  "comments",
  {
    id: text("id").primaryKey(),
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The top-level comment a reply sits under; null for top-level comments. */
    parentId: text("parent_id").references((): AnySQLiteColumn => comments.id, { onDelete: "cascade" }),
    /** The comment (top-level or reply) this one answers, for the "@nickname" mention. */
    replyToCommentId: text("reply_to_comment_id").references((): AnySQLiteColumn => comments.id, {
      onDelete: "set null",
    }),
    replyToUserId: text("reply_to_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    language: text("language").notNull(),
    ipCountry: text("ip_country"),
    ipRegion: text("ip_region"),
    replyCount: integer("reply_count").notNull().default(0),
    visibility: text("visibility", { enum: CONTENT_VISIBILITY }).notNull().default("visible"),
    moderationReason: text("moderation_reason"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("comments_thread_idx").on(t.noteId, t.parentId, t.id),
    index("comments_parent_idx").on(t.parentId, t.id),
    index("comments_author_idx").on(t.authorId, t.id),
  ],
);
