import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

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
  /** A suspended account can read but not write until this time (epoch ms). */
  suspendedUntil: integer("suspended_until"),
  /** Images shown in notes: low-resolution or original; null picks by the reader's country. */
  imageQuality: text("image_quality", { enum: ["low", "original"] }),
  /** IANA time zone for out-of-control Friday; null: the request's zone. */
  timeZone: text("time_zone"),
  /** Whether the for-you feed goes random on Fridays (out-of-control Friday). */
  randomFridays: integer("random_fridays", { mode: "boolean" }).notNull().default(true),
  /** Share of the for-you feed in languages this person doesn't read, in percent. */
  otherLanguagePercent: integer("other_language_percent").notNull().default(25),
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
