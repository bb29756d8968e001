/*
 * Which live threads anyone watches, in D1 (live_threads, src/db/schema/live.ts):
 * the outbox triggers queue changes only for these notes, and writers tell
 * only these threads. A NoteThread starts watching before a first viewer's
 * page is read, so a change committed earlier is in that page and one
 * committed later is queued; it stops a sweep after the last viewer left.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { liveThreads } from "../db/schema";

export const addLiveThread = (db: Db, noteId: string) =>
  db.insert(liveThreads).values({ noteId, watchedSince: Date.now() }).onConflictDoNothing();

export const removeLiveThread = (db: Db, noteId: string) => db.delete(liveThreads).where(eq(liveThreads.noteId, noteId));

/** For a writer's batch: one row when the note's thread is watched. */
export const watchedThread = (db: Db, noteId: string) =>
  db.select({ noteId: liveThreads.noteId }).from(liveThreads).where(eq(liveThreads.noteId, noteId));

/** For a column of a writer's read of the note (`notes` as the outer row): 1 when its thread is watched. */
export const threadWatched = sql<number>`exists (select 1 from ${liveThreads} lt where lt.note_id = "notes"."id")`;
