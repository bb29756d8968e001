import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import { forYouPage } from "../src/feed/for-you";
import { rankPage } from "../src/feed/ranking";
import { candidatePool, followingPage, nearbyQuery } from "../src/feed/store";
import { hashBearerToken, newBearerToken } from "../src/lib/auth";
import { IMPRESSION_SHARDS, impressionShard } from "../src/lib/impressions";
import { newId } from "../src/lib/ids";
import { DAY_MS, HOUR_MS } from "../src/lib/time";
import { api, expectError } from "./helpers";

/*
 * Feeds on generated data: people and notes are written straight into D1 (with
 * the counters a busy week would leave), then read through the real routes.
 */

type Seeded = { id: string; token: string };
let phone = Math.floor(Math.random() * 900_000_000);

async function seedUser(options: { country?: string; languages?: string[]; followers?: number } = {}): Promise<Seeded> {
  const id = newId();
  const token = newBearerToken();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO users (id, phone_e164, phone_region, password_hash, nickname, languages, ip_country, follower_count, created_at, updated_at) VALUES (?, ?, 'CN', 'x', ?, ?, ?, ?, ?, ?)",
    ).bind(id, `+8613${String(++phone).padStart(9, "0")}`, `p${phone}`, JSON.stringify(options.languages ?? ["en"]), options.country ?? "US", options.followers ?? 0, now, now),
    env.DB.prepare("INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)").bind(
      newId(),
      id,
      await hashBearerToken(token),
      now,
      now + 30 * DAY_MS,
    ),
  ]);
  return { id, token };
}

type SeedNote = {
  author: Seeded;
  language?: string;
  country?: string;
  ageMs?: number;
  views?: number;
  likes?: number;
  topics?: string[];
  place?: [number, number];
};

