import { z } from "@hono/zod-openapi";
import type { users } from "../db/schema";
import { IpRegionSchema, showIpRegion } from "../lib/ip-region";
import { iso } from "../lib/time";

type UserRow = typeof users.$inferSelect;

export const UserSummarySchema = z
  .object({
    id: z.string().openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    nickname: z.string().openapi({ example: "小红薯Lili" }),
  })
  .openapi("UserSummary", { description: "Who wrote a note or comment" });

export const PublicProfileSchema = z
  .object({
    id: z.string().openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    nickname: z.string().openapi({ example: "小红薯Lili" }),
    bio: z.string().openapi({ example: "Cat person from Ohio 🐱 learning 中文" }),
    languages: z.array(z.string()).openapi({ description: "Languages this person reads", example: ["en", "zh-Hans"] }),
    ipRegion: IpRegionSchema,
    followerCount: z.number().int().openapi({ example: 1024 }),
    followingCount: z.number().int().openapi({ example: 87 }),
    noteCount: z.number().int().openapi({ example: 12 }),
    createdAt: z.string().openapi({ format: "date-time", example: "2025-01-13T08:30:00.000Z" }),
  })
  .openapi("PublicProfile");

export const userSummary = (row: Pick<UserRow, "id" | "nickname">) => ({ id: row.id, nickname: row.nickname });

type ProfileRow = Pick<
  UserRow,
  "id" | "nickname" | "bio" | "languages" | "ipCountry" | "ipRegion" | "followerCount" | "followingCount" | "noteCount" | "createdAt"
>;

export function publicProfile(row: ProfileRow): z.infer<typeof PublicProfileSchema> {
  return {
    id: row.id,
    nickname: row.nickname,
    bio: row.bio,
    languages: row.languages,
    ipRegion: showIpRegion(row.ipCountry, row.ipRegion),
    followerCount: row.followerCount,
    followingCount: row.followingCount,
    noteCount: row.noteCount,
    createdAt: iso(row.createdAt),
  };
}
