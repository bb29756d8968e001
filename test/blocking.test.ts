import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { commentInsert } from "../src/comments/store";
import { noteGone } from "../src/comments/post";
import { createDb } from "../src/db/client";
import { ApiError } from "../src/lib/errors";
import { api, expectError } from "./helpers";
import { comment, createNote, createUsers, watchReady } from "./live-helpers";

const block = (token: string, id: string, method = "PUT") => api(method, `/v1/users/${id}/block`, { token });
const mute = (token: string, id: string, method = "PUT") => api(method, `/v1/users/${id}/mute`, { token });
const follow = (token: string, id: string) => api("PUT", `/v1/users/${id}/follow`, { token });
const profile = async (id: string) => (await api("GET", `/v1/users/${id}`)).body;

describe("PUT/DELETE /v1/users/{id}/block", () => {
  it("is idempotent, refuses yourself and unknown people, and lists who I block, newest first, by pages", async () => {
    const [me, a, b, c] = await createUsers(4);
    for (const other of [a!, b!, c!]) expect((await block(me!.token, other.id)).body).toEqual({ blocked: true });
    expect((await block(me!.token, a!.id)).status).toBe(200);
    expect(expectError(await block(me!.token, me!.id), 400, "validation_failed").message).toMatch(/yourself/);
    expectError(await block(me!.token, "01JH7Z3V6N1Q2M8W4K5T9R0XYZ"), 404, "not_found");
    expectError(await block(me!.token, "00000000000000000000000000"), 404, "not_found");
    expectError(await api("PUT", `/v1/users/${a!.id}/block`), 401, "unauthorized");

    const first = await api("GET", "/v1/me/blocks?limit=2", { token: me!.token });
    const second = await api("GET", `/v1/me/blocks?limit=2&cursor=${first.body.nextCursor}`, { token: me!.token });
    const listed = [...first.body.items, ...second.body.items].map((e: { user: { id: string } }) => e.user.id);
    expect(listed.sort()).toEqual([a!.id, b!.id, c!.id].sort());
    expect(second.body.nextCursor).toBeNull();
    expect(first.body.items[0]).toMatchObject({ user: { id: expect.any(String), nickname: expect.any(String) }, since: expect.any(String) });
    // Only mine: the people I block don't see me in their own list.
    expect((await api("GET", "/v1/me/blocks", { token: a!.token })).body.items).toEqual([]);

    expect((await block(me!.token, a!.id, "DELETE")).body).toEqual({ blocked: false });
    expect((await block(me!.token, a!.id, "DELETE")).body).toEqual({ blocked: false });
    const after = await api("GET", "/v1/me/blocks", { token: me!.token });
    expect(after.body.items.map((e: { user: { id: string } }) => e.user.id)).not.toContain(a!.id);
  });

  it("ends follows both ways and keeps follower counts exact", async () => {
    const [me, them, bystander] = await createUsers(3);
    await follow(me!.token, them!.id);
    await follow(them!.token, me!.id);
    await follow(bystander!.token, them!.id);
    expect((await profile(them!.id)).followerCount).toBe(2);
    await block(me!.token, them!.id);
    expect(await profile(me!.id)).toMatchObject({ followerCount: 0, followingCount: 0 });
    expect(await profile(them!.id)).toMatchObject({ followerCount: 1, followingCount: 0 });
    const edges = await env.DB.prepare("SELECT count(*) AS n FROM follows WHERE ? IN (follower_id, followee_id)").bind(me!.id).first<{ n: number }>();
    expect(edges!.n).toBe(0);
  });

  it("stops the blocked person following, commenting, replying and stamping receipts", async () => {
    const [me, blocked, friend] = await createUsers(3);
    const myNote = await createNote(me!, { isCatNote: true, catName: "Lili" });
    const friendsNote = await createNote(friend!);
    const myComment = await comment(me!, friendsNote.id, "Lovely!");
    await block(me!.token, blocked!.id);

    expect(expectError(await follow(blocked!.token, me!.id), 403, "forbidden").message).toMatch(/blocked/);
    // A block hides my notes from them (src/lib/visibility.ts), so to them my note isn't there: 404, like any note they can't see.
    const onMyNote = await api("POST", `/v1/notes/${myNote.id}/comments`, { token: blocked!.token, body: { body: "hi" } });
    expectError(onMyNote, 404, "not_found");
    // A friend's note stays open to them, but they can't reply to me in it.
    const replyToMe = await api("POST", `/v1/notes/${friendsNote.id}/comments`, {
      token: blocked!.token,
      body: { body: "@me hi", replyTo: myComment.id },
    });
    // My comment is hidden from them too, so there is nothing there to answer.
    expectError(replyToMe, 400, "validation_failed");
    const stamp = await api("POST", `/v1/notes/${myNote.id}/cat-tax-receipts`, { token: blocked!.token });
    expectError(stamp, 404, "not_found");
    // Both ways: the blocker can't reach into the blocked person's space either.
    expectError(await follow(me!.token, blocked!.id), 403, "forbidden");

    // Nothing was written, and counters didn't move.
    const rows = await env.DB.prepare(
      "SELECT (SELECT count(*) FROM comments WHERE author_id = ?1) AS comments, (SELECT count(*) FROM follows WHERE follower_id = ?1) AS follows, (SELECT count(*) FROM cat_tax_receipts WHERE stamper_id = ?1) AS receipts",
    ).bind(blocked!.id).first();
    expect(rows).toEqual({ comments: 0, follows: 0, receipts: 0 });
    expect((await api("GET", `/v1/notes/${myNote.id}`)).body.commentCount).toBe(0);

    // Others are unaffected: the friend still comments on my note and replies to me.
    await comment(friend!, myNote.id, "So cute", undefined);
    await comment(friend!, friendsNote.id, "thanks!", myComment.id);
    // Unblocking lets them in again.
    await block(me!.token, blocked!.id, "DELETE");
    expect((await follow(blocked!.token, me!.id)).status).toBe(200);
    await comment(blocked!, myNote.id, "hello again");
  });

  it("refuses a reply across a block that lands between reading the thread and writing: 403, nothing written", async () => {
    const [me, them, friend] = await createUsers(3);
    const friendsNote = await createNote(friend!);
    const myComment = await comment(me!, friendsNote.id, "Lovely!");
    // They read my comment and answer it; meanwhile I block them. The insert itself checks the block (commentInsert).
    await block(me!.token, them!.id);
    const db = createDb(env.DB);
    const { writes } = commentInsert(
      db,
      { noteId: friendsNote.id, authorId: them!.id, body: "@me hi", language: "en", answering: { id: myComment.id, parentId: null, authorId: me!.id } },
      { country: null, region: null },
    );
    const refused = await db.batch(writes).then(
      () => null,
      (error) => {
        try {
          noteGone(error);
        } catch (answer) {
          return answer;
        }
      },
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 403, code: "forbidden", message: expect.stringMatching(/one of you has blocked the other/) });
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM comments WHERE author_id = ?").bind(them!.id).first<{ n: number }>();
    expect(rows!.n).toBe(0);
    // Without the block the same statement writes.
    await block(me!.token, them!.id, "DELETE");
    const again = commentInsert(
      db,
      { noteId: friendsNote.id, authorId: them!.id, body: "@me hi", language: "en", answering: { id: myComment.id, parentId: null, authorId: me!.id } },
      { country: null, region: null },
    );
    await db.batch(again.writes);
    expect((await api("GET", `/v1/comments/${again.id}`)).body.replyTo.user.id).toBe(me!.id);
  });

  it("refuses a blocked person's comment over a live thread's socket too", async () => {
    const [me, blocked] = await createUsers(2);
    const note = await createNote(me!);
    await block(me!.token, blocked!.id);
    const { watcher } = await watchReady(note.id);
    watcher.send({ type: "auth", token: blocked!.token });
    await watcher.waitFor((m) => m.type === "authenticated");
    watcher.send({ type: "comment", ref: "c1", body: "let me in" });
    const refused = await watcher.waitFor((m) => m.type === "error" && m.ref === "c1");
    // The thread is public, but to the blocked person the note itself isn't there.
    expect(refused.error.code).toBe("not_found");
    watcher.close();
  });
});

