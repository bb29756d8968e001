import { z } from "@hono/zod-openapi";

export const TrendingQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(20)
    .openapi({ description: "How many topics (default 20, at most 50)", example: 20 }),
});

export const TrendingTopicSchema = z
  .object({
    name: z.string().openapi({ description: "Normalised name, without '#'", example: "tiktokrefugee" }),
    noteCount: z.number().int().openapi({ example: 9_874 }),
    recentPeople: z
      .number()
      .int()
      .openapi({ description: "Distinct people who posted or commented under it in the last 3 hours", example: 412 }),
    usualPeoplePerHour: z
      .number()
      .openapi({ description: "Its usual rate over the 7 days before: distinct people per hour, on average", example: 3.5 }),
    score: z
      .number()
      .openapi({ description: "How far above its usual rate it runs now; the list is ordered by it", example: 21.7 }),
  })
  .openapi("TrendingTopic");

export const TrendingSchema = z
  .object({
    items: z.array(TrendingTopicSchema).openapi({ description: "Fastest rising first" }),
    computedAt: z
      .string()
      .openapi({ format: "date-time", description: "When this list was computed; it is at most 30 seconds old", example: "2025-01-14T09:30:00.000Z" }),
  })
  .openapi("Trending");

export const TrendingBlockSchema = z
  .object({
    name: z.string().openapi({ example: "tiktokrefugee" }),
    hiddenFromTrending: z.boolean().openapi({ description: "Whether staff keep it off trending", example: true }),
  })
  .openapi("TrendingBlock");
