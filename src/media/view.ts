import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { MediaItem } from "../db/schema";
import type { AppEnv } from "../env";
import { requestIpRegion } from "../lib/ip-region";

export type ImageQuality = "low" | "original";

export const ImageQualitySchema = z.enum(["low", "original"]).openapi({
  description:
    "`low`: images in notes point at their 480 px variant (the international app's low-resolution look); `original`: at the full image",
  example: "low",
});

export const ImageQualityQuerySchema = z.object({
  imageQuality: ImageQualitySchema.optional().openapi({
    param: { name: "imageQuality", in: "query" },
    description: "For this request only; otherwise your profile's setting, else `low` outside mainland China",
  }),
});

/**
 * Which images a reader gets: `?imageQuality=`, else their profile setting, else by
 * country (the request's, else where they last signed in from): original in mainland
 * China, low-resolution elsewhere, as the seeds' international app did.
 */
export function readerImageQuality(c: Context<AppEnv>): ImageQuality {
  const asked = c.req.query("imageQuality");
  if (asked === "low" || asked === "original") return asked;
  const viewer = c.var.viewer;
  if (viewer?.imageQuality) return viewer.imageQuality;
  const country = requestIpRegion(c).country ?? viewer?.ipCountry ?? null;
  return country === "CN" ? "original" : "low";
}

/** Where stored files are served from: MEDIA_BASE_URL (a CDN host) or this API's own origin. */
export const mediaBaseUrl = (c: Context<AppEnv>) => c.env.MEDIA_BASE_URL || new URL(c.req.url).origin;
export const mediaUrl = (base: string, key: string) => `${base}/media/${key}`;

export const NoteMediaSchema = z
  .object({
    type: z.enum(["image", "video"]).openapi({ example: "image" }),
    url: z.string().openapi({
      description: "What to show this reader: the low-resolution variant or the original, by their image quality",
      example: "https://api.notebridge.app/media/5b1e…9c.jpg",
    }),
    width: z.number().int().openapi({ description: "The original's width (for the aspect ratio)", example: 1600 }),
    height: z.number().int().openapi({ example: 1200 }),
    alt: z.string().optional().openapi({ example: "A grey cat asleep on a keyboard" }),
    mediaId: z.string().nullable().openapi({ description: "The upload's id; null for media given by URL", example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    originalUrl: z.string().openapi({ example: "https://api.notebridge.app/media/5b1e…9c.jpg" }),
    lowResUrl: z.string().nullable().openapi({ description: "480 px on the long side; null for videos and URL media" }),
    placeholder: z.string().nullable().openapi({
      description: "ThumbHash (base64) to draw while the image loads",
      example: "1QcSHQRnh493V4dIh4eXh1h4kJUI",
    }),
    durationMs: z.number().int().nullable().openapi({ description: "Videos: length when it could be read", example: 2000 }),
  })
  .openapi("NoteMedia");

export type NoteMedia = z.infer<typeof NoteMediaSchema>;

/** A note's image or video as a reader with `quality` sees it. */
export function presentMedia(item: MediaItem, quality: ImageQuality): NoteMedia {
  const lowResUrl = item.lowResUrl ?? null;
  return {
    type: item.type,
    url: quality === "low" && lowResUrl ? lowResUrl : item.url,
    width: item.width,
    height: item.height,
    ...(item.alt ? { alt: item.alt } : {}),
    mediaId: item.mediaId ?? null,
    originalUrl: item.url,
    lowResUrl,
    placeholder: item.placeholder ?? null,
    durationMs: item.durationMs ?? null,
  };
}