describe("PUT/DELETE /v1/users/{id}/mute", () => {
  it("is idempotent and private, lists my mutes, and doesn't stop the muted person interacting", async () => {
    const [me, muted] = await createUsers(2);
    const note = await createNote(me!);
    expect((await mute(me!.token, muted!.id)).body).toEqual({ muted: true });
    expect((await mute(me!.token, muted!.id)).body).toEqual({ muted: true });
    expectError(await mute(me!.token, me!.id), 400, "validation_failed");
    const list = await api("GET", "/v1/me/mutes", { token: me!.token });
    expect(list.body.items.map((e: { user: { id: string } }) => e.user.id)).toEqual([muted!.id]);
    expect((await api("GET", "/v1/me/blocks", { token: me!.token })).body.items).toEqual([]);
    // A mute only hides: they still follow and comment.
    expect((await follow(muted!.token, me!.id)).status).toBe(200);
    await comment(muted!, note.id, "still here");
    expect((await mute(me!.token, muted!.id, "DELETE")).body).toEqual({ muted: false });
    expect((await api("GET", "/v1/me/mutes", { token: me!.token })).body.items).toEqual([]);
  });

  it("documents the block and mute routes with their limits", async () => {
    const doc = (await api("GET", "/openapi.json")).body;
    const put = doc.paths["/v1/users/{id}/block"].put;
    expect(put.operationId).toBe("blockUser");
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(["200", "401", "404", "429"]));
    expect(Object.keys(put.responses["200"].headers)).toEqual(["RateLimit-Policy", "RateLimit"]);
    expect(doc.paths["/v1/me/mutes"].get.operationId).toBe("listMyMutes");
  });
});

