import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { DAY_MS, HOUR_MS } from "../lib/time";

/** Stored files removed per run at most; the next hourly run takes the rest. */
const FILES_PER_RUN = 90;

/**
 * Hourly: uploads that are in no note and none of their owner's drafts 24 hours after
 * upload are deleted, then stored files no upload uses any more (D1 row first, so a
 * new upload of the same bytes stores them afresh), then staging leftovers of
 * interrupted video uploads.
 */
export async function deleteUnusedMedia(db: Db, bucket: R2Bucket, now = Date.now()) {
  await db.run(sql`
    DELETE FROM media
     WHERE note_id IS NULL AND created_at < ${now - DAY_MS}
       AND NOT EXISTS (
         SELECT 1 FROM drafts, json_each(drafts.content, '$.media') AS item
          WHERE drafts.author_id = media.owner_id AND drafts.deleted_at IS NULL
            AND json_extract(item.value, '$.mediaId') = media.id)`);
  const unused = await db.all<{ original_key: string; low_res_key: string | null }>(sql`
    DELETE FROM media_objects
     WHERE source_sha256 IN (
       SELECT source_sha256 FROM media_objects AS o
        WHERE o.created_at < ${now - HOUR_MS}
          AND NOT EXISTS (SELECT 1 FROM media WHERE media.source_sha256 = o.source_sha256)
        LIMIT ${FILES_PER_RUN})
    RETURNING original_key, low_res_key`);
  const keys = unused.flatMap((row) => (row.low_res_key ? [row.original_key, row.low_res_key] : [row.original_key]));
  if (keys.length) await bucket.delete(keys);
  const staging = await bucket.list({ prefix: "staging/", limit: 100 });
  const stale = staging.objects.filter((object) => object.uploaded.getTime() < now - DAY_MS).map((object) => object.key);
  if (stale.length) await bucket.delete(stale);
}
