import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt } from "./columns";

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
  (t) => [
    index("glossary_explanations_best_idx").on(t.termId, t.voteCount, t.id),
    index("glossary_explanations_author_idx").on(t.authorId),
  ],
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
  (t) => [primaryKey({ columns: [t.explanationId, t.userId] }), index("glossary_votes_user_idx").on(t.userId)],
);

export const glossaryState = sqliteTable("glossary_state", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});
