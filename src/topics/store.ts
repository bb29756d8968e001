import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { notes, noteTopics, topicDiscussionShards, topics } from "../db/schema";
import { ApiError } from "../lib/errors";
import { afterCursor, decodeCursor, toPage } from "../lib/pagination";
import { noteInFeedOf } from "../lib/visibility";
import { t } from "../lib/i18n";

/**
 * A topic with its discussion count: notes plus their comments, summed over the
 * topic's shards (kept by triggers, so exact once a write has committed).
 */
export const findTopic = (db: Db, name: string) =>
  db
    .select({
      name: topics.name,
      noteCount: topics.noteCount,
      viewCount: topics.viewCount,
      discussionCount: sql<number>`coalesce((select sum(${topicDiscussionShards.discussions}) from ${topicDiscussionShards} where ${topicDiscussionShards.topic} = ${topics.name}), 0)`,
    })
    .from(topics)
    .where(eq(topics.name, name))
    .get();

export type TopicSort = "newest" | "top";

function afterTopCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [score, noteId] = decodeCursor(cursor);
  if (typeof score !== "number") throw new ApiError("invalid_cursor", t("request.invalidCursor"));
  return or(lt(noteTopics.score, score), and(eq(noteTopics.score, score), lt(noteTopics.noteId, noteId)));
}

/**
 * One page of a topic's note ids that the viewer may see: newest first, or "top"
 * (most likes + collects + comments first, then newest), both read along an index.
 */
export async function pageOfTopicNotes(
  db: Db,
  topic: string,
  sort: TopicSort,
  viewerId: string | null,
  page: { cursor?: string; limit: number },
) {
  const top = sort === "top";
  const rows = await db
    .select({ id: noteTopics.noteId, score: noteTopics.score })
    .from(noteTopics)
    .innerJoin(notes, eq(notes.id, noteTopics.noteId))
    .where(
      and(
        eq(noteTopics.topic, topic),
        noteInFeedOf(viewerId),
        top ? afterTopCursor(page.cursor) : afterCursor(page.cursor, "desc", noteTopics.noteId),
      ),
    )
    .orderBy(...(top ? [desc(noteTopics.score), desc(noteTopics.noteId)] : [desc(noteTopics.noteId)]))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => (top ? [row.score, row.id] : [row.id, row.id]), (row) => row.id);
}
