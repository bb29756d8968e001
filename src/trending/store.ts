import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { topicPeopleHourly, topics } from "../db/schema";
import { HOUR_MS } from "../lib/time";

/*
 * Trending is computed on read from topic_people_hourly (one row per topic, hour and
 * person, written by triggers when someone posts or comments under a topic) and
 * kept for CACHE_MS in the isolate. One grouped scan over the last week answers it.
 */

export const RECENT_HOURS = 3;
export const USUAL_HOURS = 7 * 24;
export const MIN_RECENT_PEOPLE = 3;
export const MAX_TRENDING = 50;
const CACHE_MS = 30_000;

export type TrendingTopic = {
  name: string;
  noteCount: number;
  recentPeople: number;
  usualPeoplePerHour: number;
  score: number;
};

type Candidate = { name: string; noteCount: number; recentPeople: number; recentPersonHours: number; usualPersonHours: number };

/**
 * How far a topic's rate of people per hour now runs above its usual rate, in
 * units that grow with the square root of the usual rate: a new topic with 10
 * people outranks a daily one with 10 more than usual, and a huge topic must
 * surge by many people to rise.
 */
export function risingScore(recentPersonHours: number, usualPersonHours: number): number {
  const now = recentPersonHours / RECENT_HOURS;
  const usual = usualPersonHours / USUAL_HOURS;
  return (now - usual) / Math.sqrt(usual + 1);
}

export async function computeTrending(db: Db, now: number): Promise<TrendingTopic[]> {
  const hour = Math.floor(now / HOUR_MS);
  const recentFrom = hour - RECENT_HOURS + 1;
  const usualFrom = recentFrom - USUAL_HOURS;
  const h = topicPeopleHourly;
  const recentPeople = sql<number>`count(distinct case when ${h.hour} >= ${recentFrom} then ${h.userId} end)`;
  const rows: Candidate[] = await db
    .select({
      name: h.topic,
      noteCount: topics.noteCount,
      recentPeople,
      recentPersonHours: sql<number>`sum(${h.hour} >= ${recentFrom})`,
      usualPersonHours: sql<number>`sum(${h.hour} < ${recentFrom})`,
    })
    .from(h)
    .innerJoin(topics, eq(topics.name, h.topic))
    .where(and(gte(h.hour, usualFrom), eq(topics.hiddenFromTrending, false)))
    .groupBy(h.topic)
    .having(sql`${recentPeople} >= ${MIN_RECENT_PEOPLE}`);
  return rows
    .map((row) => ({
      name: row.name,
      noteCount: row.noteCount,
      recentPeople: row.recentPeople,
      usualPeoplePerHour: Math.round((row.usualPersonHours / USUAL_HOURS) * 100) / 100,
      score: Math.round(risingScore(row.recentPersonHours, row.usualPersonHours) * 100) / 100,
    }))
    .filter((topic) => topic.score > 0)
    .sort((a, b) => b.score - a.score || b.recentPeople - a.recentPeople || a.name.localeCompare(b.name))
    .slice(0, MAX_TRENDING);
}

// Values only, never a pending promise: workerd does not let one request await I/O started by another.
let cached: { at: number; topics: TrendingTopic[] } | undefined;

/** The trending list, recomputed at most every 30 seconds per isolate. */
export async function trendingTopics(db: Db, now = Date.now()): Promise<{ computedAt: number; topics: TrendingTopic[] }> {
  if (!cached || now - cached.at >= CACHE_MS) cached = { at: now, topics: await computeTrending(db, now) };
  return { computedAt: cached.at, topics: cached.topics };
}

/** After a moderator's change, this isolate recomputes at once; others within 30 seconds. */
export const forgetTrending = () => {
  cached = undefined;
};

export const setHiddenFromTrending = (db: Db, name: string, hidden: boolean) =>
  db
    .update(topics)
    .set({ hiddenFromTrending: hidden })
    .where(eq(topics.name, name))
    .returning({ name: topics.name, hiddenFromTrending: topics.hiddenFromTrending })
    .get();
