import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt } from "./columns";

/*
 * Trust and safety's shared model. Who may see what is decided in one place,
 * src/lib/visibility.ts, from these tables and the `visibility` columns of notes
 * and comments; every read path asks it rather than filtering on its own.
 */

/** A block hides each person from the other and stops the blocked one interacting. */
export const blocks = sqliteTable(
  "blocks",
  {
    blockerId: text("blocker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedId: text("blocked_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index("blocks_blocked_idx").on(t.blockedId, t.blockerId)],
);

/** A mute only hides the muted person from the muter's feeds and threads. */
export const mutes = sqliteTable(
  "mutes",
  {
    muterId: text("muter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mutedId: text("muted_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.muterId, t.mutedId] }), index("mutes_muted_idx").on(t.mutedId, t.muterId)],
);

export const STAFF_ROLES = ["curator", "mediator", "moderator", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Staff roles beyond an ordinary member; a person may hold several. Mediators
 * (the "cultural buffer") review only content from their regions or in their
 * languages; moderators and admins see everything.
 */
export const staffRoles = sqliteTable(
  "staff_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: STAFF_ROLES }).notNull(),
    /** Mediators: ISO country codes, and "CN-<province>" for regions inside China. */
    regions: text("regions", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Mediators: BCP 47 base languages they review. */
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
    grantedBy: text("granted_by").references(() => users.id, { onDelete: "set null" }),
    grantedAt: integer("granted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);
