import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../src/index";
import { type TestUser, api, createUser, expectError } from "./helpers";

const HOUR_MS = 3_600_000;
const tag = (name: string) => `${name}${Math.floor(Math.random() * 1e6)}`;
const topic = { fresh: tag("pumpkinspice"), spam: tag("buymycoin"), daily: tag("dailychat"), risingDaily: tag("ramen"), talked: tag("cactus") };

let people: TestUser[];
let moderator: TestUser;

async function post(author: TestUser, topics: string[]) {
  const res = await api("POST", "/v1/notes", { token: author.token, body: { title: "hi", body: "hello", topics } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** `perHour` distinct people in every hour of the week before the recent window. */
async function usualActivity(name: string, perHour: number) {
  const nowHour = Math.floor(Date.now() / HOUR_MS);
  await env.DB.prepare(
    `WITH RECURSIVE h(n) AS (SELECT 3 UNION ALL SELECT n + 1 FROM h WHERE n < 170),
       p(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM p WHERE k < ?)
     INSERT INTO topic_people_hourly (hour, topic, user_id) SELECT ? - n, ?, 'regular-' || k FROM h, p`,
  )
    .bind(perHour, nowHour, name)
    .run();
}

async function trendingNames() {
  const res = await api("GET", "/v1/topics/trending");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { name: string }[]).map((t) => t.name);
}

beforeAll(async () => {
  people = await Promise.all(Array.from({ length: 5 }, () => createUser()));
  moderator = await createUser();
  await env.DB.prepare("INSERT INTO staff_roles (user_id, role, granted_at) VALUES (?, 'moderator', ?)").bind(moderator.id, Date.now()).run();

  // Four people start a brand-new topic.
  for (const person of people.slice(0, 4)) await post(person, [topic.fresh]);
  // One account posts 30 times.
  for (let i = 0; i < 30; i++) await post(people[4]!, [topic.spam]);
  // Four people today, under a topic that usually has 20 people an hour: below its usual rate.
  await usualActivity(topic.daily, 20);
  for (const person of people.slice(0, 4)) await post(person, [topic.daily]);
  // Four people today, under a topic that usually has one an hour: rising, but less than a new one.
  await usualActivity(topic.risingDaily, 1);
  for (const person of people.slice(0, 4)) await post(person, [topic.risingDaily]);
  // One note, and three other people commenting on it.
  const note = await post(people[0]!, [topic.talked]);
  for (const person of people.slice(1, 4)) {
    const res = await api("POST", `/v1/notes/${note}/comments`, { token: person.token, body: { body: "so cute" } });
    expect(res.status).toBe(201);
  }
});

describe("GET /v1/topics/trending", () => {
  it("counts distinct people, so one account posting 30 times does not trend", async () => {
    const names = await trendingNames();
    expect(names).toContain(topic.fresh);
    expect(names).not.toContain(topic.spam);
    const spam = await api("GET", `/v1/topics/${topic.spam}`);
    expect(spam.body.noteCount).toBe(30);
  });

  it("counts commenters as people taking part", async () => {
    expect(await trendingNames()).toContain(topic.talked);
  });

  it("ranks topics by their rise against their own usual rate", async () => {
    const res = await api("GET", "/v1/topics/trending");
    const names = (res.body.items as { name: string }[]).map((t) => t.name);
    expect(names).not.toContain(topic.daily);
    expect(names.indexOf(topic.fresh)).toBeLessThan(names.indexOf(topic.risingDaily));
    const rising = res.body.items.find((t: { name: string }) => t.name === topic.risingDaily);
    expect(rising).toMatchObject({ recentPeople: 4, usualPeoplePerHour: 1 });
    expect(Date.now() - Date.parse(res.body.computedAt)).toBeLessThan(31_000);
  });

  it("is not read as a topic named 'trending'", async () => {
    const res = await api("GET", "/v1/topics/trending?limit=1");
    expect(res.body.items).toHaveLength(1);
    expect(res.body).not.toHaveProperty("noteCount");
  });
});

describe("keeping a topic off trending", () => {
  const path = () => `/v1/topics/${topic.fresh}/trending-block`;

  it("is for moderators only", async () => {
    expectError(await api("PUT", path()), 401, "unauthorized");
    expectError(await api("PUT", path(), { token: people[0]!.token }), 403, "forbidden");
    expectError(await api("DELETE", path(), { token: people[0]!.token }), 403, "forbidden");
    expect(await trendingNames()).toContain(topic.fresh);
  });

  it("takes the topic off trending until a moderator lets it back", async () => {
    const block = await api("PUT", path(), { token: moderator.token });
    expect(block.status).toBe(200);
    expect(block.body).toEqual({ name: topic.fresh, hiddenFromTrending: true });
    expect(await trendingNames()).not.toContain(topic.fresh);
    // Still a topic: its page and search stay open.
    expect((await api("GET", `/v1/topics/${topic.fresh}`)).status).toBe(200);

    const unblock = await api("DELETE", path(), { token: moderator.token });
    expect(unblock.body).toEqual({ name: topic.fresh, hiddenFromTrending: false });
    expect(await trendingNames()).toContain(topic.fresh);
  });

  it("answers 404 for a topic nobody used", async () => {
    expectError(await api("PUT", "/v1/topics/nosuchtopic987/trending-block", { token: moderator.token }), 404, "not_found");
  });
});

describe("the contracts", () => {
  it("are in the OpenAPI document with operation ids and security", async () => {
    const doc = (await api("GET", "/openapi.json")).body;
    expect(doc.paths["/v1/topics/trending"].get).toMatchObject({ operationId: "listTrendingTopics", security: [] });
    expect(doc.paths["/v1/topics/{name}/trending-block"].put).toMatchObject({
      operationId: "blockTopicFromTrending",
      security: [{ bearerAuth: [] }],
    });
    expect(doc.paths["/v1/topics/{name}/trending-block"].delete.operationId).toBe("unblockTopicFromTrending");
    expect(doc.paths["/v1/search"].get.operationId).toBe("searchContent");
    expect(doc.paths["/v1/topics/{name}/notes"].get.parameters.map((p: { name: string }) => p.name)).toContain("sort");
  });
});

describe("old topic activity", () => {
  it("is forgotten by the hourly job once trending no longer reads it", async () => {
    const nowHour = Math.floor(Date.now() / HOUR_MS);
    const insert = env.DB.prepare("INSERT INTO topic_people_hourly (hour, topic, user_id) VALUES (?, 'oldnews', 'someone')");
    await env.DB.batch([insert.bind(nowHour - 9 * 24), insert.bind(nowHour - 6 * 24)]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "17 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const left = await env.DB.prepare("SELECT hour FROM topic_people_hourly WHERE topic = 'oldnews'").all<{ hour: number }>();
    expect(left.results.map((row) => row.hour)).toEqual([nowHour - 6 * 24]);
    // This hour's activity stays.
    const recent = await env.DB.prepare("SELECT count(*) AS n FROM topic_people_hourly WHERE topic = ?").bind(topic.talked).first<number>("n");
    expect(recent).toBe(4);
  });
});
