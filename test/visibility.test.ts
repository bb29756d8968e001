import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type TestUser, api, expectError } from "./helpers";
import { comment, createUsers, upgrade, watchReady } from "./live-helpers";
import { caseAbout, firstAdmin, postNote, report, resolve, staffMember } from "./moderation-helpers";

const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

/** A staff decision on a target, through a report and the queue (as staff would). */
async function decide(moderator: TestUser, reporter: TestUser, type: string, id: string, action: string, reason: string) {
  await report(reporter, type, id);
  const open = await caseAbout(moderator, id);
  const decided = await resolve(moderator, open!.id, { action, reason });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return open!.id as string;
}

async function restore(moderator: TestUser, caseId: string) {
  expect((await api("POST", `/v1/moderation/cases/${caseId}/reopen`, { token: moderator.token, body: {} })).status).toBe(200);
  expect((await resolve(moderator, caseId, { action: "dismiss", reason: "Fine after all" })).status).toBe(200);
}

describe("a hidden note", () => {
  it("disappears from every read path for everyone but its author, who is told why; counters stay exact", async () => {
    const admin = await firstAdmin();
    const moderator = await staffMember(admin, "moderator");
    const [author, fan, reader] = await createUsers(3);
    const topic = `vis${crypto.randomUUID().slice(0, 8)}`;
    const note = await postNote(author!, { title: "Lili pays her tax", body: `我的猫很可爱 #cattax #${topic}`, catName: "Lili" });
    const thread = await comment(fan!, note.id, "好可爱 so cute");
    for (const path of ["like", "collect"]) expect((await api("PUT", `/v1/notes/${note.id}/${path}`, { token: fan!.token })).status).toBe(200);
    expect((await api("POST", `/v1/notes/${note.id}/cat-tax-receipts`, { token: fan!.token })).status).toBe(201);

    // Every read path, for someone who is not the author (signed in or not).
    const reads = (viewer: TestUser | undefined) => {
      const token = viewer?.token;
      return {
        note: () => api("GET", `/v1/notes/${note.id}`, { token }),
        authorNotes: () => api("GET", `/v1/users/${author!.id}/notes`, { token }),
        topicNotes: () => api("GET", `/v1/topics/${topic}/notes`, { token }),
        translation: () => api("GET", `/v1/notes/${note.id}/translation?to=en`, { token }),
        comments: () => api("GET", `/v1/notes/${note.id}/comments`, { token }),
        comment: () => api("GET", `/v1/comments/${thread.id}`, { token }),
        commentTranslation: () => api("GET", `/v1/comments/${thread.id}/translation?to=en`, { token }),
        receipts: () => api("GET", `/v1/notes/${note.id}/cat-tax-receipts`, { token }),
        leaderboard: () => api("GET", "/v1/cat-tax/leaderboard?period=all&limit=50", { token }),
        leaderboardWeek: () => api("GET", "/v1/cat-tax/leaderboard?period=week&limit=50", { token }),
      };
    };
    const inLeaderboard = (response: { body: { items: { note: { id: string } }[] } }) =>
      response.body.items.some((item) => item.note.id === note.id);
    const counts = async () => ({
      authorNotes: (await api("GET", `/v1/users/${author!.id}`)).body.noteCount,
      topicNotes: (await api("GET", `/v1/topics/${topic}`)).body.noteCount,
    });

    // Before: everything is there (so the checks below can fail).
    for (const viewer of [reader, undefined]) {
      const read = reads(viewer);
      for (const [name, call] of Object.entries(read)) expect((await call()).status, name).toBe(200);
      expect(ids(await read.authorNotes())).toContain(note.id);
      expect(ids(await read.topicNotes())).toContain(note.id);
      expect(inLeaderboard(await read.leaderboard())).toBe(true);
      expect(inLeaderboard(await read.leaderboardWeek())).toBe(true);
    }
    expect(ids(await api("GET", "/v1/me/liked-notes", { token: fan!.token }))).toContain(note.id);
    expect(await counts()).toEqual({ authorNotes: 1, topicNotes: 1 });
    const { watcher } = await watchReady(note.id);

    const caseId = await decide(moderator, reader!, "note", note.id, "hide", "Hidden: a personal phone number is visible in the photo");

    for (const viewer of [reader, fan, undefined]) {
      const read = reads(viewer);
      for (const name of ["note", "translation", "comments", "comment", "commentTranslation", "receipts"] as const) {
        expectError(await read[name](), 404, "not_found");
      }
      expect(ids(await read.authorNotes())).not.toContain(note.id);
      expect(ids(await read.topicNotes())).not.toContain(note.id);
      expect(inLeaderboard(await read.leaderboard())).toBe(false);
      expect(inLeaderboard(await read.leaderboardWeek())).toBe(false);
    }
    for (const list of ["liked-notes", "collected-notes"]) {
      expect(ids(await api("GET", `/v1/me/${list}`, { token: fan!.token }))).not.toContain(note.id);
    }
    expect(await counts()).toEqual({ authorNotes: 0, topicNotes: 0 });
    // Live threads close with the deletion event; nobody can open one again.
    await watcher.waitFor((message) => message.type === "note.deleted");
    expect((await upgrade(note.id)).status).toBe(404);
    // Nor can anyone act on it.
    expectError(await api("PUT", `/v1/notes/${note.id}/like`, { token: reader!.token }), 404, "not_found");
    expectError(await api("POST", `/v1/notes/${note.id}/comments`, { token: fan!.token, body: { body: "hello?" } }), 404, "not_found");
    expectError(await api("POST", `/v1/notes/${note.id}/cat-tax-receipts`, { token: reader!.token }), 404, "not_found");

    // Its author still sees it everywhere, with the reason.
    const own = reads(author);
    const mine = await own.note();
    expect(mine.status).toBe(200);
    expect(mine.body.moderation).toEqual({ state: "hidden", reason: "Hidden: a personal phone number is visible in the photo" });
    expect(ids(await own.authorNotes())).toContain(note.id);
    expect((await own.comments()).status).toBe(200);
    expect((await own.translation()).status).toBe(200);

    // Restored by a dismissal: back everywhere, counters back.
    await restore(moderator, caseId);
    const read = reads(reader);
    for (const [name, call] of Object.entries(read)) expect((await call()).status, name).toBe(200);
    expect(ids(await read.topicNotes())).toContain(note.id);
    expect(inLeaderboard(await read.leaderboard())).toBe(true);
    expect(await counts()).toEqual({ authorNotes: 1, topicNotes: 1 });
    expect((await read.note()).body.moderation).toBeUndefined();

    // Deleting a hidden note leaves its topic's count right too.
    const again = await decide(moderator, fan!, "note", note.id, "remove", "Removed");
    expect(again).toBeTruthy();
    expect((await api("DELETE", `/v1/notes/${note.id}`, { token: author!.token })).status).toBe(204);
    expect(await counts()).toEqual({ authorNotes: 0, topicNotes: 0 });
  });
});

