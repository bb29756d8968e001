import { type AnyColumn, type SQL, and, eq, or, sql } from "drizzle-orm";
import { blocks, comments, mutes, notes } from "../db/schema";

/*
 * The one rule for "may this viewer see this?". Every read path (note and comment
 * reads, lists, feeds, topic pages, search, translations, leaderboards, live
 * threads) puts these conditions in its own query, so the rule is applied inside
 * the one D1 round trip instead of in a second lookup.
 *
 * - Hidden and removed content is shown to its author only.
 * - A block hides each person from the other, both ways.
 * - A mute hides the muted person from the muter's feeds and threads, but a direct
 *   link still opens (as on Mastodon): use `…InFeedOf` for lists and feeds.
 */

/** Neither person has blocked the other. `authorId` is the content's author column. */
export function notBlockedBetween(viewerId: string | null, authorId: SQL | AnyColumn): SQL {
  if (!viewerId) return sql`1`;
  return sql`not exists (select 1 from ${blocks} where (${blocks.blockerId} = ${viewerId} and ${blocks.blockedId} = ${authorId}) or (${blocks.blockerId} = ${authorId} and ${blocks.blockedId} = ${viewerId}))`;
}

/** The viewer has not muted the author. */
export function notMutedBy(viewerId: string | null, authorId: SQL | AnyColumn): SQL {
  if (!viewerId) return sql`1`;
  return sql`not exists (select 1 from ${mutes} where ${mutes.muterId} = ${viewerId} and ${mutes.mutedId} = ${authorId})`;
}

/** A note the viewer may open: visible (or their own), and no block between them. */
export function noteVisibleTo(viewerId: string | null): SQL {
  const shown = viewerId ? or(eq(notes.visibility, "visible"), eq(notes.authorId, viewerId))! : eq(notes.visibility, "visible");
  return and(shown, notBlockedBetween(viewerId, notes.authorId))!;
}

/** A note for the viewer's feeds, topic pages and search: visible to them and not muted. */
export function noteInFeedOf(viewerId: string | null): SQL {
  return and(noteVisibleTo(viewerId), notMutedBy(viewerId, notes.authorId))!;
}

/**
 * For lists keyed by a note id (topic pages, likes, collects, leaderboards): the
 * note behind `noteId` passes `rule` (noteVisibleTo, or noteInFeedOf to leave
 * muted authors out too), checked by primary key.
 */
export function noteIdVisibleTo(
  viewerId: string | null,
  noteId: SQL | AnyColumn,
  rule: (viewerId: string | null) => SQL = noteVisibleTo,
): SQL {
  // In one-table queries drizzle writes columns unqualified: `note_id` then names the outer row's
  // column (notes has none) and `id`, `visibility`, `author_id` the note's, as intended.
  return sql`exists (select 1 from ${notes} where ${notes.id} = ${noteId} and ${rule(viewerId)})`;
}

/**
 * A comment the viewer may read: visible (or their own), on a note they may open,
 * no block between them. Muted authors' comments are left out of threads too.
 */
export function commentVisibleTo(viewerId: string | null): SQL {
  const shown = viewerId
    ? or(eq(comments.visibility, "visible"), eq(comments.authorId, viewerId))!
    : eq(comments.visibility, "visible");
  return and(
    shown,
    notBlockedBetween(viewerId, comments.authorId),
    notMutedBy(viewerId, comments.authorId),
    noteIdVisibleTo(viewerId, comments.noteId),
  )!;
}
