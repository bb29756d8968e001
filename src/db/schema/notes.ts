import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt } from "./columns";

/** "hidden" pending review or by staff; "removed" by a staff decision. */
export const CONTENT_VISIBILITY = ["visible", "hidden", "removed"] as const;

export type MediaItem = {
  type: "image" | "video";
  url: string;
  width: number;
  height: number;
  alt?: string;
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
    uniqueIndex("notes_import_unique").on(t.authorId, t.importSource, t.importOriginalId).where(sql`${t.importSource} IS NOT NULL`),
  ],
);

export const topics = sqliteTable("topics", {
  /** Normalised name: NFKC, lower case, no '#'. */
  name: text("name").primaryKey(),
  noteCount: integer("note_count").notNull().default(0),
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
  },
  (t) => [primaryKey({ columns: [t.noteId, t.topic] }), index("note_topics_topic_idx").on(t.topic, t.noteId)],
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
  ],
);
