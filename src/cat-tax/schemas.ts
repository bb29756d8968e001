import { z } from "@hono/zod-openapi";
import { NoteSchema } from "../notes/schemas";
import { UserSummarySchema } from "../users/view";

export const ReceiptSchema = z
  .object({
    noteId: z.string().openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    serial: z.number().int().openapi({ description: "1, 2, 3… within the note, without gaps", example: 42 }),
    number: z.string().openapi({ description: "The serial as printed", example: "0042" }),
    stamper: UserSummarySchema.nullable().openapi({ description: "Who paid; null once their account is deleted" }),
    text: z.string().openapi({
      description: "The bilingual receipt, as issued",
      example: "猫税收据 · CAT TAX RECEIPT No. 0042 — 已全额缴纳给 Lili 的主人 · paid in full to Lili's owner",
    }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("CatTaxReceipt");

export type ReceiptView = z.infer<typeof ReceiptSchema>;

export const LeaderboardQuerySchema = z.object({
  period: z
    .enum(["all", "week"])
    .default("all")
    .openapi({ description: "`all`: every receipt ever; `week`: receipts since Monday 00:00 UTC", example: "week" }),
  limit: z.coerce.number().int().min(1).max(50).default(20).openapi({ description: "How many cats (at most 50)", example: 20 }),
});

export const LeaderboardSchema = z
  .object({
    period: z.enum(["all", "week"]),
    since: z.string().nullable().openapi({ format: "date-time", description: "Start of the week counted; null for `all`" }),
    items: z.array(
      z.object({
        rank: z.number().int().openapi({ description: "1 for the most-taxed cat; equal counts share a rank", example: 1 }),
        receiptCount: z.number().int().openapi({ description: "Receipts in the period", example: 9_874 }),
        note: NoteSchema,
      }),
    ),
  })
  .openapi("CatTaxLeaderboard");
