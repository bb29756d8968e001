import { and, eq, inArray, sql } from "drizzle-orm";
import { isCatNote } from "../cat-tax/cat-note";
import type { SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { collects, likes, notes, noteTopics, users } from "../db/schema";
import { showIpRegion } from "../lib/ip-region";
import { moderationNotice } from "../lib/moderation-notice";
import { noteVisibleTo } from "../lib/visibility";
import { iso } from "../lib/time";
import { type ImageQuality, presentMedia } from "../media/view";
import { userSummary } from "../users/view";
import type { NoteView } from "./schemas";

type NoteRow = typeof notes.$inferSelect;

/** A note as clients see it, from its row, author, topics and the viewer's like/collect. */
export function presentNote(
  note: NoteRow,
  author: { id: string; nickname: string },
  topics: string[],
  viewerState: NoteView["viewerState"],
  imageQuality: ImageQuality,
): NoteView {
  const moderation = moderationNotice(note);
  return {
    id: note.id,
    author: userSummary(author),
    title: note.title,
    body: note.body,
    language: note.language,
    languageSource: note.languageSource,
    media: note.media.map((item) => presentMedia(item, imageQuality)),
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
    viewCount: note.viewCount,
    imported: note.importSource ? { source: note.importSource, originalId: note.importOriginalId! } : null,
    viewerState,
    ...(moderation ? { moderation } : {}),
    createdAt: iso(note.createdAt),
    updatedAt: iso(note.updatedAt),
  };
}

/** The notes named by `ids` (a list of at most 50, or a subquery of note ids). */
type NoteIds = string[] | SQLWrapper;

/**
 * The statements of a note view, for callers to put in their own db.batch:
 * notes (only ones the viewer may see, src/lib/visibility.ts), authors,
 * topics and the viewer's like/collect. No joins inside db.batch: D1 returns
 * batch rows keyed by column name, so a joined `id` from users would
 * overwrite the note's `id`.
 */
export function noteViewQueries(db: Db, ids: NoteIds, viewerId: string | null) {
  return [
    db.select().from(notes).where(and(inArray(notes.id, ids), noteVisibleTo(viewerId))),
    db
      .select({ id: users.id, nickname: users.nickname })
      .from(users)
      .where(inArray(users.id, db.select({ id: notes.authorId }).from(notes).where(inArray(notes.id, ids)))),
    db.select().from(noteTopics).where(inArray(noteTopics.noteId, ids)),
    // Signed out, there are no likes or collects to look up: the same statement, answering nothing, keeps one batch shape.
    db
      .select({ noteId: likes.noteId })
      .from(likes)
      .where(viewerId ? and(eq(likes.userId, viewerId), inArray(likes.noteId, ids)) : sql`0`),
    db
      .select({ noteId: collects.noteId })
      .from(collects)
      .where(viewerId ? and(eq(collects.userId, viewerId), inArray(collects.noteId, ids)) : sql`0`),
  ] as const;
}

type NoteViewRows = readonly [
  NoteRow[],
  { id: string; nickname: string }[],
  { noteId: string; topic: string }[],
  { noteId: string }[],
  { noteId: string }[],
];

/** Notes as clients see them from `noteViewQueries` rows, in the order of `ids` (missing and hidden ones left out). */
export function presentNoteViews(
  ids: string[],
  rows: NoteViewRows,
  viewerId: string | null,
  imageQuality: ImageQuality = "low",
): NoteView[] {
  const [noteRows, authors, topicRows, liked, collected] = rows;
  const likedIds = new Set<string>(liked.map((r) => r.noteId));
  const collectedIds = new Set<string>(collected.map((r) => r.noteId));
  const notesById = new Map(noteRows.map((note) => [note.id, note]));
  const authorsById = new Map(authors.map((author) => [author.id, author]));
  return ids.flatMap((id) => {
    const note = notesById.get(id);
    const author = note && authorsById.get(note.authorId);
    if (!note || !author) return [];
    const topics = topicRows.filter((t) => t.noteId === id).map((t) => t.topic).sort();
    const viewerState = viewerId ? { liked: likedIds.has(id), collected: collectedIds.has(id) } : null;
    return [presentNote(note, author, topics, viewerState, imageQuality)];
  });
}

/**
 * Notes as clients see them, in the order of `ids` (missing ones, and ones the
 * viewer may not see, left out), with author, topics and the viewer's
 * like/collect, in one round trip to D1.
 * At most 50 ids, so every query stays under D1's 100 bound parameters.
 */
export async function loadNoteViews(
  db: Db,
  ids: string[],
  viewerId: string | null,
  imageQuality: ImageQuality = "low",
): Promise<NoteView[]> {
  if (ids.length === 0) return [];
  return presentNoteViews(ids, await db.batch(noteViewQueries(db, ids, viewerId)), viewerId, imageQuality);
}

export async function loadNoteView(
  db: Db,
  id: string,
  viewerId: string | null,
  imageQuality: ImageQuality = "low",
): Promise<NoteView | undefined> {
  return (await loadNoteViews(db, [id], viewerId, imageQuality))[0];
}
