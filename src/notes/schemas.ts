import { z } from "@hono/zod-openapi";
import { ModerationNoticeSchema } from "../lib/moderation-notice";
import { LanguageTagSchema } from "../language/tags";
import type { MediaItem } from "../db/schema";
import { IdSchema } from "../lib/ids";
import { IpRegionSchema } from "../lib/ip-region";
import type { MediaRef } from "../media/attach";
import { NoteMediaSchema } from "../media/view";
import { userText } from "../lib/text";
import { TopicInputSchema } from "../topics/normalise";
import { UserSummarySchema } from "../users/view";

export const MAX_MEDIA = 18;

export const MediaSchema = z
  .object({
    type: z.enum(["image", "video"]).openapi({ example: "image" }),
    url: z
      .url({ protocol: /^https$/, hostname: z.regexes.domain })
      .max(2048)
      .openapi({ description: "https URL of the uploaded file", example: "https://media.notebridge.app/lili.jpg" }),
    width: z.number().int().min(1).max(20_000).openapi({ example: 1080 }),
    height: z.number().int().min(1).max(20_000).openapi({ example: 1440 }),
    alt: userText({ min: 1, max: 500, multiline: true })
      .optional()
      .openapi({ description: "Describes the image for people who can't see it", example: "A grey cat asleep on a keyboard" }),
  })
  .openapi("Media");

/**
 * A media item as written: an upload by id (`{ mediaId, alt? }`), or an image or video
 * hosted elsewhere by URL (older notes and imports). One object rather than a union,
 * so a mistake is reported at the field that holds it.
 */
export const MediaInputSchema = z
  .object({
    mediaId: IdSchema.optional().openapi({ description: "An upload of yours (POST /v1/media); then leave out type, url, width and height" }),
    type: MediaSchema.shape.type.optional(),
    url: MediaSchema.shape.url.optional(),
    width: MediaSchema.shape.width.optional(),
    height: MediaSchema.shape.height.optional(),
    alt: MediaSchema.shape.alt,
  })
  .superRefine((item, ctx) => {
    const byUrl = ["type", "url", "width", "height"] as const;
    if (item.mediaId !== undefined) {
      for (const key of byUrl) {
        if (item[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "Give mediaId or a URL item, not both" });
      }
      return;
    }
    for (const key of byUrl) {
      if (item[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: "Required unless mediaId is given" });
    }
  })
  .transform((item) => item as MediaItem | MediaRef)
  .openapi("MediaInput");

export const PlaceSchema = z
  .object({
    name: userText({ min: 1, max: 100 }).openapi({ example: "Tucson, Arizona" }),
    latitude: z.number().min(-90).max(90).optional().openapi({ example: 32.2226 }),
    longitude: z.number().min(-180).max(180).optional().openapi({ example: -110.9747 }),
  })
  .refine((p) => (p.latitude === undefined) === (p.longitude === undefined), {
    message: "Give both latitude and longitude, or neither",
    path: ["latitude"],
  })
  .openapi("Place");

const noteFields = {
  title: userText({ min: 0, max: 100 }).openapi({ example: "My cat Lili pays her cat tax 🐱" }),
  body: userText({ min: 0, max: 5000, multiline: true }).openapi({
    description: "Up to 5,000 characters. `#tags` in it become topics.",
    example: "Hello RedNote friends! This is Lili. #cattax #TikTokRefugee",
  }),
  media: z.array(MediaInputSchema).max(MAX_MEDIA, `At most ${MAX_MEDIA} images or videos`),
  topics: z
    .array(TopicInputSchema)
    .max(10)
    .openapi({ description: "Topics besides the #tags in the body", example: ["cats", "猫税"] }),
  language: LanguageTagSchema.optional().openapi({
    description: "The note's language; detected from the text when left out",
    example: "en",
  }),
  isCatNote: z.boolean().openapi({
    description: "Mark it a cat note, open to cat tax receipts (a #cattax or #猫税 topic does this too)",
    example: true,
  }),
  catName: userText({ min: 1, max: 30 }).openapi({ description: "The cat's name, printed on its receipts", example: "Lili" }),
};

const hasContent = (note: { title?: string; body?: string; media?: unknown[] }) =>
  Boolean(note.title || note.body || note.media?.length);

export const NoteCreateSchema = z
  .object({
    title: noteFields.title.default(""),
    body: noteFields.body.default(""),
    media: noteFields.media.default([]),
    topics: noteFields.topics.default([]),
    place: PlaceSchema.optional(),
    language: noteFields.language,
    isCatNote: noteFields.isCatNote.default(false),
    catName: noteFields.catName.optional(),
  })
  .refine(hasContent, { message: "A note needs a title, a body or media", path: ["body"] })
  .openapi("NoteCreate");

export const NoteUpdateSchema = z
  .object({
    title: noteFields.title.optional(),
    body: noteFields.body.optional(),
    media: noteFields.media.optional(),
    topics: noteFields.topics.optional(),
    place: PlaceSchema.nullable().optional().openapi({ description: "null removes the place" }),
    language: noteFields.language,
    isCatNote: noteFields.isCatNote.optional(),
    catName: noteFields.catName.nullable().optional().openapi({ description: "null removes the cat's name" }),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), "Change at least one field")
  .openapi("NoteUpdate");

export const NoteSchema = z
  .object({
    id: z.string().openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    author: UserSummarySchema,
    title: z.string(),
    body: z.string(),
    language: z.string().openapi({ example: "en" }),
    languageSource: z.enum(["author", "detected"]),
    media: z.array(NoteMediaSchema),
    topics: z.array(z.string()).openapi({ example: ["cattax", "tiktokrefugee"] }),
    place: z
      .object({ name: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable() })
      .nullable(),
    ipRegion: IpRegionSchema,
    likeCount: z.number().int(),
    collectCount: z.number().int(),
    commentCount: z.number().int(),
    isCatNote: z.boolean().openapi({ description: "Marked by its author or tagged #cattax / #猫税: anyone else may stamp a cat tax receipt" }),
    catName: z.string().nullable().openapi({ example: "Lili" }),
    receiptCount: z.number().int().openapi({ description: "Cat tax receipts stamped on it", example: 42 }),
    viewCount: z
      .number()
      .int()
      .openapi({ description: "Times it was shown in feeds or opened; rolled up every few seconds", example: 1_204 }),
    imported: z
      .object({ source: z.string().openapi({ example: "tiktok" }), originalId: z.string().openapi({ example: "7301234567890123456" }) })
      .nullable()
      .openapi({ description: "Set when a migration tool brought it from another platform; createdAt is then the original date" }),
    viewerState: z
      .object({ liked: z.boolean(), collected: z.boolean() })
      .nullable()
      .openapi({ description: "Your like and collect on this note; null when signed out" }),
    moderation: ModerationNoticeSchema.optional(),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Note");

export type NoteView = z.infer<typeof NoteSchema>;
