import { z } from "@hono/zod-openapi";
import { pageSchema } from "../lib/pagination";
import { UserSummarySchema } from "../users/view";

export const BlockStateSchema = z
  .object({ blocked: z.boolean().openapi({ description: "Whether you now block this person", example: true }) })
  .openapi("BlockState");

export const MuteStateSchema = z
  .object({ muted: z.boolean().openapi({ description: "Whether you now mute this person", example: true }) })
  .openapi("MuteState");

export const RelationEntrySchema = z
  .object({
    user: UserSummarySchema,
    since: z.string().openapi({ format: "date-time", example: "2025-01-14T02:11:09.000Z" }),
  })
  .openapi("BlockOrMuteEntry");

export const RelationPageSchema = pageSchema(RelationEntrySchema, "BlockOrMutePage");
