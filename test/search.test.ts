import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { noteSearchBackfill } from "../scripts/search-backfill-sql.mjs";
import { buildSeedSql } from "../scripts/seed-sql.mjs";
import { type TestUser, api, createUser, expectError, uniqueIp } from "./helpers";

let writer: TestUser;
let reader: TestUser;

async function post(author: TestUser, note: { title: string; body: string; topics?: string[]; language?: string }) {
  const res = await api("POST", "/v1/notes", { token: author.token, body: note });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

// Signed-out searches are limited per IP address: each search here comes from an address of its own.
const get = (path: string, token?: string) => api("GET", path, { token, headers: { "CF-Connecting-IP": uniqueIp() } });

async function search(query: Record<string, string>, viewer?: TestUser) {
  const res = await get(`/v1/search?${new URLSearchParams(query)}`, viewer?.token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { type: string; items: any[]; nextCursor: string | null; glossary: any[] };
}

const idsFor = async (q: string, viewer?: TestUser, extra: Record<string, string> = {}) =>
  (await search({ q, ...extra }, viewer)).items.map((item) => item.id as string);

beforeAll(async () => {
  writer = await createUser({ nickname: "小红薯Lili" });
  reader = await createUser({ nickname: "Ashley from Ohio" });
});

describe("searching Chinese notes", () => {
  let cat: string;
  let homework: string;
  let nightMarket: string;
  let traditional: string;
  beforeAll(async () => {
    cat = await post(writer, { title: "我家的猫咪", body: "今天猫咪睡了一整天" });
    homework = await post(writer, { title: "求助", body: "英语作业太难了，谁能帮帮我" });
    nightMarket = await post(writer, { title: "夜市", body: "这里很有烟火气，适合晚上散步" });
    traditional = await post(writer, { title: "我的貓咪", body: "牠今天很乖", language: "zh-Hant" });
  });

  it("finds a note by a single character inside a longer word", async () => {
    const ids = await idsFor("猫");
    expect(ids).toContain(cat);
    expect(ids).not.toContain(homework);
    expect(await idsFor("烟")).toEqual([nightMarket]);
  });

  it("finds notes by two- and three-character words", async () => {
    expect(await idsFor("猫咪")).toContain(cat);
    expect(await idsFor("作业")).toEqual([homework]);
    expect(await idsFor("烟火气")).toEqual([nightMarket]);
    expect(await idsFor("火气")).toEqual([nightMarket]);
  });

  it("finds Traditional text with a Simplified query, and the other way round", async () => {
    expect(await idsFor("猫咪")).toContain(traditional);
    expect(await idsFor("貓咪")).toEqual(expect.arrayContaining([cat, traditional]));
  });

  it("ranks the note that mentions the word more often first", async () => {
    const ids = await idsFor("猫咪");
    expect(ids.indexOf(cat)).toBeLessThan(ids.indexOf(traditional));
  });
});

describe("searching English notes", () => {
  let tax: string;
  beforeAll(async () => {
    tax = await post(writer, { title: "My Cat pays her tax", body: "Lili the tabby says hello to everyone" });
  });

  it("ignores case", async () => {
    expect(await idsFor("CAT TAX")).toContain(tax);
    expect(await idsFor("tabby")).toEqual([tax]);
  });

  it("matches simple plurals both ways", async () => {
    expect(await idsFor("cats")).toContain(tax);
    expect(await idsFor("taxes")).toContain(tax);
    expect(await idsFor("tabbies")).toEqual([tax]);
  });

  it("needs every word of the query", async () => {
    expect(await idsFor("tabby dinosaur")).toEqual([]);
  });

  it("finds notes by their topics", async () => {
    const tagged = await post(writer, { title: "Sunday", body: "Guess what I cooked", topics: ["braisedpork"] });
    expect(await idsFor("braisedpork")).toEqual([tagged]);
  });
});

describe("Japanese and Korean", () => {
  it("finds a Japanese note by a kanji and a Korean note by a word inside a longer one", async () => {
    const japanese = await post(writer, { title: "猫カフェ", body: "猫が好きです" });
    const korean = await post(writer, { title: "우리 고양이", body: "고양이가 너무 귀여워요" });
    expect(await idsFor("カフェ")).toEqual([japanese]);
    expect(await idsFor("猫")).toContain(japanese);
    expect(await idsFor("고양이")).toEqual([korean]);
  });
});

describe("keeping the index in step with notes", () => {
  it("finds an edited note by its new words only", async () => {
    const id = await post(writer, { title: "Breakfast", body: "zongzi for breakfast" });
    expect(await idsFor("zongzi")).toEqual([id]);
    const edit = await api("PATCH", `/v1/notes/${id}`, { token: writer.token, body: { body: "jianbing for breakfast" } });
    expect(edit.status).toBe(200);
    expect(await idsFor("zongzi")).toEqual([]);
    expect(await idsFor("jianbing")).toEqual([id]);
  });

  it("never finds a deleted note", async () => {
    const id = await post(writer, { title: "Gone soon", body: "quokka selfie 短命的笔记" });
    expect(await idsFor("quokka")).toEqual([id]);
    expect((await api("DELETE", `/v1/notes/${id}`, { token: writer.token })).status).toBe(204);
    expect(await idsFor("quokka")).toEqual([]);
    expect(await idsFor("短命")).toEqual([]);
    const leftovers = await env.DB.prepare("SELECT count(*) AS n FROM note_search WHERE note_search MATCH 'quokka'").first("n");
    expect(leftovers).toBe(0);
  });
});

describe("what a reader may see", () => {
  it("leaves out hidden notes for everyone but their author", async () => {
    const id = await post(writer, { title: "Hidden", body: "axolotl pending review" });
    await env.DB.prepare("UPDATE notes SET visibility = 'hidden' WHERE id = ?").bind(id).run();
    expect(await idsFor("axolotl", reader)).toEqual([]);
    expect(await idsFor("axolotl")).toEqual([]);
    expect(await idsFor("axolotl", writer)).toEqual([id]);
  });

  it("leaves out notes of people the reader blocked, muted or was blocked by", async () => {
    const author = await createUser();
    const id = await post(author, { title: "Pangolin", body: "pangolin facts" });
    expect(await idsFor("pangolin", reader)).toEqual([id]);
    const now = Date.now();
    await env.DB.prepare("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)").bind(reader.id, author.id, now).run();
    expect(await idsFor("pangolin", reader)).toEqual([]);
    expect(await idsFor("pangolin")).toEqual([id]);

    const other = await createUser();
    await env.DB.prepare("INSERT INTO mutes (muter_id, muted_id, created_at) VALUES (?, ?, ?)").bind(other.id, author.id, now).run();
    expect(await idsFor("pangolin", other)).toEqual([]);

    const blockedBy = await createUser();
    await env.DB.prepare("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)").bind(author.id, blockedBy.id, now).run();
    expect(await idsFor("pangolin", blockedBy)).toEqual([]);
    expect(await idsFor(author.nickname, blockedBy, { type: "users" })).toEqual([]);
  });
});

describe("filters and pages", () => {
  it("filters by language and topic", async () => {
    const en = await post(writer, { title: "Dumplings", body: "dumplings night", topics: ["cooking"], language: "en" });
    const zh = await post(writer, { title: "饺子 dumplings", body: "包饺子", language: "zh-Hans" });
    expect(new Set(await idsFor("dumplings"))).toEqual(new Set([en, zh]));
    expect(await idsFor("dumplings", undefined, { language: "zh" })).toEqual([zh]);
    expect(await idsFor("dumplings", undefined, { language: "en" })).toEqual([en]);
    expect(await idsFor("dumplings", undefined, { topic: "#Cooking" })).toEqual([en]);
  });

  it("pages through every match once", async () => {
    const posted = new Set<string>();
    for (let i = 0; i < 5; i++) posted.add(await post(writer, { title: `Capybara ${i}`, body: "capybara onsen day" }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ q: "capybara", limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(posted);
  });

  it("refuses a cursor it did not give out", async () => {
    const res = await get("/v1/search?q=cat&cursor=bm90LWEtY3Vyc29y");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_cursor");
  });
});

describe("odd input", () => {
  it.each(['"', "*", "AND", "-", "NOT", "a OR b", 'cat"s', "NEAR(cat tax)", "^cat", "{words}:cat", "cat:", "🐱", "()", "_", "___", "'", "\\", "%", "x_y", "a-b", "٣", "ـ", "\u200d", "：", "＊"])(
    "answers %s without an error, whatever it searches",
    async (q) => {
      for (const type of ["notes", "users", "topics"]) {
        const res = await get(`/v1/search?${new URLSearchParams({ q, type })}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.items).toBeInstanceOf(Array);
      }
    },
  );

  it("treats an operator word as a word", async () => {
    const id = await post(writer, { title: "Rock AND roll", body: "wombat concert" });
    expect(await idsFor("wombat AND")).toEqual([id]);
  });

  it("rejects an empty or over-long query", async () => {
    expect((await get("/v1/search?q=%20")).status).toBe(400);
    expect((await get(`/v1/search?q=${"a".repeat(201)}`)).status).toBe(400);
  });
});

describe("people and topics", () => {
  it("finds people by nickname, Chinese or a typed prefix", async () => {
    expect(await idsFor("小红薯", undefined, { type: "users" })).toContain(writer.id);
    expect(await idsFor("红", undefined, { type: "users" })).toContain(writer.id);
    expect(await idsFor("ash", undefined, { type: "users" })).toContain(reader.id);
    const after = await api("PATCH", "/v1/me", { token: reader.token, body: { nickname: "Tofu Lover" } });
    expect(after.status).toBe(200);
    expect(await idsFor("ash", undefined, { type: "users" })).not.toContain(reader.id);
    expect(await idsFor("tofu", undefined, { type: "users" })).toContain(reader.id);
  });

  it("finds topics by name", async () => {
    await post(writer, { title: "今天交猫税", body: "#猫税 #CatTax" });
    const byPrefix = await search({ q: "catt", type: "topics" });
    expect(byPrefix.items.map((t) => t.name)).toContain("cattax");
    const chinese = await search({ q: "税", type: "topics" });
    expect(chinese.items).toEqual(expect.arrayContaining([expect.objectContaining({ name: "猫税", noteCount: 1 })]));
  });
});

describe("glossary terms", () => {
  it.each(["躺平", "yyds", "YYDS"])("returns the glossary entry for %s beside the results", async (q) => {
    const results = await search({ q });
    expect(results.glossary.map((term) => term.term.toLowerCase())).toContain(q.toLowerCase());
    expect(results.glossary[0].href).toMatch(/^\/v1\/glossary\/terms\//);
  });

  it("finds the term inside a longer query, and none for ordinary words", async () => {
    expect((await search({ q: "躺平的人" })).glossary.map((t) => t.term)).toContain("躺平");
    expect((await search({ q: "breakfast" })).glossary).toEqual([]);
  });
});

// Last: the demo's notes share words with the notes above.
describe("notes written straight into the database", () => {
  it("finds the seeded demo notes, indexed by the seed's own SQL", async () => {
    const statements = await buildSeedSql();
    await env.DB.batch(statements.map((statement) => env.DB.prepare(statement)));
    const titles = async (q: string) => (await search({ q })).items.map((note) => note.title as string);
    expect(await titles("夜市")).toContainEqual(expect.stringContaining("台北夜市"));
    expect(await titles("番茄")).toHaveLength(2);
    expect(await titles("backyards")).toEqual([expect.stringContaining("backyard")]);
    expect((await search({ q: "局长", type: "users" })).items.map((u) => u.nickname)).toEqual(["猫税局局长"]);
    // Seeding again indexes nothing twice.
    await env.DB.batch(statements.map((statement) => env.DB.prepare(statement)));
    expect(await titles("番茄")).toHaveLength(2);
  });
});

describe("search limits", () => {
  it("answers 429 with Retry-After after 120 searches a minute from one address", async () => {
    const headers = { "CF-Connecting-IP": uniqueIp() };
    // The limit counts in minute windows: if one ends mid-test, the count starts again.
    let answered = 0;
    let refused = await api("GET", "/v1/search?q=cat", { headers });
    while (refused.status === 200 && answered < 250) {
      answered++;
      refused = await api("GET", "/v1/search?q=cat", { headers });
    }
    expectError(refused, 429, "rate_limited");
    // Exact budgets say how long is left of the window, at most its minute.
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(answered).toBeGreaterThanOrEqual(120);
    // Another address, or a signed-in person, has a limit of their own.
    expect((await api("GET", "/v1/search?q=cat", { headers: { "CF-Connecting-IP": uniqueIp() } })).status).toBe(200);
    expect((await api("GET", "/v1/search?q=cat", { headers, token: reader.token })).status).toBe(200);
  });
});

describe("bulk imports", () => {
  it("are indexed in chunks by the backfill, each note once", async () => {
    const insert = env.DB.prepare(
      `INSERT INTO notes (id, author_id, title, body, language, language_source, media, created_at, updated_at)
       VALUES (?, ?, ?, '从旧应用搬来的笔记', 'zh-Hans', 'author', '[]', ?, ?)`,
    );
    const now = Date.now();
    const ids = ["01JIMPORT0000000000000001", "01JIMPORT0000000000000002", "01JIMPORT0000000000000003"].map((id) => `${id}A`);
    await env.DB.batch(ids.map((id) => insert.bind(id, writer.id, `imported ${id}`, now, now)));
    expect(await idsFor("搬来")).toEqual([]);
    const run = () => env.DB.batch(noteSearchBackfill({ limit: 2 }).map((statement) => env.DB.prepare(statement)));
    const [, first] = await run();
    const [, second] = await run();
    const [, third] = await run();
    expect([first!.meta.changes > 0, second!.meta.changes > 0, third!.meta.changes]).toEqual([true, true, 0]);
    expect(new Set(await idsFor("搬"))).toEqual(new Set(ids));
  });
});