describe("a hidden comment", () => {
  it("is retracted from live threads and gone from lists and reads; the note's counts follow", async () => {
    const admin = await firstAdmin();
    const moderator = await staffMember(admin, "moderator");
    const [author, troll, fan] = await createUsers(3);
    const note = await postNote(author!, { title: "Cactus", body: "My backyard cactus" });
    const top = await comment(fan!, note.id, "Beautiful!");
    const reply = await comment(troll!, note.id, "ugly cactus go home", top.id);
    const mean = await comment(troll!, note.id, "go home");
    const { watcher } = await watchReady(note.id);

    await decide(moderator, fan!, "comment", mean.id, "remove", "Harassment (rule 1)");
    await decide(moderator, fan!, "comment", reply.id, "hide", "Harassment (rule 1)");

    const retracted = [
      await watcher.waitFor((m) => m.type === "comment.deleted" && m.commentId === mean.id),
      await watcher.waitFor((m) => m.type === "comment.deleted" && m.commentId === reply.id),
    ];
    expect(retracted).toHaveLength(2);
    for (const viewer of [fan!.token, undefined]) {
      const thread = await api("GET", `/v1/notes/${note.id}/comments`, { token: viewer });
      expect(ids(thread)).toEqual([top.id]);
      expect(thread.body.items[0]).toMatchObject({ replyCount: 0, firstReplies: [] });
      expect(ids(await api("GET", `/v1/comments/${top.id}/replies`, { token: viewer }))).toEqual([]);
      expectError(await api("GET", `/v1/comments/${mean.id}`, { token: viewer }), 404, "not_found");
      expectError(await api("GET", `/v1/comments/${reply.id}/translation?to=zh-Hans`, { token: viewer }), 404, "not_found");
    }
    const counted = await api("GET", `/v1/notes/${note.id}`);
    expect(counted.body.commentCount).toBe(1);
    expectError(
      await api("POST", `/v1/notes/${note.id}/comments`, { token: fan!.token, body: { body: "@troll no", replyTo: reply.id } }),
      400,
      "validation_failed",
    );

    const own = await api("GET", `/v1/comments/${mean.id}`, { token: troll!.token });
    expect(own.body.moderation).toEqual({ state: "removed", reason: "Harassment (rule 1)" });
    expect(ids(await api("GET", `/v1/notes/${note.id}/comments`, { token: troll!.token }))).toContain(mean.id);

    // Deleting a hidden comment doesn't take the count down twice.
    expect((await api("DELETE", `/v1/comments/${mean.id}`, { token: troll!.token })).status).toBe(204);
    expect((await api("GET", `/v1/notes/${note.id}`)).body.commentCount).toBe(1);
  });
});

