import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { users } from "./accounts";
import { createdAt } from "./columns";

export const REPORT_TARGETS = ["note", "comment", "user"] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

export const REPORT_CATEGORIES = ["spam", "harassment", "hate", "misinformation", "privacy", "illegal", "other"] as const;

export const MODERATION_ACTIONS = ["dismiss", "hide", "remove", "warn", "suspend"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/**
 * One case per reported target while it is open: every report on the same note,
 * comment or person joins it, so the queue shows each target once. The target's
 * language and IP region are copied in when the case opens, so a mediator's
 * queue is one indexed query, and so the case still routes after an edit.
 */
export const moderationCases = sqliteTable(
  "moderation_cases",
  {
    id: text("id").primaryKey(),
    targetType: text("target_type", { enum: REPORT_TARGETS }).notNull(),
    targetId: text("target_id").notNull(),
    /** Whose content it is (the person, for a user target); their account is what `suspend` acts on. */
    authorId: text("author_id").references(() => users.id, { onDelete: "cascade" }),
    /** Base language of the content ("zh", "en"), for mediators' routing. */
    language: text("language"),
    ipCountry: text("ip_country"),
    ipRegion: text("ip_region"),
    status: text("status", { enum: ["open", "resolved"] }).notNull().default("open"),
    /** Distinct people who reported it (the pre-screen is not a person). */
    reporterCount: integer("reporter_count").notNull().default(0),
    /** An automatic rule (pre-screen, the report threshold) flagged or hid it. */
    autoFlagged: integer("auto_flagged", { mode: "boolean" }).notNull().default(false),
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action", { enum: MODERATION_ACTIONS }),
    reason: text("reason"),
    resolvedBy: text("resolved_by"),
    resolvedAt: integer("resolved_at"),
    openedAt: integer("opened_at").notNull(),
  },
  (t) => [
    uniqueIndex("moderation_cases_open_target_idx").on(t.targetType, t.targetId).where(sql`status = 'open'`),
    index("moderation_cases_status_idx").on(t.status, t.id),
  ],
);

/** A person's (or the pre-screen's) report. One per person per case: reporting twice counts once. */
export const reports = sqliteTable(
  "reports",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => moderationCases.id, { onDelete: "cascade" }),
    /** Null for the pre-screen's and apps' reports. */
    reporterId: text("reporter_id").references(() => users.id, { onDelete: "cascade" }),
    category: text("category", { enum: REPORT_CATEGORIES }).notNull(),
    comment: text("comment"),
    /** A person, the word-list pre-screen, or an external moderation service (an app). */
    source: text("source", { enum: ["person", "prescreen", "app"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reports_case_reporter_idx").on(t.caseId, t.reporterId),
    index("reports_reporter_idx").on(t.reporterId),
  ],
);

/**
 * Every staff decision and role change, append-only (triggers refuse UPDATE and
 * DELETE). Ids are kept as text without foreign keys, so the record outlives
 * the accounts it mentions.
 */
export const moderationAudit = sqliteTable(
  "moderation_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** A staff member's user id, or "app:<id>" for an external moderation service. */
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    caseId: text("case_id"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    /** The person the decision is about: they may read its reason. */
    subjectUserId: text("subject_user_id"),
    reason: text("reason"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("moderation_audit_subject_idx").on(t.subjectUserId, t.id)],
);

/** Words and phrases the pre-screen flags, in any language; staff edit them. */
export const prescreenWords = sqliteTable(
  "prescreen_words",
  {
    id: text("id").primaryKey(),
    /** NFKC, lower case. */
    word: text("word").notNull().unique(),
    language: text("language").notNull(),
    category: text("category", { enum: REPORT_CATEGORIES }).notNull(),
    /** Matched as a whole word (spaced scripts) rather than anywhere in the text (Chinese, Japanese, Thai). */
    wholeWord: integer("whole_word", { mode: "boolean" }).notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
);
