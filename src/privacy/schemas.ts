import { z } from "@hono/zod-openapi";

const rows = (description: string) => z.array(z.record(z.string(), z.unknown())).openapi({ description });

/** The export document; each list is written a page at a time as it is read. */
export const ExportSchema = z
  .object({
    format: z.literal("notebridge-export/1"),
    exportedAt: z.string().openapi({ format: "date-time" }),
    account: z.record(z.string(), z.unknown()).openapi({
      description: "Your profile, including your own phone number in full (it is yours); never your password hash",
    }),
    sessions: rows("Your sessions (id, created, expires, whether it is this one); never token hashes"),
    notes: rows("Your notes with their topics, place, IP region, counts and moderation state"),
    comments: rows("Your comments and replies; people you answered appear as id and nickname"),
    likes: rows("Notes you liked: note id and when"),
    collects: rows("Notes you collected: note id and when"),
    following: rows("People you follow: id, nickname, since"),
    followers: rows("People who follow you: id, nickname, since"),
    blocks: rows("People you block: id, nickname, since"),
    mutes: rows("People you mute: id, nickname, since"),
    catTaxReceiptsStamped: rows("Cat tax receipts you stamped"),
    glossaryExplanations: rows("Explanations you wrote for glossary terms"),
    glossaryVotes: rows("Explanations you voted for"),
    glossaryTermsAdded: rows("Glossary terms you added (curators)"),
    staffRoles: rows("Staff roles you hold"),
    reportsFiled: rows("Reports you filed"),
  })
  .openapi("AccountExport", {
    example: {
      format: "notebridge-export/1",
      exportedAt: "2025-01-20T10:00:00.000Z",
      account: { id: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ", phone: "+16145550142", nickname: "Lili's owner" },
      sessions: [],
      notes: [],
      comments: [],
      likes: [],
      collects: [],
      following: [],
      followers: [{ user: { id: "01JH8A0B1C2D3E4F5G6H7J8K9M", nickname: "小红薯" }, since: "2025-01-14T02:11:09.000Z" }],
      blocks: [],
      mutes: [],
      catTaxReceiptsStamped: [],
      glossaryExplanations: [],
      glossaryVotes: [],
      glossaryTermsAdded: [],
      staffRoles: [],
      reportsFiled: [],
    },
  });