describe("blocks and mutes, through the same rule", () => {
  it("a block hides each person's notes and comments from the other; a mute hides the muted from the muter's lists and threads", async () => {
    const [author, blocked, muter, other] = await createUsers(4);
    const topic = `dish${crypto.randomUUID().slice(0, 8)}`;
    const note = await postNote(author!, { title: "Tomato and egg", body: `My first Chinese dish #${topic}` });
    const byAuthor = await comment(author!, note.id, "Recipe in the comments");
    await env.DB.prepare("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)").bind(author!.id, blocked!.id, Date.now()).run();
    await env.DB.prepare("INSERT INTO mutes (muter_id, muted_id, created_at) VALUES (?, ?, ?)").bind(muter!.id, author!.id, Date.now()).run();

    expectError(await api("GET", `/v1/notes/${note.id}`, { token: blocked!.token }), 404, "not_found");
    expect(ids(await api("GET", `/v1/users/${author!.id}/notes`, { token: blocked!.token }))).toEqual([]);
    expectError(await api("GET", `/v1/comments/${byAuthor.id}`, { token: blocked!.token }), 404, "not_found");
    expectError(await api("POST", `/v1/notes/${note.id}/comments`, { token: blocked!.token, body: { body: "hi" } }), 404, "not_found");

    expect((await api("GET", `/v1/notes/${note.id}`, { token: muter!.token })).status).toBe(200);
    expect(ids(await api("GET", `/v1/topics/${topic}/notes`, { token: muter!.token }))).toEqual([]);
    expect(ids(await api("GET", `/v1/topics/${topic}/notes`, { token: other!.token }))).toEqual([note.id]);
    expect(ids(await api("GET", `/v1/topics/${topic}/notes`, { token: blocked!.token }))).toEqual([]);
    expect(ids(await api("GET", `/v1/notes/${note.id}/comments`, { token: muter!.token }))).toEqual([]);
    expect(ids(await api("GET", `/v1/notes/${note.id}/comments`, { token: other!.token }))).toEqual([byAuthor.id]);
  });
});

describe("suspension over a live socket", () => {
  it("refuses comments from a suspended account's open socket", async () => {
    const admin = await firstAdmin();
    const moderator = await staffMember(admin, "moderator");
    const [author, troll, reporter] = await createUsers(3);
    const note = await postNote(author!, { title: "English corner", body: "Live now" });
    const { watcher } = await watchReady(note.id);
    watcher.send({ type: "auth", token: troll!.token });
    await watcher.waitFor((m) => m.type === "authenticated");

    await report(reporter!, "user", troll!.id, "harassment");
    const open = await caseAbout(moderator, troll!.id);
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expect((await resolve(moderator, open!.id, { action: "suspend", reason: "Spam", suspendUntil: until })).status).toBe(200);

    watcher.send({ type: "comment", ref: "after-suspension", body: "still posting" });
    const refusal = await watcher.waitFor((m) => m.type === "error" && m.ref === "after-suspension");
    expect(refusal.error).toMatchObject({ code: "account_suspended" });
    expect((await api("GET", `/v1/notes/${note.id}`)).body.commentCount).toBe(0);
  });
});
