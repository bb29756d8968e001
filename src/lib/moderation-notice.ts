import { z } from "@hono/zod-openapi";

export const ModerationNoticeSchema = z
  .object({
    state: z.enum(["hidden", "removed"]).openapi({
      description: "hidden: pending review or hidden by staff; removed: taken down by a staff decision",
      example: "hidden",
    }),
    reason: z.string().nullable().openapi({ example: "Hidden pending review: reported by 5 people" }),
  })
  .openapi("ModerationNotice", {
    description: "Present only on your own content that others can no longer see, and why",
  });

export type ModerationNotice = z.infer<typeof ModerationNoticeSchema>;

/** What the author is told about their own hidden or removed note or comment; nothing when it is visible. */
export function moderationNotice(row: { visibility: string; moderationReason: string | null }): ModerationNotice | undefined {
  if (row.visibility !== "hidden" && row.visibility !== "removed") return undefined;
  return { state: row.visibility, reason: row.moderationReason };
}
