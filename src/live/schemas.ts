import { z } from "@hono/zod-openapi";
import { CommentCreateSchema } from "../comments/schemas";
import { LanguageTagSchema } from "../language/tags";

export const LiveQuerySchema = z.object({
  after: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .openapi({ description: "Resume: the id of the last event you received. You get every later event in order, then live ones.", example: 42 }),
  language: LanguageTagSchema.optional().openapi({
    description: "Attach translations into this language to the comments you receive",
    example: "zh-Hans",
  }),
});

const RefSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,64}$/, "1-64 visible ASCII characters")
  .optional()
  .openapi({ description: "Your id for this message, echoed in the reply" });

/** What a client may send over a live thread's socket. */
export const ClientMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("auth"), token: z.string().max(200), ref: RefSchema }),
  CommentCreateSchema.extend({ type: z.literal("comment"), ref: RefSchema }),
]);

export type ClientMessage = z.infer<typeof ClientMessageSchema>;
