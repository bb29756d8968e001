import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newId } from "../src/lib/ids";
import { api, createUser, expectError, type TestUser } from "./helpers";
import { fixture, upload } from "./media-helpers";

const put = (user: TestUser, id: string, baseVersion: number, content: object) =>
  api("PUT", `/v1/drafts/${id}`, { token: user.token, body: { baseVersion, content } });

const sync = (user: TestUser, body: object) => api("POST", "/v1/drafts/sync", { token: user.token, body });

describe("saving a draft", () => {
  it("creates with a client id, updates from the version it saw, and a retried save changes nothing", async () => {
    const user = await createUser();
    const id = crypto.randomUUID().toUpperCase();
    const created = await put(user, id, 0, { title: "Tomato and egg", body: "first try #cooking" });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({
      id: id.toLowerCase(),
      version: 1,
      deleted: false,
      publishedNoteId: null,
      content: { title: "Tomato and egg", body: "first try #cooking", media: [], topics: [], place: null, isCatNote: false },
    });
    // The answer was lost and the device sends the same save again: same draft, same version.
    const retried = await put(user, id, 0, { title: "Tomato and egg", body: "first try #cooking" });
    expect(retried.status).toBe(200);
    expect(retried.body.version).toBe(1);

    const edited = await put(user, id, 1, { title: "Tomato and egg", body: "second try, less salt" });
    expect(edited.body.version).toBe(2);
    expect((await api("GET", `/v1/drafts/${id}`, { token: user.token })).body.content.body).toBe("second try, less salt");
  });

  it("answers 409 with the server's copy when the draft changed elsewhere, and never overwrites it", async () => {
    const user = await createUser();
    const id = newId();
    await put(user, id, 0, { body: "phone" });
    await put(user, id, 1, { body: "laptop edit" }); // another device, now version 2
    const stale = await put(user, id, 1, { body: "phone edit from the train" });
    expectError(stale, 409, "conflict");
    expect(stale.body.draft).toMatchObject({ id, version: 2, content: { body: "laptop edit" } });
    expect((await api("GET", `/v1/drafts/${id}`, { token: user.token })).body).toMatchObject({ version: 2, content: { body: "laptop edit" } });
  });

  it("deletes to a tombstone that a stale device cannot bring back", async () => {
    const user = await createUser();
    const id = newId();
    await put(user, id, 0, { body: "soon gone" });
    expect((await api("DELETE", `/v1/drafts/${id}`, { token: user.token })).status).toBe(204);
    expect((await api("DELETE", `/v1/drafts/${id}`, { token: user.token })).status).toBe(204);
    const tombstone = await api("GET", `/v1/drafts/${id}`, { token: user.token });
    expect(tombstone.body).toMatchObject({ id, version: 2, deleted: true, content: null });
    for (const base of [0, 1, 2]) {
      const revived = await put(user, id, base, { body: "soon gone, edited offline" });
      expectError(revived, 409, "conflict");
      expect(revived.body.draft.deleted).toBe(true);
    }
    expect((await api("GET", "/v1/drafts", { token: user.token })).body.items).toEqual([]);
  });

  it("deletes with a baseVersion only if nobody changed it since", async () => {
    const user = await createUser();
    const id = newId();
    await put(user, id, 0, { body: "a" });
    await put(user, id, 1, { body: "b" });
    expectError(await api("DELETE", `/v1/drafts/${id}?baseVersion=1`, { token: user.token }), 409, "conflict");
    expect((await api("DELETE", `/v1/drafts/${id}?baseVersion=2`, { token: user.token })).status).toBe(204);
  });

  it("refuses ids the client did not make properly and content over the note limits", async () => {
    const user = await createUser();
    expectError(await put(user, "my-draft", 0, { body: "x" }), 400, "validation_failed");
    const tooLong = await put(user, newId(), 0, { body: "x".repeat(5001) });
    expect(expectError(tooLong, 400, "validation_failed").details).toEqual([expect.objectContaining({ field: "content.body" })]);
  });

  it("lists live drafts, most recently changed first, page by page", async () => {
    const user = await createUser();
    const ids = [newId(), newId(), newId()];
    for (const id of ids) await put(user, id, 0, { body: id });
    await put(user, ids[0]!, 1, { body: "touched last" });
    const first = await api("GET", "/v1/drafts?limit=2", { token: user.token });
    expect(first.body.items.map((d: { id: string }) => d.id)).toEqual([ids[0], ids[2]]);
    const second = await api("GET", `/v1/drafts?limit=2&cursor=${first.body.nextCursor}`, { token: user.token });
    expect(second.body.items.map((d: { id: string }) => d.id)).toEqual([ids[1]]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe("syncing", () => {
  it("applies 45 of 50 offline changes and reports the 5 that changed elsewhere, with the server copies", async () => {
    const user = await createUser();
    const contested = Array.from({ length: 5 }, () => newId());
    for (const id of contested) {
      await put(user, id, 0, { body: "written on the phone" });
      await put(user, id, 1, { body: "edited on the laptop" });
    }
    const fresh = Array.from({ length: 45 }, (_, i) => ({ id: newId(), baseVersion: 0, content: { body: `offline draft ${i}` } }));
    const stale = contested.map((id) => ({ id, baseVersion: 1, content: { body: "edited on the phone, offline" } }));
    const result = await sync(user, { changes: [...fresh, ...stale] });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.applied).toHaveLength(45);
    expect(result.body.conflicts).toHaveLength(5);
    expect(result.body.conflicts.map((c: { id: string }) => c.id).sort()).toEqual([...contested].sort());
    for (const conflict of result.body.conflicts) {
      expect(conflict).toMatchObject({ baseVersion: 1, draft: { version: 2, content: { body: "edited on the laptop" } } });
    }
    const count = await env.DB.prepare("SELECT count(*) AS n FROM drafts WHERE author_id = ? AND content LIKE '%offline%'").bind(user.id).first<{ n: number }>();
    expect(count?.n).toBe(45);
  });

  it("gives a second device everything changed since its token, tombstones included, and then nothing", async () => {
    const user = await createUser();
    const first = await sync(user, {});
    expect(first.body).toMatchObject({ applied: [], conflicts: [], changed: [], hasMore: false });
    const token = first.body.syncToken;

    const kept = newId();
    const dropped = newId();
    const phone = await sync(user, {
      syncToken: token,
      changes: [
        { id: kept, baseVersion: 0, content: { title: "Night market" } },
        { id: dropped, baseVersion: 0, content: { title: "never mind" } },
      ],
    });
    expect(phone.body.applied).toHaveLength(2);
    expect(phone.body.changed).toEqual([]); // its own changes come back in `applied`, not twice
    await sync(user, { syncToken: phone.body.syncToken, changes: [{ id: dropped, baseVersion: 1, deleted: true }] });

    const laptop = await sync(user, { syncToken: token });
    expect(laptop.body.changed.map((d: { id: string; deleted: boolean }) => [d.id, d.deleted])).toEqual([
      [kept, false],
      [dropped, true],
    ]);
    const again = await sync(user, { syncToken: laptop.body.syncToken });
    expect(again.body.changed).toEqual([]);
    expect(again.body.syncToken).toBe(laptop.body.syncToken);

    // A retried sync (answer lost) applies nothing twice and reports no conflict.
    const retried = await sync(user, { changes: [{ id: kept, baseVersion: 0, content: { title: "Night market" } }] });
    expect(retried.body).toMatchObject({ conflicts: [], applied: [{ id: kept, version: 1 }] });
  });

  it("takes at most 50 changes, each draft once", async () => {
    const user = await createUser();
    const many = Array.from({ length: 51 }, () => ({ id: newId(), baseVersion: 0, content: { body: "x" } }));
    expectError(await sync(user, { changes: many }), 400, "validation_failed");
    const id = newId();
    const twice = [{ id, baseVersion: 0, content: { body: "a" } }, { id, baseVersion: 0, content: { body: "b" } }];
    expectError(await sync(user, { changes: twice }), 400, "validation_failed");
    expectError(await sync(user, { syncToken: "abc" }), 400, "validation_failed");
  });
});

describe("publishing", () => {
  it("turns a draft with uploads into one note, however many retries arrive at once", async () => {
    const user = await createUser({ cf: { country: "US" } });
    const photo = await upload(user.token, fixture("cat.webp"));
    const id = newId();
    // Written offline, media uploaded after reconnecting, then saved.
    await put(user, id, 0, { title: "Lili", body: "Cat tax paid #cattax", media: [{ mediaId: photo.body.id, alt: "Lili" }] });

    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => api("POST", `/v1/drafts/${id}/publish`, { token: user.token, cf: { country: "US" } })),
    );
    for (const attempt of attempts) expect(attempt.status, JSON.stringify(attempt.body)).toBeOneOf([200, 201]);
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(1);
    const noteIds = new Set(attempts.map((a) => a.body.id));
    expect(noteIds.size).toBe(1);
    const note = attempts[0]!.body;
    expect(note).toMatchObject({ title: "Lili", topics: ["cattax"], isCatNote: true, media: [{ mediaId: photo.body.id, alt: "Lili", url: photo.body.lowResUrl }] });

    const notes = await api("GET", `/v1/users/${user.id}/notes`);
    expect(notes.body.items.map((n: { id: string }) => n.id)).toEqual([note.id]);
    const profile = await api("GET", `/v1/users/${user.id}`);
    expect(profile.body.noteCount).toBe(1);

    // The draft is gone (a tombstone that says what it became), and a late retry gets the same note.
    expect((await api("GET", "/v1/drafts", { token: user.token })).body.items).toEqual([]);
    expect((await api("GET", `/v1/drafts/${id}`, { token: user.token })).body).toMatchObject({ deleted: true, publishedNoteId: note.id });
    const late = await api("POST", `/v1/drafts/${id}/publish`, { token: user.token });
    expect(late.status).toBe(200);
    expect(late.body.id).toBe(note.id);
    expectError(await put(user, id, 1, { body: "edit after publishing" }), 409, "conflict");
  });

  it("refuses an empty draft and leaves it editable", async () => {
    const user = await createUser();
    const id = newId();
    await put(user, id, 0, { title: "" });
    expectError(await api("POST", `/v1/drafts/${id}/publish`, { token: user.token }), 400, "validation_failed");
    expect((await put(user, id, 1, { title: "Now with a title" })).status).toBe(200);
    expect((await api("POST", `/v1/drafts/${id}/publish`, { token: user.token })).status).toBe(201);
  });

  it("refuses a draft whose upload is someone else's, and leaves it editable", async () => {
    const [user, other] = [await createUser(), await createUser()];
    const theirs = await upload(other.token, fixture("cat.png"));
    const id = newId();
    await put(user, id, 0, { title: "borrowed", media: [{ mediaId: theirs.body.id }] });
    const refused = await api("POST", `/v1/drafts/${id}/publish`, { token: user.token });
    expect(expectError(refused, 400, "validation_failed").details).toEqual([expect.objectContaining({ field: "content.media.0.mediaId" })]);
    expect((await put(user, id, 1, { title: "mine only" })).status).toBe(200);
  });
});

describe("privacy", () => {
  it("nobody else can read, list, change, delete, sync over or publish someone's draft", async () => {
    const [owner, stranger] = [await createUser(), await createUser()];
    const id = newId();
    await put(owner, id, 0, { title: "My secret recipe" });
    const ownerCopy = async () => (await api("GET", `/v1/drafts/${id}`, { token: owner.token })).body;
    const before = await ownerCopy();

    const attempts: [string, () => Promise<unknown>][] = [
      ["read", async () => expectError(await api("GET", `/v1/drafts/${id}`, { token: stranger.token }), 404, "not_found")],
      ["list", async () => expect((await api("GET", "/v1/drafts", { token: stranger.token })).body.items).toEqual([])],
      ["publish", async () => expectError(await api("POST", `/v1/drafts/${id}/publish`, { token: stranger.token }), 404, "not_found")],
      // Ids are per author: these write the stranger's own draft of that id, never the owner's.
      ["change", async () => expect((await put(stranger, id, 1, { title: "hijacked" })).body.content.title).toBe("hijacked")],
      ["delete", async () => expect((await api("DELETE", `/v1/drafts/${id}`, { token: stranger.token })).status).toBe(204)],
      ["sync", async () => {
        const result = await sync(stranger, { changes: [{ id, baseVersion: 2, content: { title: "hijacked again" } }] });
        expect(result.body.changed.concat(result.body.applied, result.body.conflicts.map((c: { draft: object }) => c.draft)))
          .not.toContainEqual(expect.objectContaining({ content: expect.objectContaining({ title: "My secret recipe" }) }));
      }],
    ];
    for (const [, attempt] of attempts) {
      await attempt();
      expect(await ownerCopy()).toEqual(before);
    }
    for (const route of [["GET", "/v1/drafts"], ["GET", `/v1/drafts/${id}`], ["PUT", `/v1/drafts/${id}`], ["DELETE", `/v1/drafts/${id}`], ["POST", "/v1/drafts/sync"], ["POST", `/v1/drafts/${id}/publish`]] as const) {
      expectError(await api(route[0], route[1], { body: route[0] === "PUT" || route[1].endsWith("sync") ? { baseVersion: 0, content: {} } : undefined }), 401, "unauthorized");
    }
    expect((await api("GET", "/v1/drafts", { token: owner.token })).body.items.map((d: { id: string }) => d.id)).toEqual([id]);
  });
});
