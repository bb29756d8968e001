import { z } from "@hono/zod-openapi";
import { LanguageTagSchema } from "../language/tags";
import { pageSchema } from "../lib/pagination";
import { userText } from "../lib/text";
import { MAX_MEDIA, MediaInputSchema, PlaceSchema } from "../notes/schemas";
import { TopicInputSchema } from "../topics/normalise";

export const MAX_SYNC_CHANGES = 50;

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Made by the client, offline: a ULID (kept upper case) or a UUID (kept lower case). */
export const DraftIdSchema = z
  .string()
  .refine((id) => ULID.test(id) || UUID.test(id), "A ULID or a UUID made by your device")
  .transform((id) => (ULID.test(id) ? id.toUpperCase() : id.toLowerCase()))
  .openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" });

export const DraftIdParamsSchema = z.object({
  id: DraftIdSchema.openapi({ param: { name: "id", in: "path" }, example: "0b9f5a52-6a8d-4c43-9d4e-2f2d6f3f7d11" }),
});

/** What a note will be. Anything may still be missing: it is checked when published. */
export const DraftContentSchema = z
  .object({
    title: userText({ min: 0, max: 100 }).default("").openapi({ example: "Tomato and egg, my first try" }),
    body: userText({ min: 0, max: 5000, multiline: true }).default("").openapi({ example: "Half written on the train… #cooking" }),
    media: z.array(MediaInputSchema).max(MAX_MEDIA, `At most ${MAX_MEDIA} images or videos`).default([]),
    topics: z.array(TopicInputSchema).max(10).default([]),
    place: PlaceSchema.nullable().default(null),
    language: LanguageTagSchema.nullable().default(null),
    isCatNote: z.boolean().default(false),
    catName: userText({ min: 1, max: 30 }).nullable().default(null),
  })
  .openapi("DraftContent");

export type DraftContent = z.infer<typeof DraftContentSchema>;

const BaseVersionSchema = z.number().int().min(0).openapi({
  description: "The version your device last saw (0 for a draft made on it); a draft changed since answers 409",
  example: 3,
});

export const DraftPutSchema = z.object({ baseVersion: BaseVersionSchema, content: DraftContentSchema }).openapi("DraftPut");

export const DraftSchema = z
  .object({
    id: z.string().openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    version: z.number().int().openapi({ description: "Goes up by one with every change, deletion included", example: 4 }),
    deleted: z.boolean().openapi({ description: "A tombstone: deleted or published; it can't come back" }),
    publishedNoteId: z.string().nullable().openapi({ description: "The note it became, once published" }),
    content: DraftContentSchema.nullable().openapi({ description: "null on tombstones" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Draft");

export type DraftView = z.infer<typeof DraftSchema>;

export const DraftPageSchema = pageSchema(DraftSchema, "DraftPage");

export const DraftConflictSchema = z
  .object({
    error: z.object({
      code: z.literal("conflict"),
      message: z.string().openapi({ example: "This draft changed on another device since version 3" }),
      requestId: z.string(),
    }),
    draft: DraftSchema.openapi({ description: "The server's copy: merge it into yours, then send again with its version" }),
  })
  .openapi("DraftConflict");

export const DraftVersionQuerySchema = z.object({
  baseVersion: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ param: { name: "baseVersion", in: "query" }, description: "Delete only if the draft is still at this version", example: 4 }),
});

const SyncChangeSchema = z
  .object({
    id: DraftIdSchema,
    baseVersion: BaseVersionSchema,
    deleted: z.boolean().default(false).openapi({ description: "true: deleted on the device" }),
    content: DraftContentSchema.optional().openapi({ description: "Required unless deleted" }),
  })
  .refine((change) => change.deleted || change.content !== undefined, { message: "Send content, or deleted: true", path: ["content"] })
  .openapi("DraftChange");

export type SyncChange = z.infer<typeof SyncChangeSchema>;

export const SyncTokenSchema = z
  .string()
  .regex(/^\d{1,15}$/, "A syncToken this API gave out")
  .openapi({ description: "From your last sync; leave out on a device's first sync", example: "1287" });

export const SyncRequestSchema = z
  .object({
    syncToken: SyncTokenSchema.nullable().optional(),
    changes: z
      .array(SyncChangeSchema)
      .max(MAX_SYNC_CHANGES, `At most ${MAX_SYNC_CHANGES} drafts per sync; send the rest in another`)
      .refine((changes) => new Set(changes.map((c) => c.id)).size === changes.length, "Each draft at most once per sync")
      .default([]),
  })
  .openapi("DraftSyncRequest");

export const SyncResponseSchema = z
  .object({
    applied: z.array(DraftSchema).openapi({ description: "Your changes, as now stored (with their new versions)" }),
    conflicts: z
      .array(
        z.object({
          id: z.string(),
          baseVersion: z.number().int(),
          draft: DraftSchema.openapi({ description: "The server's copy, changed since your baseVersion (maybe a tombstone)" }),
        }),
      )
      .openapi({ description: "Changes not applied: the draft changed elsewhere since baseVersion" }),
    changed: z.array(DraftSchema).openapi({ description: "Drafts changed on the server since your syncToken (other devices), tombstones included" }),
    syncToken: z.string().openapi({ description: "Send it next time", example: "1342" }),
    hasMore: z.boolean().openapi({ description: "More changes are waiting: sync again at once with the new syncToken" }),
  })
  .openapi("DraftSyncResult");
