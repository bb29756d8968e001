import { z } from "@hono/zod-openapi";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQuerySchema } from "../lib/pagination";
import { NoteSchema } from "../notes/schemas";
import { MAX_SERVED } from "./cursor";

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_SIZE)
  .default(DEFAULT_PAGE_SIZE)
  .openapi({ description: `Items per page (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE})`, example: 20 });

export const ForYouQuerySchema = z.object({
  cursor: z
    .string()
    .max(Math.ceil((MAX_SERVED * 8 + 200) * 1.4))
    .optional()
    .openapi({ description: "`nextCursor` of the previous page: keeps the mode, the order and what was already served" }),
  limit,
  mode: z.enum(["auto", "ranked", "random"]).default("auto").openapi({
    description:
      "`auto`: ranked, but random on Fridays in your time zone unless you opted out; `random`: out-of-control mode on any day; `ranked`: never random. Ignored when paging with a cursor.",
    example: "auto",
  }),
});

export const ForYouItemSchema = NoteSchema.extend({
  reasons: z
    .array(z.string())
    .min(1)
    .openapi({
      description:
        "Why it was picked, main reason first: `exploration` (a new note's first impressions), `topic:<name>`, `near-you`, `elsewhere`, `other-language`, `popular`, `fresh`, `random`",
      example: ["topic:cattax", "near-you"],
    }),
  translation: z.string().nullable().openapi({
    description: "For a note in a language you don't read: the request that translates it into your first language",
    example: "/v1/notes/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/translation?to=en",
  }),
}).openapi("ForYouItem");

export const ForYouPageSchema = z
  .object({
    mode: z.enum(["ranked", "friday", "random"]).openapi({
      description: "`ranked`; `friday`: out-of-control Friday, uniformly random; `random`: random because you asked",
      example: "ranked",
    }),
    items: z.array(ForYouItemSchema),
    nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null at the end" }),
  })
  .openapi("ForYouPage");

export const NearbyQuerySchema = PageQuerySchema.extend({
  lat: z.coerce.number().min(-90).max(90).openapi({ description: "Latitude of the point", example: 32.2226 }),
  lon: z.coerce.number().min(-180).max(180).openapi({ description: "Longitude of the point", example: -110.9747 }),
  radiusKm: z.coerce
    .number()
    .gt(0)
    .max(100)
    .default(10)
    .openapi({ description: "Search radius in km (default 10, at most 100)", example: 10 }),
});

export const NearbyItemSchema = NoteSchema.extend({
  distanceKm: z.number().openapi({ description: "Distance from the point to the note's place", example: 2.4 }),
}).openapi("NearbyItem");

export const NearbyPageSchema = z
  .object({
    items: z.array(NearbyItemSchema),
    nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null at the end" }),
  })
  .openapi("NearbyPage");