describe("blocks and mutes in discovery", () => {
  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
  const pages = async (token: string, path: string) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { status: number; body: any } = await api("GET", `${path}${path.includes("?") ? "&" : "?"}limit=50${cursor ? `&cursor=${cursor}` : ""}`, { token });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      seen.push(...ids(response.body));
      cursor = response.body.nextCursor;
    } while (cursor);
    return seen;
  };

  it("keep a blocked or muted person's notes out of feeds, topic pages and search, through the real routes", async () => {
    const [me, blocker, muted, stranger] = await createUsers(4);
    const tag = `blockcheck${Date.now() % 1_000_000}`;
    const byBlocker = await createNote(blocker!, { body: `Lanterns tonight #${tag}` });
    const byMuted = await createNote(muted!, { body: `Dumplings tonight #${tag}` });
    const byStranger = await createNote(stranger!, { body: `Noodles tonight #${tag}` });
    await follow(me!.token, blocker!.id);
    await follow(me!.token, muted!.id);
    await block(blocker!.token, me!.id); // they block me: I must not see them either
    await mute(me!.token, muted!.id);

    for (const path of ["/v1/feed/for-you?mode=ranked", "/v1/feed/following", `/v1/topics/${tag}/notes`, `/v1/search?q=tonight&type=notes`]) {
      const seen = await pages(me!.token, path);
      expect(seen, path).not.toContain(byBlocker.id);
      expect(seen, path).not.toContain(byMuted.id);
      if (!path.includes("following")) expect(seen, path).toContain(byStranger.id);
    }
    // Someone else still sees all three in the topic.
    const others = await pages(stranger!.token, `/v1/topics/${tag}/notes`);
    expect(others.sort()).toEqual([byBlocker.id, byMuted.id, byStranger.id].sort());
  });
});
