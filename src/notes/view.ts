import { and, eq, inArray, sql } from "drizzle-orm";
import { isCatNote } from "../cat-tax/cat-note";
import type { Db } from "../db/client";
import { collects, likes, notes, noteTopics, users } from "../db/schema";
import { showIpRegion } from "../lib/ip-region";
import { iso } from "../lib/time";
import { userSummary } from "../users/view";
import type { NoteView } from "./schemas";

type NoteRow = typeof notes.$inferSelect;

function present(
  note: NoteRow,
  author: { id: string; nickname: string },
  topics: string[],
  viewerState: NoteView["viewerState"],
): NoteView {
  return {
    id: note.id,
    author: userSummary(author),
    title: note.title,
    body: note.body,
    language: note.language,
    languageSource: note.languageSource,
    media: note.media,
    topics,
    place: note.placeName
      ? { name: note.placeName, latitude: note.placeLatitude, longitude: note.placeLongitude }
      : null,
    ipRegion: showIpRegion(note.ipCountry, note.ipRegion),
    likeCount: note.likeCount,
    collectCount: note.collectCount,
    commentCount: note.commentCount,
    isCatNote: isCatNote(note, topics),
    catName: note.catName,
    receiptCount: note.receiptCount,
    viewerState,
    createdAt: iso(note.createdAt),
    updatedAt: iso(note.updatedAt),
  };
}

/**
 * Notes as clients see them, in the order of `ids` (missing ones left out), with
 * author, topics and the viewer's like/collect, in one round trip to D1.
 * At most 50 ids, so every query stays under D1's 100 bound parameters.
 */
export async function loadNoteViews(db: Db, ids: string[], viewerId: string | null): Promise<NoteView[]> {
  if (ids.length === 0) return [];
  const [rows, topicRows, liked, collected] = await db.batch([
    // Aliased: inside db.batch D1 returns rows keyed by column name, so a second `id` would clobber the note's (drizzle-orm#6038).
    db.select({ note: notes, author: { id: sql<string>`${users.id}`.as("author_user_id"), nickname: users.nickname } })
      .from(notes)
      .innerJoin(users, eq(users.id, notes.authorId))
      .where(inArray(notes.id, ids)),
    db.select().from(noteTopics).where(inArray(noteTopics.noteId, ids)),
    db
      .select({ noteId: likes.noteId })
      .from(likes)
      .where(and(eq(likes.userId, viewerId ?? ""), inArray(likes.noteId, ids))),
    db
      .select({ noteId: collects.noteId })
      .from(collects)
      .where(and(eq(collects.userId, viewerId ?? ""), inArray(collects.noteId, ids))),
  ]);
  const likedIds = new Set<string>(liked.map((r) => r.noteId));
  const collectedIds = new Set<string>(collected.map((r) => r.noteId));
  const byId = new Map(rows.map((row) => [row.note.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const topics = topicRows.filter((t) => t.noteId === id).map((t) => t.topic).sort();
    const viewerState = viewerId ? { liked: likedIds.has(id), collected: collectedIds.has(id) } : null;
    return [present(row.note, row.author, topics, viewerState)];
  });
}

export async function loadNoteView(db: Db, id: string, viewerId: string | null): Promise<NoteView | undefined> {
  return (await loadNoteViews(db, [id], viewerId))[0];
}
