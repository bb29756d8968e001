import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, createUser, expectError } from "./helpers";

const catNote = {
  title: "My cat Lili pays her cat tax 🐱",
  body: "Hello RedNote friends! This is Lili, she is 3. #CatTax #TikTokRefugee",
  media: [
    { type: "image", url: "https://media.notebridge.app/lili-1.jpg", width: 1080, height: 1440, alt: "A grey cat asleep on a keyboard" },
    { type: "video", url: "https://media.notebridge.app/lili-2.mp4", width: 720, height: 1280 },
  ],
  topics: ["＃ｃａｔｔａｘ", "cats"],
  place: { name: "Columbus, Ohio", latitude: 39.9612, longitude: -82.9988 },
};

describe("posting a note", () => {
  it("creates a note with media, normalised topics, place, detected language and IP region", async () => {
    const author = await createUser({ cf: { country: "US", region: "Ohio" } });
    const response = await api("POST", "/v1/notes", { token: author.token, body: catNote, cf: { country: "US", region: "Ohio" } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const note = response.body;
    expect(note).toMatchObject({
      title: catNote.title,
      author: { id: author.id, nickname: author.nickname },
      language: "en",
      languageSource: "detected",
      media: catNote.media,
      topics: ["cats", "cattax", "tiktokrefugee"],
      place: catNote.place,
      ipRegion: { country: "US", region: null, label: "United States" },
      likeCount: 0,
      collectCount: 0,
      commentCount: 0,
      viewerState: { liked: false, collected: false },
    });
    expect(note.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Date(note.createdAt).toISOString()).toBe(note.createdAt);
    const read = await api("GET", `/v1/notes/${note.id}`);
    expect(read.body).toMatchObject({ id: note.id, topics: note.topics, viewerState: null });
  });

  it("records the province for notes posted from China and detects Chinese", async () => {
    const author = await createUser();
    const response = await api("POST", "/v1/notes", {
      token: author.token,
      body: { title: "今天去夜市吃东西", body: "这是我的后院 welcome 🌵 #夜市" },
      cf: { country: "CN", region: "Sichuan" },
    });
    expect(response.body).toMatchObject({ language: "zh-Hans", ipRegion: { country: "CN", region: "Sichuan", label: "Sichuan" }, topics: ["夜市"] });
  });

  it("keeps the language the author chose", async () => {
    const author = await createUser();
    const response = await api("POST", "/v1/notes", { token: author.token, body: { body: "yyds!!!", language: "zh-hans" } });
    expect(response.body).toMatchObject({ language: "zh-Hans", languageSource: "author" });
  });

  it("counts #LiliTax, #lilitax and full-width ＃ＬｉｌｉＴａｘ as one topic", async () => {
    const author = await createUser();
    for (const body of ["#LiliTax", "#lilitax", "＃ＬｉｌｉＴａｘ"]) {
      const response = await api("POST", "/v1/notes", { token: author.token, body: { body: `Lili says hi ${body}` } });
      expect(response.body.topics).toEqual(["lilitax"]);
    }
    expect((await api("GET", "/v1/topics/LiliTax")).body).toEqual({ name: "lilitax", noteCount: 3, viewCount: expect.any(Number), discussionCount: 3 });
    const listed = await api("GET", "/v1/topics/%23lilitax/notes");
    expect(listed.body.items).toHaveLength(3);
  });

  it("enforces the size limits with errors naming the field", async () => {
    const author = await createUser();
    const tooMany = Array.from({ length: 19 }, (_, i) => ({ type: "image", url: `https://m.example.com/${i}.jpg`, width: 10, height: 10 }));
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "t".repeat(101) }, "title"],
      [{ body: "b".repeat(5001) }, "body"],
      [{ body: "x", media: tooMany }, "media"],
      [{ body: "x", topics: Array.from({ length: 11 }, (_, i) => `t${i}`) }, "topics"],
      [{ body: "x", topics: ["not a topic!"] }, "topics.0"],
      [{ body: "x", place: { name: "Somewhere", latitude: 91, longitude: 0 } }, "place.latitude"],
      [{ body: "x", place: { name: "Somewhere", latitude: 10 } }, "place.latitude"],
      [{ body: "x", media: [{ type: "image", url: "https://m.example.com/a.jpg", width: 10, height: 10, alt: "a".repeat(501) }] }, "media.0.alt"],
      [{ body: "x", language: "klingon language" }, "language"],
      [{}, "body"],
      [{ body: "bidi \u202E trick" }, "body"],
    ];
    for (const [body, field] of cases) {
      const error = expectError(await api("POST", "/v1/notes", { token: author.token, body }), 400, "validation_failed");
      expect(error.details?.map((d) => d.field), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    const manyTags = Array.from({ length: 21 }, (_, i) => `#tag${i}`).join(" ");
    const error = expectError(await api("POST", "/v1/notes", { token: author.token, body: { body: manyTags } }), 400, "validation_failed");
    expect(error.details?.[0]?.field).toBe("topics");
  });

  it("accepts exactly 18 media items and 5,000 characters", async () => {
    const author = await createUser();
    const media = Array.from({ length: 18 }, (_, i) => ({ type: "image", url: `https://m.example.com/${i}.jpg`, width: 10, height: 10 }));
    const response = await api("POST", "/v1/notes", { token: author.token, body: { body: "猫".repeat(5000), media } });
    expect(response.status).toBe(201);
    expect(response.body.media).toHaveLength(18);
  });

  it("answers 404 for a note that does not exist", async () => {
    expectError(await api("GET", "/v1/notes/01JH7Z3V6N1Q2M8W4K5T9R0XYZ"), 404, "not_found");
  });
});

describe("editing and deleting", () => {
  it("lets the author edit; #tags are re-read but explicit topics are kept", async () => {
    const author = await createUser();
    const created = await api("POST", "/v1/notes", { token: author.token, body: { body: "First cat post #firstpost", topics: ["cats"] } });
    const edited = await api("PATCH", `/v1/notes/${created.body.id}`, {
      token: author.token,
      body: { body: "Hola amigos, este es mi gato #gatos", place: { name: "Madrid" } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ topics: ["cats", "gatos"], language: "es", place: { name: "Madrid", latitude: null } });
    expect(edited.body.updatedAt >= created.body.updatedAt).toBe(true);
    expect((await api("GET", "/v1/topics/firstpost")).body.noteCount).toBe(0);
    const cleared = await api("PATCH", `/v1/notes/${created.body.id}`, { token: author.token, body: { place: null, topics: [] } });
    expect(cleared.body).toMatchObject({ place: null, topics: ["gatos"] });
  });

  it("deletes the note with its comments, likes and collects, and updates counts", async () => {
    const author = await createUser();
    const fan = await createUser();
    const note = (await api("POST", "/v1/notes", { token: author.token, body: { body: "Braised pork, week one #cooking" } })).body;
    const comment = (await api("POST", `/v1/notes/${note.id}/comments`, { token: fan.token, body: { body: "看起来好好吃 😋" } })).body;
    await api("POST", `/v1/notes/${note.id}/comments`, { token: author.token, body: { body: "谢谢!", replyTo: comment.id } });
    await api("PUT", `/v1/notes/${note.id}/like`, { token: fan.token });
    await api("PUT", `/v1/notes/${note.id}/collect`, { token: fan.token });
    expect((await api("GET", `/v1/users/${author.id}`)).body.noteCount).toBe(1);

    expect((await api("DELETE", `/v1/notes/${note.id}`, { token: author.token })).status).toBe(204);
    expectError(await api("GET", `/v1/notes/${note.id}`), 404, "not_found");
    expectError(await api("GET", `/v1/comments/${comment.id}`), 404, "not_found");
    expect((await api("GET", "/v1/me/liked-notes", { token: fan.token })).body.items).toEqual([]);
    expect((await api("GET", "/v1/me/collected-notes", { token: fan.token })).body.items).toEqual([]);
    expect((await api("GET", `/v1/users/${author.id}`)).body.noteCount).toBe(0);
    expect((await api("GET", "/v1/topics/cooking")).body.noteCount).toBe(0);
    const leftovers = await env.DB.prepare("SELECT (SELECT count(*) FROM comments) + (SELECT count(*) FROM likes) + (SELECT count(*) FROM collects) AS n").first<{ n: number }>();
    expect(leftovers?.n).toBe(0);
  });
});

describe("listing an author's notes", () => {
  it("pages newest first with an opaque cursor that stays stable when new notes arrive", async () => {
    const author = await createUser();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await api("POST", "/v1/notes", { token: author.token, body: { title: `Day ${i} learning 中文` } })).body.id);
    }
    const first = await api("GET", `/v1/users/${author.id}/notes?limit=3`);
    expect(first.body.items.map((n: { id: string }) => n.id)).toEqual(ids.slice(-3).reverse());
    await api("POST", "/v1/notes", { token: author.token, body: { title: "A new note arrives while paging" } });
    const second = await api("GET", `/v1/users/${author.id}/notes?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((n: { id: string }) => n.id)).toEqual(ids.slice(1, 4).reverse());
    const third = await api("GET", `/v1/users/${author.id}/notes?limit=3&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((n: { id: string }) => n.id)).toEqual([ids[0]]);
    expect(third.body.nextCursor).toBeNull();
  });

  it("uses a default page size and refuses a forged cursor", async () => {
    const author = await createUser();
    for (let i = 0; i < 21; i++) await api("POST", "/v1/notes", { token: author.token, body: { title: `n${i}` } });
    const page = await api("GET", `/v1/users/${author.id}/notes`);
    expect(page.body.items).toHaveLength(20);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expectError(await api("GET", `/v1/users/${author.id}/notes?cursor=garbage`), 400, "invalid_cursor");
    expectError(await api("GET", "/v1/users/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/notes"), 404, "not_found");
  });
});
