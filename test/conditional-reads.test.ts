import { describe, expect, it } from "vitest";
import { api, createUser } from "./helpers";
import { fixture, upload } from "./media-helpers";
import { caseAbout, firstAdmin, report, resolve, staffMember } from "./moderation-helpers";

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

  it("a note's ETag covers the image quality served and its moderation state", async () => {
    const US = { country: "US" };
    const author = await createUser({ cf: US });
    const photo = await upload(author.token, fixture("cat-gps.jpg"), { cf: US });
    expect(photo.status).toBe(201);
    const note = await api("POST", "/v1/notes", { token: author.token, body: { title: "Lili in the snow", media: [{ mediaId: photo.body.id }] }, cf: US });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    const path = `/v1/notes/${note.body.id}`;

    // The low-resolution copy and the original are different answers: a tag for one never makes the other 304.
    const low = await expectConditional(`${path}?imageQuality=low`);
    const original = await api("GET", `${path}?imageQuality=original`, { headers: { "If-None-Match": low } });
    expect(original.status).toBe(200);
    expect(original.body.media[0].url).toBe(photo.body.url);
    expect(original.headers.get("ETag")).not.toBe(low);

    // Hidden by a moderator: the author's copy changes (it now says so), and a reader's old tag gets 404, not 304.
    const ownBefore = await expectConditional(path, author.token);
    const readersTag = await expectConditional(path);
    const admin = await firstAdmin();
    const moderator = await staffMember(admin, "moderator");
    await report(await createUser(), "note", note.body.id);
    const queued = await caseAbout(moderator, note.body.id);
    expect((await resolve(moderator, queued!.id, { action: "hide", reason: "Test of conditional reads" })).status).toBe(200);
    const own = await api("GET", path, { token: author.token, headers: { "If-None-Match": ownBefore } });
    expect(own.status).toBe(200);
    expect(own.body.moderation).toMatchObject({ state: "hidden" });
    expect(own.headers.get("ETag")).not.toBe(ownBefore);
    expect((await api("GET", path, { headers: { "If-None-Match": readersTag } })).status).toBe(404);
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
