import { describe, expect, it } from "vitest";
import { api, createUser } from "./helpers";

/** Reads a resource, then re-reads it with its ETag: unchanged means 304 and no body. */
async function expectConditional(path: string, token?: string) {
  const first = await api("GET", path, { token });
  expect(first.status).toBe(200);
  const tag = first.headers.get("ETag");
  expect(tag).toMatch(/^W\/"[^"]+"$/);
  const again = await api("GET", path, { token, headers: { "If-None-Match": tag! } });
  expect(again.status).toBe(304);
  expect(again.body).toBeNull();
  expect(again.headers.get("ETag")).toBe(tag);
  return tag!;
}

describe("conditional reads", () => {
  it("a note's ETag changes with its counters and the reader's own state", async () => {
    const author = await createUser();
    const reader = await createUser();
    const note = await api("POST", "/v1/notes", { token: author.token, body: { title: "Backyard cactus 🌵" } });
    const path = `/v1/notes/${note.body.id}`;
    const before = await expectConditional(path);
    const asReader = await expectConditional(path, reader.token);
    expect(asReader).not.toBe(before);
    expect((await api("PUT", `${path}/like`, { token: reader.token })).status).toBe(200);
    const changed = await api("GET", path, { headers: { "If-None-Match": before } });
    expect(changed.status).toBe(200);
    expect(changed.body.likeCount).toBe(1);
    expect(changed.headers.get("ETag")).not.toBe(before);
    // Several tags, one current: still 304.
    const current = changed.headers.get("ETag")!;
    expect((await api("GET", path, { headers: { "If-None-Match": `${before}, ${current}` } })).status).toBe(304);
  });

  it("comments, profiles and glossary terms carry ETags too; lists do not", async () => {
    const author = await createUser();
    const fan = await createUser();
    const note = await api("POST", "/v1/notes", { token: author.token, body: { title: "Lili" } });
    const comment = await api("POST", `/v1/notes/${note.body.id}/comments`, { token: fan.token, body: { body: "So cute" } });
    const commentTag = await expectConditional(`/v1/comments/${comment.body.id}`);
    await api("PATCH", `/v1/comments/${comment.body.id}`, { token: fan.token, body: { body: "So cute!!" } });
    expect((await api("GET", `/v1/comments/${comment.body.id}`, { headers: { "If-None-Match": commentTag } })).status).toBe(200);

    const profileTag = await expectConditional(`/v1/users/${author.id}`);
    await api("PUT", `/v1/users/${author.id}/follow`, { token: fan.token });
    const followed = await api("GET", `/v1/users/${author.id}`, { headers: { "If-None-Match": profileTag } });
    expect(followed.status).toBe(200);
    expect(followed.body.followerCount).toBe(1);

    const terms = await api("GET", `/v1/glossary/terms?q=${encodeURIComponent("躺平")}`);
    await expectConditional(`/v1/glossary/terms/${terms.body.items[0].id}`);

    const list = await api("GET", `/v1/notes/${note.body.id}/comments`);
    expect(list.status).toBe(200);
    expect(list.headers.get("ETag")).toBeNull();
  });
});
