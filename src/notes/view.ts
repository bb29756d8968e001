import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { isCatNote } from "../cat-tax/cat-note";
import type { SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { notes, noteTopics, users } from "../db/schema";
import { showIpRegion } from "../lib/ip-region";
import { moderationNotice } from "../lib/moderation-notice";
import { noteVisibleTo } from "../lib/visibility";
import { iso } from "../lib/time";
import { type ImageQuality, presentMedia } from "../media/view";
import { queryTemplate } from "../db/query-template";
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

/**
 * The columns of a note view: the note's row, and its author's nickname, its
 * topics and the viewer's like/collect as sub-selects of that row, so one
 * statement reads a note or a page of notes whole. (A batch of one statement
 * per table costs D1 a statement's bookkeeping each, and a single note is read
 * far more often than any list.)
 */
function noteViewColumns(viewerId: string | null) {
  // Sub-selects name the outer row as "notes"."…": drizzle writes one-table columns unqualified.
  const reacted = (table: "likes" | "collects") =>
    viewerId
      ? sql<number>`exists (select 1 from ${sql.identifier(table)} r where r.user_id = ${viewerId} and r.note_id = "notes"."id")`.as(`view_${table}`)
      : sql<number>`0`.as(`view_${table}`);
  // Named apart from every notes column: in a db.batch D1 answers rows keyed by column name.
  return {
    note: getTableColumns(notes),
    nickname: sql<string | null>`(select u.nickname from ${users} u where u.id = "notes"."author_id")`.as("view_nickname"),
    topics: sql<string>`(select json_group_array(t.topic) from ${noteTopics} t where t.note_id = "notes"."id")`.as("view_topics"),
    liked: reacted("likes"),
    collected: reacted("collects"),
  };
}

/** The note views the viewer may see among `where`'s notes (src/lib/visibility.ts), as a statement to run or batch. */
export const selectNoteViews = (db: Db, viewerId: string | null, where: SQL | undefined) =>
  db
    .select(noteViewColumns(viewerId))
    .from(notes)
    .where(and(where, noteVisibleTo(viewerId)));

export type NoteViewRow = { note: NoteRow; nickname: string | null; topics: string; liked: number; collected: number };

/** A note as clients see it from its `selectNoteViews` row; undefined when its author is gone. */
export function presentNoteViewRow(row: NoteViewRow, viewerId: string | null, imageQuality: ImageQuality): NoteView | undefined {
  if (row.nickname === null) return undefined;
  const topics = (JSON.parse(row.topics) as string[]).sort();
  const viewerState = viewerId ? { liked: row.liked === 1, collected: row.collected === 1 } : null;
  return presentNote(row.note, { id: row.note.authorId, nickname: row.nickname }, topics, viewerState, imageQuality);
}

/**
 * Notes as clients see them, in the order of `ids` (missing ones, and ones the
 * viewer may not see, left out), with author, topics and the viewer's
 * like/collect, in one statement.
 * At most 50 ids, so the query stays under D1's 100 bound parameters.
 */
export async function loadNoteViews(
  db: Db,
  ids: string[],
  viewerId: string | null,
  imageQuality: ImageQuality = "low",
): Promise<NoteView[]> {
  if (ids.length === 0) return [];
  const rows = await selectNoteViews(db, viewerId, inArray(notes.id, ids));
  const byId = new Map(rows.map((row) => [row.note.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    const view = row && presentNoteViewRow(row, viewerId, imageQuality);
    return view ? [view] : [];
  });
}

/** The most read statement of all: built once per isolate (src/db/query-template.ts), for readers signed in and out. */
const noteViewById = queryTemplate((db, p: { id: string; viewer: string | null }) => selectNoteViews(db, p.viewer, eq(notes.id, p.id)).limit(1));

export async function loadNoteView(
  db: Db,
  id: string,
  viewerId: string | null,
  imageQuality: ImageQuality = "low",
): Promise<NoteView | undefined> {
  const [row] = await noteViewById(db, { id, viewer: viewerId }).all();
  return row && presentNoteViewRow(row, viewerId, imageQuality);
}
