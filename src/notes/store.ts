import { and, desc, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { type MediaItem, notes, noteTopics, topics } from "../db/schema";
import { indexNoteStatements } from "../db/search-index";
import { newId } from "../lib/ids";
import type { IpRegion } from "../lib/ip-region";
import { afterCursor } from "../lib/pagination";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import { noteVisibleTo } from "../lib/visibility";
import { prescreenStatements } from "../moderation/prescreen";
import { selectNoteViews } from "./view";
import { queryTemplate } from "../db/query-template";

export type NoteRow = typeof notes.$inferSelect;

export type NoteContent = {
  title: string;
  body: string;
  media: MediaItem[];
  place: { name: string; latitude?: number; longitude?: number } | null;
  language: string;
  languageSource: "author" | "detected";
  isCatNote: boolean;
  catName: string | null;
};

const placeColumns = (place: NoteContent["place"]) => ({
  placeName: place?.name ?? null,
  placeLatitude: place?.latitude ?? null,
  placeLongitude: place?.longitude ?? null,
});

function attachTopics(db: Db, noteId: string, names: string[], now: number): BatchItem<"sqlite">[] {
  if (names.length === 0) return [];
  return [
    db.insert(topics).values(names.map((name) => ({ name, createdAt: now }))).onConflictDoNothing(),
    db.insert(noteTopics).values(names.map((topic) => ({ noteId, topic }))).onConflictDoNothing(),
  ];
}

/** Extra statements for a note's write batch, after the note itself (uploads to attach). */
export type NoteBatchExtras = (noteId: string) => BatchItem<"sqlite">[];

/**
 * A new note's row as stored (counters start at 0) and the statements that
 * store it with its topics, any extras and the pre-screen, for the caller's
 * batch. With a given `id` (a draft's publication, which retries may repeat)
 * an existing note is left alone: the first statement returns the id only
 * when this batch made the note.
 */
export function newNote(
  db: Db,
  authorId: string,
  content: NoteContent,
  topicNames: string[],
  ip: IpRegion,
  options: { id?: string; extras?: NoteBatchExtras } = {},
) {
  const now = Date.now();
  const { place, ...rest } = content;
  const row: NoteRow = {
    id: options.id ?? newId(now),
    authorId,
    ...rest,
    ...placeColumns(place),
    // As the generated column computes it (schema/notes.ts); never written.
    placeBand: place?.latitude === undefined ? null : Math.trunc((place.latitude + 90) * 10),
    ipCountry: ip.country,
    ipRegion: ip.region,
    likeCount: 0,
    collectCount: 0,
    commentCount: 0,
    receiptCount: 0,
    viewCount: 0,
    visibility: "visible",
    moderationReason: null,
    importSource: null,
    importOriginalId: null,
    createdAt: now,
    updatedAt: now,
  };
  const { placeBand, likeCount, collectCount, commentCount, receiptCount, viewCount, visibility, moderationReason, ...values } = row;
  const writes: [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]] = [
    db.insert(notes).values(values).onConflictDoNothing().returning({ id: notes.id }),
    ...attachTopics(db, row.id, topicNames, now),
    ...(options.extras?.(row.id) ?? []),
    ...prescreenStatements(db, { type: "note", id: row.id, authorId, text: `${content.title}\n${content.body}`, language: content.language, ip }, now),
    ...indexNoteStatements(db, row.id, { ...content, placeName: place?.name ?? null, topics: topicNames }, { fresh: options.id === undefined }),
  ];
  return { row, writes };
}

/** Writes a note in one batch (see newNote); `created` says whether this call made it. */
export async function insertNote(
  db: Db,
  authorId: string,
  content: NoteContent,
  topicNames: string[],
  ip: IpRegion,
  options: { id?: string; extras?: NoteBatchExtras } = {},
) {
  const { row, writes } = newNote(db, authorId, content, topicNames, ip, options);
  const [inserted] = (await db.batch(writes)) as [{ id: string }[], ...unknown[]];
  return { id: row.id, created: inserted.length > 0 };
}

export const findNote = (db: Db, id: string) => db.select().from(notes).where(eq(notes.id, id)).get();

/** The note's row when the viewer may see it (src/lib/visibility.ts). */
export const findVisibleNote = (db: Db, id: string, viewerId: string | null) =>
  db.select().from(notes).where(and(eq(notes.id, id), noteVisibleTo(viewerId))).get();

/** Existence only: reads the primary key, not the note's text. */
export const noteExists = async (db: Db, id: string) =>
  (await db.select({ id: notes.id }).from(notes).where(eq(notes.id, id)).get()) !== undefined;

export const noteNotFound = () => new ApiError("not_found", t("notes.notFound"));

/** Throws 404 unless the note exists and the viewer may see it (hidden, removed and blocked look missing). */
export async function requireNote(db: Db, id: string, viewerId: string | null): Promise<void> {
  const row = await db.select({ id: notes.id }).from(notes).where(and(eq(notes.id, id), noteVisibleTo(viewerId))).get();
  if (!row) throw noteNotFound();
}

export const topicsOfNote = async (db: Db, noteId: string) =>
  (await db.select({ topic: noteTopics.topic }).from(noteTopics).where(eq(noteTopics.noteId, noteId))).map(
    (row) => row.topic,
  );

/** Replaces a note's content and topic set in one batch (D1 runs a batch as one transaction). */
export async function updateNote(
  db: Db,
  noteId: string,
  content: NoteContent,
  before: string[],
  after: string[],
  extras: NoteBatchExtras = () => [],
) {
  const now = Date.now();
  const removed = before.filter((topic) => !after.includes(topic));
  const added = after.filter((topic) => !before.includes(topic));
  const { place, ...rest } = content;
  await db.batch([
    db
      .update(notes)
      .set({ ...rest, ...placeColumns(place), updatedAt: now })
      .where(eq(notes.id, noteId)),
    ...(removed.length
      ? [db.delete(noteTopics).where(and(eq(noteTopics.noteId, noteId), inArray(noteTopics.topic, removed)))]
      : []),
    ...attachTopics(db, noteId, added, now),
    ...extras(noteId),
    ...indexNoteStatements(db, noteId, { ...content, placeName: place?.name ?? null, topics: after }),
  ]);
}

/** Deleting a note deletes its comments, likes, collects and topic links with it (ON DELETE CASCADE). */
export const deleteNote = (db: Db, noteId: string) => db.delete(notes).where(eq(notes.id, noteId));

/** An author's notes as the viewer sees them, newest first (note ids are time-ordered, so the id alone is the cursor key). */
export const authorNotesPage = (db: Db, authorId: string, viewerId: string | null, page: { cursor?: string; limit: number }) =>
  page.cursor
    ? authorNotes(db, { author: authorId, viewer: viewerId, limitAndOne: page.limit + 1 }, page.cursor)
    : authorNotesFirstPage(db, { author: authorId, viewer: viewerId, limitAndOne: page.limit + 1 });

type AuthorPage = { author: string; viewer: string | null; limitAndOne: number };

const authorNotes = (db: Db, page: AuthorPage, cursor?: string) =>
  selectNoteViews(db, page.viewer, and(eq(notes.authorId, page.author), afterCursor(cursor, "desc", notes.id)))
    .orderBy(desc(notes.id))
    .limit(page.limitAndOne);

/** A profile's first page, read with every profile opened: built once per isolate (src/db/query-template.ts). */
const authorNotesFirstPage = queryTemplate((db, p: AuthorPage) => authorNotes(db, p));
