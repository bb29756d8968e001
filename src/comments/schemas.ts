import { z } from "@hono/zod-openapi";
import { LanguageTagSchema } from "../language/tags";
import { IdSchema } from "../lib/ids";
import { IpRegionSchema } from "../lib/ip-region";
import { ModerationNoticeSchema } from "../lib/moderation-notice";
import { userText } from "../lib/text";
import { UserSummarySchema } from "../users/view";

export const CommentBodySchema = userText({ min: 1, max: 1000, multiline: true }).openapi({
  description: "1-1,000 characters; any mix of languages and emoji",
  example: "So cute!! 好可爱 😂 here is my cat tax receipt 🧾",
});

export const CommentCreateSchema = z
  .object({
    body: CommentBodySchema,
    replyTo: IdSchema.optional().openapi({
      description: "Answer this comment (top-level or reply); the reply is listed under its top-level comment and mentions the person answered",
      example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ",
    }),
    language: LanguageTagSchema.optional().openapi({ description: "Detected when left out", example: "en" }),
  })
  .openapi("CommentCreate");

export const CommentUpdateSchema = z
  .object({ body: CommentBodySchema, language: LanguageTagSchema.optional() })
  .openapi("CommentUpdate");

export const CommentSchema = z
  .object({
    id: z.string().openapi({ example: "01JH8A0B1C2D3E4F5G6H7J8K9M" }),
    noteId: z.string(),
    author: UserSummarySchema,
    parentId: z.string().nullable().openapi({ description: "The top-level comment this reply sits under; null for top-level comments" }),
    replyTo: z
      .object({ commentId: z.string().nullable(), user: UserSummarySchema })
      .nullable()
      .openapi({ description: "Whom this reply answers (shown as @nickname); null for top-level comments" }),
    body: z.string().openapi({ description: "Empty for a deleted comment's placeholder" }),
    deleted: z.boolean().openapi({
      description: "A placeholder: its author deleted their account after others replied, so it stays empty (shown as \"deleted comment\") to keep the replies in place",
      example: false,
    }),
    language: z.string().openapi({ example: "en" }),
    ipRegion: IpRegionSchema,
    replyCount: z.number().int().openapi({ description: "Replies under a top-level comment; 0 for replies" }),
    moderation: ModerationNoticeSchema.optional(),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Comment");

export const ThreadCommentSchema = CommentSchema.extend({
  firstReplies: z.array(CommentSchema).openapi({ description: "The earliest replies (up to 2); page the rest from /v1/comments/{id}/replies" }),
}).openapi("ThreadComment");

export type CommentView = z.infer<typeof CommentSchema>;
