import { and, eq, inArray, isNull, notInArray, or } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { media, mediaObjects } from "../db/schema";
import { HOUR_MS } from "../lib/time";

export type MediaObjectRow = typeof mediaObjects.$inferSelect;
export type MediaRow = typeof media.$inferSelect;

export type UploadLimits = { perHour: number; bytesPerUser: number };

/** The owner's uploads in the last hour (and when the oldest of them was), and all bytes they keep. */
export async function uploadUsage(d1: D1Database, ownerId: string, now: number) {
  const row = await d1
    .prepare(
      `SELECT count(*) FILTER (WHERE created_at > ?2) AS last_hour,
              min(created_at) FILTER (WHERE created_at > ?2) AS oldest_in_hour,
              coalesce(sum(byte_size), 0) AS total_bytes
         FROM media WHERE owner_id = ?1`,
    )
    .bind(ownerId, now - HOUR_MS)
    .first<{ last_hour: number; oldest_in_hour: number | null; total_bytes: number }>();
  return { lastHour: row?.last_hour ?? 0, oldestInHour: row?.oldest_in_hour ?? null, totalBytes: row?.total_bytes ?? 0 };
}

export const findMediaObject = (db: Db, sourceSha256: string) =>
  db.select().from(mediaObjects).where(eq(mediaObjects.sourceSha256, sourceSha256)).get();

/**
 * Records the stored file (once) and the owner's upload in one batch. The upload row
 * is written only while the owner is still under both limits, so concurrent uploads
 * can't squeeze past them; false when a limit refused it.
 */
export async function recordUpload(
  d1: D1Database,
  object: MediaObjectRow,
  upload: { id: string; ownerId: string; byteSize: number; createdAt: number },
  limits: UploadLimits,
): Promise<boolean> {
  const o = object;
  const [, inserted] = await d1.batch([
    d1
      .prepare(
        `INSERT INTO media_objects (source_sha256, kind, content_type, original_key, original_bytes, low_res_key,
           low_res_bytes, width, height, duration_ms, placeholder, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .bind(o.sourceSha256, o.kind, o.contentType, o.originalKey, o.originalBytes, o.lowResKey, o.lowResBytes,
        o.width, o.height, o.durationMs, o.placeholder, o.createdAt),
    d1
      .prepare(
        `INSERT INTO media (id, owner_id, source_sha256, byte_size, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5
          WHERE (SELECT count(*) FROM media WHERE owner_id = ?2 AND created_at > ?6) < ?7
            AND (SELECT coalesce(sum(byte_size), 0) FROM media WHERE owner_id = ?2) + ?4 <= ?8
         RETURNING id`,
      )
      .bind(upload.id, upload.ownerId, o.sourceSha256, upload.byteSize, upload.createdAt,
        upload.createdAt - HOUR_MS, limits.perHour, limits.bytesPerUser),
  ]);
  return (inserted?.results.length ?? 0) > 0;
}

/** The owner's uploads among `ids`, with their stored files, for attaching to a note. */
export async function ownMediaWithObjects(db: Db, ownerId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: media.id,
      noteId: media.noteId,
      kind: mediaObjects.kind,
      originalKey: mediaObjects.originalKey,
      lowResKey: mediaObjects.lowResKey,
      width: mediaObjects.width,
      height: mediaObjects.height,
      durationMs: mediaObjects.durationMs,
      placeholder: mediaObjects.placeholder,
    })
    .from(media)
    .innerJoin(mediaObjects, eq(mediaObjects.sourceSha256, media.sourceSha256))
    .where(and(eq(media.ownerId, ownerId), inArray(media.id, ids)));
}

/**
 * Statements that attach the owner's uploads to a note and release the ones it no
 * longer shows (which the cron then deletes), for the note's write batch.
 */
export function attachMediaStatements(db: Db, ownerId: string, noteId: string, ids: string[]): BatchItem<"sqlite">[] {
  const release = db
    .update(media)
    .set({ noteId: null })
    .where(ids.length ? and(eq(media.noteId, noteId), notInArray(media.id, ids)) : eq(media.noteId, noteId));
  if (ids.length === 0) return [release];
  const attach = db
    .update(media)
    .set({ noteId })
    .where(and(eq(media.ownerId, ownerId), inArray(media.id, ids), or(isNull(media.noteId), eq(media.noteId, noteId))));
  return [release, attach];
}
