import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notes } from "../db/schema";
import { ApiError } from "./errors";
import { notBlockedBetween } from "./visibility";
import type { Text } from "./i18n";

/*
 * The write side of blocking: a blocked person can't follow, comment on the
 * blocker's notes, reply to them or stamp their cat's receipts, and the other
 * way round. Each write puts the check in its own SQL (an INSERT … SELECT …
 * WHERE not blocked), so it costs no extra round trip and can't race a block.
 */

/** Whether either of the two has blocked the other. */
export const blockedBetween = (userId: string, otherId: SQL | AnyColumn): SQL => sql`not (${notBlockedBetween(userId, otherId)})`;

/** The author of a note, as SQL for the checks above. */
export const noteAuthor = (noteId: string): SQL => sql`(select ${notes.authorId} from ${notes} where ${notes.id} = ${noteId})`;

/** Whether `userId` and the author of `noteId` have blocked one another (false when the note doesn't exist). */
export async function blockedFromNote(db: Db, userId: string, noteId: string): Promise<boolean> {
  const row = await db.get<{ blocked: number }>(sql`select ${blockedBetween(userId, noteAuthor(noteId))} as blocked`);
  return Boolean(row?.blocked);
}

/** 403 for an interaction a block rules out; the text names it, e.g. t("blocks.followBlocked"). */
export const blockedError = (text: Text) => new ApiError("forbidden", text);