async function seedNotes(list: SeedNote[]): Promise<string[]> {
  const ids: string[] = [];
  const statements: D1PreparedStatement[] = [];
  for (const n of list) {
    const createdAt = Date.now() - (n.ageMs ?? HOUR_MS);
    const id = newId(createdAt);
    ids.push(id);
    statements.push(
      env.DB.prepare(
        `INSERT INTO notes (id, author_id, title, body, language, language_source, media, place_name, place_latitude, place_longitude,
           ip_country, like_count, view_count, created_at, updated_at) VALUES (?, ?, ?, 'generated', ?, 'author', '[]', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).bind(id, n.author.id, `note ${ids.length}`, n.language ?? "en", n.place ? "somewhere" : null, n.place?.[0] ?? null, n.place?.[1] ?? null,
        n.country ?? "US", n.likes ?? 0, n.views ?? 0, createdAt, createdAt),
    );
    for (const topic of n.topics ?? []) {
      statements.push(env.DB.prepare("INSERT OR IGNORE INTO topics (name, created_at) VALUES (?, ?)").bind(topic, createdAt));
      statements.push(env.DB.prepare("INSERT INTO note_topics (note_id, topic) VALUES (?, ?)").bind(id, topic));
    }
  }
  for (let i = 0; i < statements.length; i += 200) await env.DB.batch(statements.slice(i, i + 200));
  return ids;
}

/** Established notes: past their exploration impressions, engagement `likes` per `views`. */
async function seedEstablished(count: number, extra: Partial<SeedNote> = {}, authors?: Seeded[]) {
  const people = authors ?? (await Promise.all(Array.from({ length: Math.ceil(count / 2) }, () => seedUser())));
  return seedNotes(
    Array.from({ length: count }, (_, i) => ({ author: people[i % people.length]!, views: 200, likes: 10 + (i % 30), ...extra })),
  );
}

type Page = {
  mode: string;
  items: { id: string; author: { id: string }; language: string; reasons: string[]; translation: string | null }[];
  nextCursor: string | null;
};

const forYou = (token?: string, query = "", headers: Record<string, string> = {}) =>
  api<Page>("GET", `/v1/feed/for-you${query}`, { token, headers });

async function allPages(token: string | undefined, limit: number, headers: Record<string, string> = {}, query = "") {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const response = await forYou(token, `?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ""}`, headers);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    pages.push(response.body);
    cursor = response.body.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

beforeEach(async () => {
  await env.DB.batch([
    env.DB.prepare("DELETE FROM notes"),
    env.DB.prepare("DELETE FROM blocks"),
    env.DB.prepare("DELETE FROM mutes"),
    env.DB.prepare("DELETE FROM follows"),
  ]);
});

describe("for-you: fair exposure", () => {
  it("puts a new small account's note on first pages through exploration, then lets engagement decide", async () => {
    const star = await seedUser({ followers: 2_000_000 });
    await seedEstablished(30, { likes: 60, views: 300 }, [star]);
    await seedEstablished(40);
    const newcomer = await seedUser({ followers: 0 });
    const [fresh] = await seedNotes([{ author: newcomer, ageMs: 60_000 }]);
    const readers = await Promise.all(Array.from({ length: 6 }, () => seedUser()));

    let reached = 0;
    for (const reader of readers) {
      const page = (await forYou(reader.token)).body;
      const item = page.items.find((i) => i.id === fresh);
      if (item) {
        reached++;
        expect(item.reasons[0]).toBe("exploration");
      }
    }
    expect(reached).toBeGreaterThanOrEqual(3);

    // Its exploration impressions spent with nobody engaging, it no longer makes first pages.
    await env.DB.prepare("UPDATE notes SET view_count = 40 WHERE id = ?").bind(fresh).run();
    for (const reader of readers) {
      expect((await forYou(reader.token)).body.items.map((i) => i.id)).not.toContain(fresh);
    }
  });

  it("never puts one author more than twice on a page, however good their notes", async () => {
    const prolific = await seedUser({ followers: 500_000 });
    await seedEstablished(60, { likes: 150, views: 200 }, [prolific]);
    await seedEstablished(60, { likes: 5 });
    const reader = await seedUser();
    const pages = await allPages(reader.token, 20);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      const counts = new Map<string, number>();
      for (const item of page.items) counts.set(item.author.id, (counts.get(item.author.id) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    }
    expect(pages[0]!.items.filter((i) => i.author.id === prolific.id)).toHaveLength(2);
  });
});

describe("ranking (pure functions)", () => {
  it("spreads the traffic pool over readers instead of showing everyone the same least-seen notes", () => {
    const now = Date.now();
    const note = (i: number, views: number) => ({
      id: `n${String(i).padStart(4, "0")}`, authorId: `a${i}`, language: "en", country: "US", topics: [],
      createdAt: now - HOUR_MS, views, likes: views / 10, collects: 0, comments: 0, receipts: 0,
    });
    const candidates = [
      ...Array.from({ length: 100 }, (_, i) => note(i, i % 40)),
      ...Array.from({ length: 100 }, (_, i) => note(100 + i, 500)),
    ];
    const reader = { id: "r", languages: ["en"], country: "US", affinity: {}, otherLanguageShare: 0 };
    const explored = new Set<string>();
    for (let r = 0; r < 20; r++) {
      const page = rankPage({ candidates, reader, now, seed: `reader-${r}`, served: new Set(), limit: 20 });
      const exploration = page.filter((p) => p.reasons[0] === "exploration");
      expect(exploration).toHaveLength(5);
      for (const p of exploration) explored.add(p.id);
    }
    expect(explored.size).toBeGreaterThan(25); // five times what one shared order would show
    // Still less-seen first: the notes explored are mostly in the lower half of views.
    const low = [...explored].filter((id) => Number(id.slice(1)) % 40 < 20).length;
    expect(low / explored.size).toBeGreaterThan(0.6);
  });
});

describe("for-you: language balance", () => {
  // Tolerance: ±1 note on a page of 20 (5 percentage points).
  it("keeps the share of other-language notes at the profile's setting", async () => {
    await seedEstablished(60, { language: "en" });
    await seedEstablished(60, { language: "zh-Hans", country: "CN" });
    const reader = await seedUser({ languages: ["en"] });
    const otherShare = async () => {
      const page = (await forYou(reader.token, "?limit=20")).body;
      expect(page.items).toHaveLength(20);
      const other = page.items.filter((i) => !i.language.startsWith("en"));
      for (const item of other) {
        expect(item.reasons).toContain("other-language");
        expect(item.translation).toBe(`/v1/notes/${item.id}/translation?to=en`);
      }
      for (const item of page.items.filter((i) => i.language === "en")) expect(item.translation).toBeNull();
      return other.length;
    };
    expect(Math.abs((await otherShare()) - 5)).toBeLessThanOrEqual(1);

    const patch = await api("PATCH", "/v1/me", { token: reader.token, body: { otherLanguagePercent: 50 } });
    expect(patch.status).toBe(200);
    expect(patch.body.otherLanguagePercent).toBe(50);
    expect(Math.abs((await otherShare()) - 10)).toBeLessThanOrEqual(1);

    await api("PATCH", "/v1/me", { token: reader.token, body: { otherLanguagePercent: 0 } });
    expect(await otherShare()).toBe(0);
  });

  it("explains picks by topic affinity and place", async () => {
    const cats = await seedEstablished(20, { topics: ["cattax"], likes: 12 });
    await seedEstablished(40, { topics: ["cooking"], likes: 12, country: "BR" });
    const reader = await seedUser({ country: "US" });
    for (const id of cats.slice(0, 3)) await api("PUT", `/v1/notes/${id}/like`, { token: reader.token });
    const page = (await forYou(reader.token)).body;
    expect(page.mode).toBe("ranked");
    const catItems = page.items.filter((i) => i.reasons.includes("topic:cattax"));
    expect(catItems.length).toBeGreaterThan(5);
    expect(page.items.some((i) => i.reasons.includes("near-you"))).toBe(true);
    expect(page.items.some((i) => i.reasons.includes("elsewhere"))).toBe(true);
  });
});

describe("for-you: paging and visibility", () => {
  it("pages through every eligible note exactly once", async () => {
    const ids = await seedEstablished(70);
    const fresh = await Promise.all(Array.from({ length: 15 }, () => seedUser()));
    ids.push(...(await seedNotes(fresh.map((author, i) => ({ author, views: i })))));
    const reader = await seedUser();
    const served = (await allPages(reader.token, 7)).flatMap((page) => page.items.map((i) => i.id));
    expect(new Set(served).size).toBe(served.length);
    expect(new Set(served)).toEqual(new Set(ids));
  });

  it("doesn't repeat or shift while engagement changes and new notes arrive mid-session", async () => {
    const ids = await seedEstablished(40);
    const reader = await seedUser();
    const first = (await forYou(reader.token, "?limit=10")).body;
    const seen = first.items.map((i) => i.id);
    // The notes it didn't show yet suddenly do much better, and new notes are posted.
    await env.DB.prepare(`UPDATE notes SET like_count = 190 WHERE id NOT IN (${seen.map(() => "?").join(",")})`).bind(...seen).run();
    const later = await seedNotes([{ author: await seedUser(), ageMs: 0 }]);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await forYou(reader.token, `?limit=10&cursor=${cursor}`)).body;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen).not.toContain(later[0]);
    // A new session sees it.
    expect((await forYou(reader.token)).body.items.map((i) => i.id)).toContain(later[0]);
  });

  it("leaves out my own notes, deleted and hidden notes, and people I blocked, muted or who blocked me", async () => {
    const reader = await seedUser();
    const [blocked, blocker, muted, hiddenAuthor, ordinary] = await Promise.all(Array.from({ length: 5 }, () => seedUser()));
    const mine = await seedEstablished(2, {}, [reader]);
    const fromBlocked = await seedEstablished(2, {}, [blocked!]);
    const fromBlocker = await seedEstablished(2, {}, [blocker!]);
    const fromMuted = await seedEstablished(2, {}, [muted!]);
    const [hidden, ...fromHiddenAuthor] = await seedEstablished(2, {}, [hiddenAuthor!]);
    const visible = await seedEstablished(6);
    const post = await api("POST", "/v1/notes", { token: ordinary!.token, body: { body: "soon gone" } });
    expect((await api("DELETE", `/v1/notes/${post.body.id}`, { token: ordinary!.token })).status).toBe(204);
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)").bind(reader.id, blocked!.id, now),
      env.DB.prepare("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)").bind(blocker!.id, reader.id, now),
      env.DB.prepare("INSERT INTO mutes (muter_id, muted_id, created_at) VALUES (?, ?, ?)").bind(reader.id, muted!.id, now),
      env.DB.prepare("UPDATE notes SET visibility = 'hidden' WHERE id = ?").bind(hidden),
    ]);

    const served = new Set((await allPages(reader.token, 10)).flatMap((page) => page.items.map((i) => i.id)));
    expect(served).toEqual(new Set([...visible, ...fromHiddenAuthor]));
    for (const id of [...mine, ...fromBlocked, ...fromBlocker, ...fromMuted, hidden, post.body.id]) expect(served.has(id)).toBe(false);

    // Signed out, blocks and mutes don't apply but hidden notes stay hidden.
    const anonymous = new Set((await allPages(undefined, 10)).flatMap((page) => page.items.map((i) => i.id)));
    expect(anonymous.has(hidden!)).toBe(false);
    expect(anonymous.has(fromBlocked[0]!)).toBe(true);
    expect(anonymous.has(mine[0]!)).toBe(true);
  });

  it("tells a signed-in reader which of the notes they liked or collected", async () => {
    const reader = await seedUser();
    const [liked, collected, both, neither] = await seedEstablished(4);
    for (const [id, reactions] of [[liked, ["like"]], [collected, ["collect"]], [both, ["like", "collect"]]] as const) {
      for (const reaction of reactions) expect((await api("PUT", `/v1/notes/${id}/${reaction}`, { token: reader.token })).status).toBe(200);
    }
    const items = (await allPages(reader.token, 10)).flatMap((page) => page.items) as unknown as { id: string; viewerState: unknown }[];
    const stateOf = (id: string | undefined) => items.find((item) => item.id === id)?.viewerState;
    expect(stateOf(liked)).toEqual({ liked: true, collected: false });
    expect(stateOf(collected)).toEqual({ liked: false, collected: true });
    expect(stateOf(both)).toEqual({ liked: true, collected: true });
    expect(stateOf(neither)).toEqual({ liked: false, collected: false });
  });

  it("gives signed-out visitors a ranked page in their own language first", async () => {
    await seedEstablished(30, { language: "en" });
    await seedEstablished(30, { language: "es", country: "MX" });
    const page = await forYou(undefined, "?limit=20", { "Accept-Language": "es-MX,es;q=0.9" });
    expect(page.status).toBe(200);
    expect(page.body.mode).toBe("ranked");
    expect(page.body.items.filter((i) => i.language === "es").length).toBe(15);
    expect((page.body.items[0] as unknown as { viewerState: unknown }).viewerState).toBeNull();
  });

  it("refuses cursors it did not give out", async () => {
    expectError(await forYou(undefined, "?cursor=bm9wZQ"), 400, "invalid_cursor");
    expectError(await forYou(undefined, "?mode=sometimes"), 400, "validation_failed");
  });
});

/** Spearman's rank correlation. */
function spearman(xs: number[], ys: number[]): number {
  const ranks = (vs: number[]) => {
    const order = vs.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(vs.length);
    order.forEach(([, i], rank) => (r[i] = rank));
    return r;
  };
  const rx = ranks(xs);
  const ry = ranks(ys);
  const n = xs.length;
  const mean = (n - 1) / 2;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i++) {
    num += (rx[i]! - mean) * (ry[i]! - mean);
    dx += (rx[i]! - mean) ** 2;
    dy += (ry[i]! - mean) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

/** The next Friday 00:00 in a zone `offsetHours` from UTC with no daylight saving, at least a day ahead. */
function nextFridayMidnight(offsetHours: number): number {
  const day = new Date(Date.now() + DAY_MS);
  day.setUTCHours(0, 0, 0, 0);
  while (day.getUTCDay() !== 5) day.setUTCDate(day.getUTCDate() + 1);
  return day.getTime() - offsetHours * HOUR_MS;
}

const at = (ms: number) => ({ "X-Test-Now": new Date(ms).toISOString() });

describe("out-of-control Friday", () => {
  it("switches at midnight in the reader's own time zone", async () => {
    await seedEstablished(20);
    const shanghai = await seedUser();
    expectError(await api("PATCH", "/v1/me", { token: shanghai.token, body: { timeZone: "Mars/Olympus_Mons" } }), 400, "validation_failed");
    await api("PATCH", "/v1/me", { token: shanghai.token, body: { timeZone: "Asia/Shanghai" } });
    const bogota = await seedUser();
    const fridayInShanghai = nextFridayMidnight(8);
    expect((await forYou(shanghai.token, "", at(fridayInShanghai - 1000))).body.mode).toBe("ranked");
    expect((await forYou(shanghai.token, "", at(fridayInShanghai))).body.mode).toBe("friday");

    // No zone in the profile: the request's zone (Cloudflare's cf.timezone) decides.
    const fromBogota = (ms: number) =>
      api<Page>("GET", "/v1/feed/for-you", { token: bogota.token, headers: at(ms), cf: { timezone: "America/Bogota" } as never });
    expect((await fromBogota(fridayInShanghai)).body.mode).toBe("ranked");
    const fridayInBogota = nextFridayMidnight(-5);
    expect((await fromBogota(fridayInBogota - 1000)).body.mode).toBe("ranked");
    expect((await fromBogota(fridayInBogota)).body.mode).toBe("friday");

    // Opting out keeps Fridays ranked; ?mode=random opts in on any day.
    await api("PATCH", "/v1/me", { token: shanghai.token, body: { randomFridays: false } });
    expect((await forYou(shanghai.token, "", at(fridayInShanghai))).body.mode).toBe("ranked");
    const monday = await forYou(shanghai.token, "?mode=random", at(fridayInShanghai - 4 * DAY_MS));
    expect(monday.body.mode).toBe("random");
    expect(monday.body.items.every((i) => i.reasons.join() === "random")).toBe(true);
  });

  it("is random (no correlation with engagement), stable for the day and never repeats", async () => {
    const authors = await Promise.all(Array.from({ length: 60 }, () => seedUser()));
    // 120 notes whose engagement per view runs from 0 to 50%.
    const ids = await seedNotes(authors.flatMap((author, i) => [0, 1].map((k) => ({ author, views: 200, likes: i + 60 * k }))));
    const rate = new Map<string, number>();
    const rows = await env.DB.prepare("SELECT id, like_count FROM notes").all<{ id: string; like_count: number }>();
    for (const r of rows.results) rate.set(r.id, r.like_count);
    const reader = await seedUser();
    await api("PATCH", "/v1/me", { token: reader.token, body: { timeZone: "Asia/Shanghai" } });
    const friday = at(nextFridayMidnight(8) + 10 * HOUR_MS);

    const pages = await allPages(reader.token, 20, friday);
    expect(pages.every((p) => p.mode === "friday")).toBe(true);
    const order = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(order).size).toBe(order.length);
    expect(new Set(order)).toEqual(new Set(ids));
    const positions = order.map((_, i) => i);
    const randomRho = spearman(positions, order.map((id) => rate.get(id)!));
    expect(Math.abs(randomRho)).toBeLessThan(0.35);

    // The same reader later that day starts over with the same shuffle.
    const again = (await forYou(reader.token, "?limit=20", friday)).body.items.map((i) => i.id);
    expect(again).toEqual(order.slice(0, 20));

    // The ranked feed, on the same notes, follows engagement closely: the check above could fail.
    const ranked = (await allPages(reader.token, 20, {}, "&mode=ranked")).flatMap((p) => p.items.map((i) => i.id));
    const rankedRho = spearman(ranked.map((_, i) => i), ranked.map((id) => rate.get(id)!));
    expect(rankedRho).toBeLessThan(-0.8);
  });
});

describe("following and nearby", () => {
  it("lists notes of people I follow, newest first, with a keyset cursor", async () => {
    const reader = await seedUser();
    const [a, b, stranger] = await Promise.all([seedUser(), seedUser(), seedUser()]);
    const fromA = await seedNotes([1, 2, 3].map((h) => ({ author: a!, ageMs: h * HOUR_MS })));
    const fromB = await seedNotes([1.5, 2.5].map((h) => ({ author: b!, ageMs: h * HOUR_MS })));
    await seedNotes([{ author: stranger!, ageMs: 10_000 }]);
    for (const person of [a!, b!]) expect((await api("PUT", `/v1/users/${person.id}/follow`, { token: reader.token })).status).toBe(200);
    const first = await api("GET", "/v1/feed/following?limit=3", { token: reader.token });
    expect(first.status).toBe(200);
    const second = await api("GET", `/v1/feed/following?limit=3&cursor=${first.body.nextCursor}`, { token: reader.token });
    expect([...first.body.items, ...second.body.items].map((n: { id: string }) => n.id)).toEqual([
      fromA[0], fromB[0], fromA[1], fromB[1], fromA[2],
    ]);
    expect(second.body.nextCursor).toBeNull();
    expectError(await api("GET", "/v1/feed/following"), 401, "unauthorized");
  });

  it("lists notes near a point, nearest first within the radius, through the place index", async () => {
    const author = await seedUser();
    // Around Tucson (32.2226, -110.9747): about 0, 3, 8 and 40 km away, and one in Shanghai.
    const [center, three, eight, forty] = await seedNotes(
      [[32.2226, -110.9747], [32.25, -110.96], [32.29, -110.96], [32.58, -110.97], [31.23, 121.47]].map(
        (place) => ({ author, place: place as [number, number] }),
      ),
    );
    const near = await api("GET", "/v1/feed/nearby?lat=32.2226&lon=-110.9747&radiusKm=10&limit=2");
    expect(near.status, JSON.stringify(near.body)).toBe(200);
    const next = await api("GET", `/v1/feed/nearby?lat=32.2226&lon=-110.9747&radiusKm=10&limit=2&cursor=${near.body.nextCursor}`);
    const items = [...near.body.items, ...next.body.items];
    expect(items.map((i: { id: string }) => i.id)).toEqual([center, three, eight]);
    expect(items[1].distanceKm).toBeGreaterThan(2);
    expect(items[1].distanceKm).toBeLessThan(4);
    expect(next.body.nextCursor).toBeNull();
    const wide = await api("GET", "/v1/feed/nearby?lat=32.2226&lon=-110.9747&radiusKm=50");
    expect(wide.body.items.map((i: { id: string }) => i.id)).toEqual([center, three, eight, forty]);
    expectError(await api("GET", "/v1/feed/nearby?lat=95&lon=0"), 400, "validation_failed");

    const query = nearbyQuery(createDb(env.DB), null, { lat: 32.2226, lon: -110.9747, radiusKm: 10 }, { limit: 20 }).toSQL();
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).bind(...query.params).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join("\n")).toMatch(/notes_place_idx/);
  });
});

/** Runs every shard's pending alarm (instead of waiting its 5 s) until `done`; impressions reach the shards a second after the answer. */
async function flushUntil(done: () => Promise<boolean>) {
  for (let attempt = 0; attempt < 80; attempt++) {
    for (let shard = 0; shard < IMPRESSION_SHARDS; shard++) await runDurableObjectAlarm(impressionShard(env, shard));
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("impressions never reached D1");
}

describe("impressions", () => {
  it("counts what feeds served in batches, on notes and their topics, within seconds", async () => {
    const [id] = await seedEstablished(1, { topics: ["tiktokrefugee"], views: 0, likes: 0, ageMs: 3 * DAY_MS + HOUR_MS });
    const readers = await Promise.all(Array.from({ length: 3 }, () => seedUser()));
    for (const reader of readers) expect((await forYou(reader.token)).body.items.map((i) => i.id)).toContain(id);
    const topicViews = async () => (await api("GET", "/v1/topics/tiktokrefugee")).body.viewCount;
    const storedViews = async (noteId: string) =>
      (await env.DB.prepare("SELECT view_count FROM notes WHERE id = ?").bind(noteId).first<{ view_count: number }>())!.view_count;
    // Buffered, not yet written: no D1 row per note per request.
    expect(await storedViews(id!)).toBe(0);

    await flushUntil(async () => (await storedViews(id!)) >= 3);
    expect(await storedViews(id!)).toBe(3);
    expect(await topicViews()).toBe(3);
    expect((await api("GET", `/v1/notes/${id}`)).body.viewCount).toBe(3);
    // Opening the note counts as a view too.
    await flushUntil(async () => (await storedViews(id!)) >= 4);
    expect(await topicViews()).toBe(4);
  });
});

describe("round trips", () => {
  /** Counts D1 round trips: each batch, and each statement run on its own. */
  function countingD1(d1: D1Database) {
    const counter = { trips: 0 };
    const originals = new WeakMap<object, D1PreparedStatement>();
    const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
      const proxy = new Proxy(statement, {
        get(target, property) {
          const value = Reflect.get(target, property, target);
          if (property === "bind") return (...args: unknown[]) => wrap(value.apply(target, args));
          if (["first", "all", "raw", "run"].includes(String(property))) {
            return (...args: unknown[]) => {
              counter.trips++;
              return value.apply(target, args);
            };
          }
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      originals.set(proxy, statement);
      return proxy;
    };
    const db = {
      prepare: (query: string) => wrap(d1.prepare(query)),
      batch: (statements: D1PreparedStatement[]) => {
        counter.trips++;
        return d1.batch(statements.map((s) => originals.get(s) ?? s));
      },
      exec: d1.exec.bind(d1),
      dump: d1.dump?.bind(d1),
    } as unknown as D1Database;
    return { db: createDb(db), counter };
  }

  it("serves a for-you page in one D1 batch once the pool is warm, and following/nearby pages in one statement", async () => {
    await seedEstablished(30);
    const reader = await seedUser();
    const { db, counter } = countingD1(env.DB);
    const request = {
      viewerId: reader.id,
      now: Date.now(),
      limit: 20,
      cursor: null,
      requestedMode: "ranked" as const,
      request: { country: null, timeZone: null, languages: ["en"] },
      poolTtlMs: 60_000,
      imageQuality: "low" as const,
    };
    await candidatePool(db, 0);
    counter.trips = 0;
    const page = await forYouPage(db, request);
    expect(page.items).toHaveLength(20);
    expect(counter.trips).toBe(1);

    counter.trips = 0;
    await followingPage(db, reader.id, { limit: 20 });
    await nearbyQuery(db, reader.id, { lat: 0, lon: 0, radiusKm: 10 }, { limit: 20 });
    expect(counter.trips).toBe(2);
  });
});
