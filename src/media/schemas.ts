import { z } from "@hono/zod-openapi";

export const UploadedMediaSchema = z
  .object({
    id: z.string().openapi({ description: "Put this in a note's or draft's `media` as `{ mediaId }`", example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    type: z.enum(["image", "video"]).openapi({ example: "image" }),
    contentType: z.string().openapi({ description: "As stored (decided from the file's bytes)", example: "image/jpeg" }),
    byteSize: z.number().int().openapi({ description: "The upload's size, counted against your storage", example: 2_048_311 }),
    width: z.number().int().nullable().openapi({ example: 1600 }),
    height: z.number().int().nullable().openapi({ example: 1200 }),
    durationMs: z.number().int().nullable().openapi({ description: "Videos: read from the MP4 header", example: 2000 }),
    placeholder: z.string().nullable().openapi({ description: "ThumbHash, base64", example: "1QcSHQRnh493V4dIh4eXh1h4kJUI" }),
    url: z.string().openapi({ description: "The stored original (EXIF and GPS removed)", example: "https://api.notebridge.app/media/5b1e…9c.jpg" }),
    originalByteSize: z.number().int().openapi({ example: 1_311_002 }),
    lowResUrl: z.string().nullable().openapi({ description: "480 px on the long side; images only" }),
    lowResByteSize: z.number().int().nullable().openapi({ example: 41_220 }),
    createdAt: z.string().openapi({ format: "date-time" }),
    expiresAt: z.string().openapi({
      format: "date-time",
      description: "Deleted then unless it is in a note or one of your drafts",
    }),
  })
  .openapi("UploadedMedia");

export const MediaKeyParamsSchema = z.object({
  key: z
    .string()
    .regex(/^[0-9a-f]{64}\.(jpg|png|webp|gif|mp4|webm)$/, "Not a media key")
    .openapi({ param: { name: "key", in: "path" }, example: "5b1e0c3f9a7d2e4b8c6a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d9c.jpg" }),
});
