import { describe, expect, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "./helpers";

async function setup() {
  const author = await createUser({ nickname: "Lili's owner" });
  const note = (await api("POST", "/v1/notes", { token: author.token, body: { title: "Lili 🐱 #cattax" } })).body as { id: string };
  return { author, note };
}

const comment = (user: TestUser, noteId: string, body: string, replyTo?: string, cf?: { country: string; region?: string }) =>
  api("POST", `/v1/notes/${noteId}/comments`, { token: user.token, body: { body, ...(replyTo ? { replyTo } : {}) }, cf });

describe("comment threads", () => {
  it("posts top-level comments and replies that mention whom they answer", async () => {
    const { author, note } = await setup();
    const chinese = await createUser({ nickname: "成都小猫" });
    const american = await createUser({ nickname: "momo_tx" });
    const top = await comment(chinese, note.id, "猫税收据已开 🧾 好可爱!", undefined, { country: "CN", region: "Sichuan" });
    expect(top.status).toBe(201);
    expect(top.body).toMatchObject({
      noteId: note.id,
      author: { id: chinese.id, nickname: "成都小猫" },
      parentId: null,
      replyTo: null,
      language: "zh-Hans",
      ipRegion: { country: "CN", region: "Sichuan", label: "Sichuan" },
      replyCount: 0,
    });
    const reply = await comment(author, note.id, "Thank you!! 谢谢 😂", top.body.id);
    expect(reply.body).toMatchObject({ parentId: top.body.id, replyTo: { commentId: top.body.id, user: { id: chinese.id, nickname: "成都小猫" } } });
    // Answering a reply files it under the same top-level comment and mentions the reply's author.
    const replyToReply = await comment(american, note.id, "same here lol", reply.body.id);
    expect(replyToReply.body).toMatchObject({ parentId: top.body.id, replyTo: { commentId: reply.body.id, user: { id: author.id } } });

    expect((await api("GET", `/v1/comments/${top.body.id}`)).body.replyCount).toBe(2);
    expect((await api("GET", `/v1/notes/${note.id}`)).body.commentCount).toBe(3);
  });

  it("lists top-level comments newest first with reply counts and the first two replies", async () => {
    const { author, note } = await setup();
    const fan = await createUser();
    const first = (await comment(fan, note.id, "first!")).body;
    const second = (await comment(fan, note.id, "second")).body;
    const replies = [];
    for (const text of ["r1", "r2", "r3"]) replies.push((await comment(author, note.id, text, first.id)).body);
    const thread = await api("GET", `/v1/notes/${note.id}/comments`);
    expect(thread.body.items.map((c: { id: string }) => c.id)).toEqual([second.id, first.id]);
    const [newest, oldest] = thread.body.items;
    expect(newest).toMatchObject({ replyCount: 0, firstReplies: [] });
    expect(oldest.replyCount).toBe(3);
    expect(oldest.firstReplies.map((r: { body: string }) => r.body)).toEqual(["r1", "r2"]);

    const all = await api("GET", `/v1/comments/${first.id}/replies?limit=2`);
    expect(all.body.items.map((r: { body: string }) => r.body)).toEqual(["r1", "r2"]);
    const more = await api("GET", `/v1/comments/${first.id}/replies?limit=2&cursor=${all.body.nextCursor}`);
    expect(more.body).toEqual({ items: [expect.objectContaining({ id: replies[2].id })], nextCursor: null });
  });

  it("pages top-level comments without gaps or repeats while new comments arrive", async () => {
    const { note } = await setup();
    const fan = await createUser();
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push((await comment(fan, note.id, `comment ${i}`)).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api("GET", `/v1/notes/${note.id}/comments?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
      await comment(fan, note.id, "arrives mid-paging");
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it("refuses replies to comments on other notes, empty and oversized comments", async () => {
    const { author, note } = await setup();
    const other = (await api("POST", "/v1/notes", { token: author.token, body: { title: "other" } })).body;
    const elsewhere = (await comment(author, other.id, "over here")).body;
    const error = expectError(await comment(author, note.id, "hi", elsewhere.id), 400, "validation_failed");
    expect(error.details?.[0]?.field).toBe("replyTo");
    expectError(await comment(author, note.id, "   "), 400, "validation_failed");
    expectError(await comment(author, note.id, "字".repeat(1001)), 400, "validation_failed");
    expectError(await comment(author, "01JH7Z3V6N1Q2M8W4K5T9R0XYZ", "hi"), 404, "not_found");
  });

  it("lets the author edit a comment, and nobody else", async () => {
    const { author, note } = await setup();
    const fan = await createUser();
    const mine = (await comment(fan, note.id, "helo")).body;
    const edited = await api("PATCH", `/v1/comments/${mine.id}`, { token: fan.token, body: { body: "hello 你好" } });
    expect(edited.body).toMatchObject({ body: "hello 你好" });
    expectError(await api("PATCH", `/v1/comments/${mine.id}`, { token: author.token, body: { body: "hijacked" } }), 403, "forbidden");
  });

  it("deletes: the comment's author or the note's author; a top-level deletion takes its replies and fixes counts", async () => {
    const { author, note } = await setup();
    const fan = await createUser();
    const stranger = await createUser();
    const top = (await comment(fan, note.id, "top")).body;
    await comment(author, note.id, "reply 1", top.id);
    const reply2 = (await comment(stranger, note.id, "reply 2", top.id)).body;
    const other = (await comment(stranger, note.id, "another")).body;
    expect((await api("GET", `/v1/notes/${note.id}`)).body.commentCount).toBe(4);

    expectError(await api("DELETE", `/v1/comments/${top.id}`, { token: stranger.token }), 403, "forbidden");
    expect((await api("DELETE", `/v1/comments/${reply2.id}`, { token: stranger.token })).status).toBe(204);
    expect((await api("GET", `/v1/comments/${top.id}`)).body.replyCount).toBe(1);
    // The note's author moderates their own comment section.
    expect((await api("DELETE", `/v1/comments/${top.id}`, { token: author.token })).status).toBe(204);
    expect((await api("GET", `/v1/notes/${note.id}`)).body.commentCount).toBe(1);
    const thread = await api("GET", `/v1/notes/${note.id}/comments`);
    expect(thread.body.items.map((c: { id: string }) => c.id)).toEqual([other.id]);
    expectError(await api("DELETE", `/v1/comments/${top.id}`, { token: author.token }), 404, "not_found");
  });

  it("keeps the comment count exact when many people comment at once", async () => {
    const { note } = await setup();
    const fans = await Promise.all(Array.from({ length: 20 }, () => createUser()));
    await Promise.all(fans.map((fan, i) => comment(fan, note.id, `cat tax receipt #${i} 🧾`)));
    expect((await api("GET", `/v1/notes/${note.id}`)).body.commentCount).toBe(20);
  });
});
