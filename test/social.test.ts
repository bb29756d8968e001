import { describe, expect, it } from "vitest";
import { api, createUser, expectError } from "./helpers";

async function postNote(token: string, title = "This is my backyard, welcome Chinese friends 🌵") {
  return (await api("POST", "/v1/notes", { token, body: { title } })).body as { id: string };
}

describe("likes and collects", () => {
  it("like/unlike and collect/uncollect are idempotent and counted exactly", async () => {
    const author = await createUser();
    const fan = await createUser();
    const note = await postNote(author.token);
    expect((await api("PUT", `/v1/notes/${note.id}/like`, { token: fan.token })).body).toEqual({ liked: true, likeCount: 1 });
    expect((await api("PUT", `/v1/notes/${note.id}/like`, { token: fan.token })).body).toEqual({ liked: true, likeCount: 1 });
    expect((await api("PUT", `/v1/notes/${note.id}/collect`, { token: fan.token })).body).toEqual({ collected: true, collectCount: 1 });
    const seen = await api("GET", `/v1/notes/${note.id}`, { token: fan.token });
    expect(seen.body).toMatchObject({ likeCount: 1, collectCount: 1, viewerState: { liked: true, collected: true } });
    expect((await api("DELETE", `/v1/notes/${note.id}/like`, { token: fan.token })).body).toEqual({ liked: false, likeCount: 0 });
    expect((await api("DELETE", `/v1/notes/${note.id}/like`, { token: fan.token })).body).toEqual({ liked: false, likeCount: 0 });
    expect((await api("DELETE", `/v1/notes/${note.id}/collect`, { token: fan.token })).body).toEqual({ collected: false, collectCount: 0 });
  });

  it("50 different people liking one note at once make exactly 50 likes", async () => {
    const author = await createUser();
    const note = await postNote(author.token);
    const fans = await Promise.all(Array.from({ length: 50 }, () => createUser()));
    const results = await Promise.all(fans.flatMap((fan) => [
      api("PUT", `/v1/notes/${note.id}/like`, { token: fan.token }),
      api("PUT", `/v1/notes/${note.id}/like`, { token: fan.token }),
    ]));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect((await api("GET", `/v1/notes/${note.id}`)).body.likeCount).toBe(50);
    await Promise.all(fans.slice(0, 20).map((fan) => api("DELETE", `/v1/notes/${note.id}/like`, { token: fan.token })));
    expect((await api("GET", `/v1/notes/${note.id}`)).body.likeCount).toBe(30);
  });

  it("lists the notes I liked and collected, most recent first, only to me", async () => {
    const author = await createUser();
    const reader = await createUser();
    const notes = [await postNote(author.token, "one"), await postNote(author.token, "two"), await postNote(author.token, "three")];
    for (const note of notes) await api("PUT", `/v1/notes/${note.id}/like`, { token: reader.token });
    await api("PUT", `/v1/notes/${notes[0]!.id}/collect`, { token: reader.token });
    const liked = await api("GET", "/v1/me/liked-notes?limit=2", { token: reader.token });
    expect(liked.body.items.map((n: { title: string }) => n.title)).toEqual(["three", "two"]);
    const rest = await api("GET", `/v1/me/liked-notes?limit=2&cursor=${liked.body.nextCursor}`, { token: reader.token });
    expect(rest.body.items.map((n: { title: string }) => n.title)).toEqual(["one"]);
    const collected = await api("GET", "/v1/me/collected-notes", { token: reader.token });
    expect(collected.body.items.map((n: { title: string }) => n.title)).toEqual(["one"]);
    expect((await api("GET", "/v1/me/liked-notes", { token: author.token })).body.items).toEqual([]);
    expectError(await api("GET", "/v1/me/liked-notes"), 401, "unauthorized");
  });

  it("answers 404 for a missing note and 401 when signed out", async () => {
    const user = await createUser();
    expectError(await api("PUT", "/v1/notes/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/like", { token: user.token }), 404, "not_found");
    expectError(await api("PUT", "/v1/notes/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/like"), 401, "unauthorized");
  });
});

describe("follows", () => {
  it("follow/unfollow are idempotent and keep both people's counts exact", async () => {
    const me = await createUser();
    const them = await createUser();
    expect((await api("PUT", `/v1/users/${them.id}/follow`, { token: me.token })).body).toEqual({ following: true, followerCount: 1 });
    expect((await api("PUT", `/v1/users/${them.id}/follow`, { token: me.token })).body).toEqual({ following: true, followerCount: 1 });
    expect((await api("GET", `/v1/users/${me.id}`)).body).toMatchObject({ followingCount: 1, followerCount: 0 });
    expect((await api("DELETE", `/v1/users/${them.id}/follow`, { token: me.token })).body).toEqual({ following: false, followerCount: 0 });
    expect((await api("DELETE", `/v1/users/${them.id}/follow`, { token: me.token })).body).toEqual({ following: false, followerCount: 0 });
    expect((await api("GET", `/v1/users/${me.id}`)).body.followingCount).toBe(0);
  });

  it("refuses following yourself or someone who does not exist", async () => {
    const me = await createUser();
    const error = expectError(await api("PUT", `/v1/users/${me.id}/follow`, { token: me.token }), 400, "validation_failed");
    expect(error.message).toMatch(/yourself/);
    expectError(await api("PUT", "/v1/users/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/follow", { token: me.token }), 404, "not_found");
  });

  it("many followers at once are counted exactly and listed newest first", async () => {
    const star = await createUser({ nickname: "cactus_guy" });
    const fans = await Promise.all(Array.from({ length: 30 }, () => createUser()));
    await Promise.all(fans.map((fan) => api("PUT", `/v1/users/${star.id}/follow`, { token: fan.token })));
    expect((await api("GET", `/v1/users/${star.id}`)).body.followerCount).toBe(30);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api("GET", `/v1/users/${star.id}/followers?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((entry: { user: { id: string } }) => entry.user.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen)).toEqual(new Set(fans.map((f) => f.id)));
    expect(seen).toHaveLength(30);

    const following = await api("GET", `/v1/users/${fans[0]!.id}/following`);
    expect(following.body.items).toEqual([{ user: { id: star.id, nickname: "cactus_guy" }, followedAt: expect.any(String) }]);
  });
});
