import { z } from "@hono/zod-openapi";
import { LanguageTagSchema } from "../../language/tags";
import { IdSchema } from "../../lib/ids";
import { userText } from "../../lib/text";
import { MAX_MEDIA, MediaSchema } from "../../notes/schemas";
import { TopicInputSchema } from "../../topics/normalise";

/** Up to 100 posts with their text: more than the API's 64 KB, less than D1's 2 MB row. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
export const MAX_POSTS_PER_IMPORT = 100;

export const WebhookHeadersSchema = z.object({
  "webhook-id": z.string().optional().openapi({ description: "Unique per message; a retry sends the same id", example: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W" }),
  "webhook-timestamp": z.string().optional().openapi({ description: "Seconds since the epoch, within 5 minutes of now", example: "1736726400" }),
  "webhook-signature": z
    .string()
    .optional()
    .openapi({ description: "Space-separated `v1,<base64 HMAC-SHA256>` signatures; any one valid is enough", example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=" }),
});

export const EnvelopeSchema = z.object({
  type: z.string().min(1).max(100).openapi({ example: "moderation.verdict" }),
  timestamp: z.string().max(40).optional().openapi({ format: "date-time" }),
  data: z.record(z.string(), z.unknown()),
});

export const VerdictDataSchema = z.object({
  target: z.object({
    type: z.enum(["note", "comment"]).openapi({ example: "note" }),
    id: IdSchema.openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
  }),
  action: z.enum(["keep", "hide", "remove"]).openapi({ description: "keep restores hidden content; hide and remove take it out of view", example: "hide" }),
  reason: z.string().max(500).optional().openapi({ description: "Shown to the author", example: "Spam: repeated links" }),
});
export type Verdict = z.infer<typeof VerdictDataSchema>;

export const ImportPostSchema = z
  .object({
    originalId: z.string().min(1).max(100).openapi({ description: "The post's id on its platform", example: "7301234567890123456" }),
    title: userText({ min: 0, max: 100 }).default(""),
    body: userText({ min: 0, max: 5000, multiline: true }).default("").openapi({ example: "My cat Lili's first snow ❄️ #cattax" }),
    media: z.array(MediaSchema).max(MAX_MEDIA).default([]),
    topics: z.array(TopicInputSchema).max(10).default([]),
    language: LanguageTagSchema.optional(),
    createdAt: z.iso
      .datetime({ offset: true })
      .refine((at) => Date.parse(at) <= Date.now() + 60_000, "The original date can't be in the future")
      .openapi({ description: "When it was first posted", example: "2023-12-24T18:30:00Z" }),
  })
  .refine((post) => Boolean(post.title || post.body || post.media.length), { message: "A post needs a title, a body or media", path: ["body"] });
export type ImportPost = z.infer<typeof ImportPostSchema>;

export const ImportDataSchema = z.object({
  account: IdSchema.openapi({ description: "The NoteBridge account that linked the app", example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
  source: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,29}$/, "Lower-case platform name, e.g. tiktok")
    .openapi({ example: "tiktok" }),
  posts: z.array(z.unknown()).min(1).max(MAX_POSTS_PER_IMPORT).openapi({ description: `1-${MAX_POSTS_PER_IMPORT} posts` }),
});

/** The documented shape of a delivery (the handler reads the raw bytes itself, to check the signature). */
export const IncomingWebhookSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("moderation.verdict"), timestamp: z.string().optional(), data: VerdictDataSchema }),
    z.object({
      type: z.literal("content.import"),
      timestamp: z.string().optional(),
      data: ImportDataSchema.extend({ posts: z.array(ImportPostSchema).min(1).max(MAX_POSTS_PER_IMPORT) }),
    }),
  ])
  .openapi("IncomingWebhook");

export const VerdictResultSchema = z
  .object({
    webhookId: z.string().openapi({ example: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W" }),
    type: z.literal("moderation.verdict"),
    outcome: z.enum(["applied", "target_not_found"]).openapi({ example: "applied" }),
    target: VerdictDataSchema.shape.target,
    action: VerdictDataSchema.shape.action,
    visibility: z.enum(["visible", "hidden", "removed"]).nullable().openapi({ description: "The target's visibility now", example: "hidden" }),
  })
  .openapi("WebhookVerdictResult");

export const PostRejectionSchema = z.object({
  index: z.number().int().openapi({ example: 3 }),
  originalId: z.string().nullable().openapi({ example: "7301234567890123456" }),
  field: z.string().openapi({ example: "posts.3.createdAt" }),
  message: z.string().openapi({ example: "Invalid ISO datetime" }),
});

export const ImportAcceptedSchema = z
  .object({
    webhookId: z.string().openapi({ example: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W" }),
    type: z.literal("content.import"),
    status: z.enum(["queued", "nothing_to_import"]),
    accepted: z.number().int().openapi({ description: "Posts queued for import (an already imported one is skipped, never duplicated)", example: 99 }),
    rejected: z.array(PostRejectionSchema).openapi({ description: "Posts refused, each with the field at fault; the others are imported" }),
  })
  .openapi("WebhookImportAccepted");
