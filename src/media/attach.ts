import { z } from "@hono/zod-openapi";
import type { Db } from "../db/client";
import type { MediaItem } from "../db/schema";
import { ApiError, type FieldIssue } from "../lib/errors";
import { IdSchema } from "../lib/ids";
import { userText } from "../lib/text";
import { ownMediaWithObjects } from "./store";
import { mediaUrl } from "./view";
import { t } from "../lib/i18n";

/** An upload placed in a note or draft: `{ mediaId, alt? }`. */
export const MediaRefSchema = z
  .object({
    mediaId: IdSchema.openapi({ description: "An id from POST /v1/media (your own upload)", example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    alt: userText({ min: 1, max: 500, multiline: true })
      .optional()
      .openapi({ description: "Describes the image for people who can't see it", example: "A grey cat asleep on a keyboard" }),
  })
  .openapi("MediaRef");

export type MediaRef = z.infer<typeof MediaRefSchema>;

export const isMediaRef = (item: object): item is MediaRef => "mediaId" in item;

/** Ids of the uploads among a note's or draft's media. */
export const uploadIdsOf = (items: object[]) => items.filter(isMediaRef).map((item) => item.mediaId);

/**
 * Turns uploads referenced by id into the media items a note stores (URLs, sizes and
 * placeholder copied in: stored files never change), leaving URL media as they are.
 * Refuses ids that aren't the author's, and uploads already in another note.
 */
export async function resolveNoteMedia(
  db: Db,
  ownerId: string,
  items: (MediaItem | MediaRef)[],
  baseUrl: string,
  noteId: string | null,
  field = "media",
): Promise<{ media: MediaItem[]; uploadIds: string[] }> {
  const uploadIds = uploadIdsOf(items);
  const rows = new Map((await ownMediaWithObjects(db, ownerId, uploadIds)).map((row) => [row.id, row]));
  const missing: FieldIssue[] = [];
  const media = items.map((item, i): MediaItem => {
    if (!isMediaRef(item)) return item;
    const row = rows.get(item.mediaId);
    if (!row) {
      missing.push({ field: `${field}.${i}.mediaId`, location: "body", message: t("media.notYours") });
      return undefined as never;
    }
    if (row.noteId && row.noteId !== noteId) {
      throw new ApiError("conflict", t("media.inAnotherNote", { id: item.mediaId }));
    }
    return {
      type: row.kind,
      url: mediaUrl(baseUrl, row.originalKey),
      width: row.width ?? 0,
      height: row.height ?? 0,
      ...(item.alt ? { alt: item.alt } : {}),
      mediaId: row.id,
      lowResUrl: row.lowResKey ? mediaUrl(baseUrl, row.lowResKey) : null,
      placeholder: row.placeholder,
      durationMs: row.durationMs,
    };
  });
  if (missing.length) {
    throw new ApiError("validation_failed", t("validation.body", { fields: missing.map((m) => m.field).join(", ") }), { details: missing });
  }
  if (new Set(uploadIds).size !== uploadIds.length) {
    throw new ApiError("validation_failed", t("media.uploadTwice"), {
      details: [{ field, location: "body", message: t("media.onceEach") }],
    });
  }
  return { media, uploadIds };
}
