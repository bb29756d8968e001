import { sql } from "drizzle-orm";
import { check, index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { notes } from "./notes";

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
