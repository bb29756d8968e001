import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { jsonResponse } from "../lib/openapi";
import { limitWrites } from "../lib/rate-limit";
import { MediaKeyParamsSchema, UploadedMediaSchema } from "./schemas";

const binary = { type: "string", format: "binary" } as const;

export const uploadMediaRoute = createRoute({
  method: "post",
  path: "/v1/media",
  operationId: "uploadMedia",
  tags: ["Media"],
  summary: "Upload an image or video",
  description:
    "Send the file as the raw body (any Content-Type; videos over 25 MB must come this way, with Content-Length) or as multipart/form-data with a `file` part (up to 25 MB). The type is decided by the file's bytes: JPEG, PNG, WebP, GIF, HEIC (where the Images service reads it) up to 20 MB; MP4 and WebM up to 200 MB; anything else is 415. Images are re-encoded, which removes EXIF and GPS, and get a 480 px variant and a ThumbHash placeholder. The same bytes are stored once. Attach the upload to a note or draft within 24 hours or it is deleted. Limits per person: uploads per hour (429) and total bytes kept (413).",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites] as const,
  request: {
    body: {
      required: true,
      content: {
        "application/octet-stream": { schema: binary },
        "multipart/form-data": { schema: { type: "object", properties: { file: binary }, required: ["file"] } },
      },
    },
  },
  responses: {
    201: jsonResponse(UploadedMediaSchema, "Stored"),
    ...errorResponses(401, 413, 415, 429),
  },
});

export const serveMediaRoute = createRoute({
  method: "get",
  path: "/media/{key}",
  operationId: "getMediaFile",
  tags: ["Media"],
  summary: "A stored image or video",
  description:
    "Keys are SHA-256 hashes of the stored bytes, so a file never changes: cached for a year (`immutable`), with an `ETag` (`If-None-Match` answers 304) and byte ranges for video players.",
  security: [],
  request: { params: MediaKeyParamsSchema },
  responses: {
    200: {
      description: "The file",
      content: { "image/*": { schema: binary }, "video/*": { schema: binary } },
    },
    206: { description: "The requested byte range", content: { "video/*": { schema: binary } } },
    304: { description: "Not modified: your cached copy (matching If-None-Match) is current" },
    ...errorResponses(404),
  },
});
