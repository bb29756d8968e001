import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/*
 * The data model. Times are epoch milliseconds. Counter columns (`*_count`) are
 * kept exact by triggers in migrations/0001_counters.sql, so every write path,
 * including cascading deletes, keeps them right without recounting on read.
 */

const createdAt = () => integer("created_at").notNull();

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  phoneE164: text("phone_e164").notNull().unique(),
  phoneRegion: text("phone_region").notNull(),
  passwordHash: text("password_hash").notNull(),
  nickname: text("nickname").notNull(),
  bio: text("bio").notNull().default(""),
  /** JSON array of BCP 47 tags, in the order the person prefers. */
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull(),
  ipCountry: text("ip_country"),
  ipRegion: text("ip_region"),
  followerCount: integer("follower_count").notNull().default(0),
  followingCount: integer("following_count").notNull().default(0),
  noteCount: integer("note_count").notNull().default(0),
  /** Curators may curate the glossary's renderings and keep-decisions. */
  role: text("role", { enum: ["member", "curator"] }).notNull().default("member"),
  createdAt: createdAt(),
  updatedAt: integer("updated_at").notNull(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the bearer token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expiry_idx").on(t.expiresAt)],
);

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
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("notes_author_idx").on(t.authorId, t.id), index("notes_receipt_count_idx").on(t.receiptCount, t.id)],
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

const noteReaction = (name: "likes" | "collects") =>
  sqliteTable(
    name,
    {
      userId: text("user_id")
        .notNull()
        .references(() => users.id, { onDelete: "cascade" }),
      noteId: text("note_id")
        .notNull()
        .references(() => notes.id, { onDelete: "cascade" }),
      createdAt: createdAt(),
    },
    (t) => [
      primaryKey({ columns: [t.userId, t.noteId] }),
      index(`${name}_note_idx`).on(t.noteId),
      index(`${name}_user_time_idx`).on(t.userId, t.createdAt, t.noteId),
    ],
  );

export const likes = noteReaction("likes");
export const collects = noteReaction("collects");

export const follows = sqliteTable(
  "follows",
  {
    followerId: text("follower_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    followeeId: text("followee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    index("follows_followee_time_idx").on(t.followeeId, t.createdAt, t.followerId),
    index("follows_follower_time_idx").on(t.followerId, t.createdAt, t.followeeId),
    check("follows_not_self", sql`${t.followerId} <> ${t.followeeId}`),
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
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("comments_thread_idx").on(t.noteId, t.parentId, t.id),
    index("comments_parent_idx").on(t.parentId, t.id),
  ],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    /** "user:<id>" or "anonymous": keys of different callers never collide. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    /** Null while the first request is still running. */
    status: integer("status"),
    responseBody: text("response_body"),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_expiry_idx").on(t.expiresAt)],
);

/**
 * Cat tax receipts, mirrored from each cat note's CatTaxCounter Durable Object,
 * which issues the serials. A stamper whose account is deleted leaves the
 * receipt in place (stamper null), so serials stay 1..n without gaps.
 */
export const catTaxReceipts = sqliteTable(
  "cat_tax_receipts",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    serial: integer("serial").notNull(),
    stamperId: text("stamper_id").references(() => users.id, { onDelete: "set null" }),
    /** The bilingual receipt as issued, e.g. "猫税收据 · CAT TAX RECEIPT No. 0042 …". */
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.noteId, t.serial] }),
    uniqueIndex("cat_tax_receipts_stamper_idx").on(t.noteId, t.stamperId),
    index("cat_tax_receipts_time_idx").on(t.createdAt, t.noteId),
  ],
);

/**
 * Changes a note's live thread must show, written by triggers in the same
 * transaction as the change itself (migrations/*_thread_outbox_triggers.sql).
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

/*
 * The cultural glossary. A term (躺平, cat tax) has, per target language, either a
 * curated rendering or the decision to keep it untranslated; translations protect
 * terms from engines and apply these decisions. `glossary_state.version` is bumped
 * by triggers on every change to terms and decisions (migrations/*_glossary_triggers.sql).
 */
export const glossaryTerms = sqliteTable(
  "glossary_terms",
  {
    id: text("id").primaryKey(),
    term: text("term").notNull(),
    /** BCP 47 tag of the term's language; it is found in texts of the same base language. */
    language: text("language").notNull(),
    /** Other spellings found as the same term: Traditional forms, "YYDS" for "yyds". */
    variants: text("variants", { mode: "json" }).$type<string[]>().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("glossary_terms_language_term_idx").on(t.language, t.term)],
);

export const glossaryDecisions = sqliteTable(
  "glossary_decisions",
  {
    termId: text("term_id")
      .notNull()
      .references(() => glossaryTerms.id, { onDelete: "cascade" }),
    targetLanguage: text("target_language").notNull(),
    decision: text("decision", { enum: ["render", "keep"] }).notNull(),
    /** The curated rendering; null when the term is kept untranslated. */
    rendering: text("rendering"),
    curatedBy: text("curated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.termId, t.targetLanguage] }),
    check("glossary_decisions_rendering", sql`(${t.decision} = 'render') = (${t.rendering} IS NOT NULL)`),
  ],
);

export const glossaryExplanations = sqliteTable(
  "glossary_explanations",
  {
    id: text("id").primaryKey(),
    termId: text("term_id")
      .notNull()
      .references(() => glossaryTerms.id, { onDelete: "cascade" }),
    /** Null for the explanations seeded with the glossary. */
    authorId: text("author_id").references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    language: text("language").notNull(),
    voteCount: integer("vote_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("glossary_explanations_best_idx").on(t.termId, t.voteCount, t.id)],
);

export const glossaryVotes = sqliteTable(
  "glossary_votes",
  {
    explanationId: text("explanation_id")
      .notNull()
      .references(() => glossaryExplanations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.explanationId, t.userId] })],
);

export const glossaryState = sqliteTable("glossary_state", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});
