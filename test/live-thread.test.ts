import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { connectRequest } from "../src/live/connect";
import { LIVE_LIMITS } from "../src/live/limits";
import { api, createUser, expectError } from "./helpers";
import { type Watcher, comment, createNote, createUsers, upgrade, watch, watchReady } from "./live-helpers";

const thread = (noteId: string) => env.NOTE_THREAD.getByName(noteId);

/** The logged events a viewer got, checking ids run 1 by 1 with no repeat. */
function eventsInOrder(watcher: Watcher) {
  const ids = watcher.events.map((event) => event.id!);
  for (let i = 1; i < ids.length; i++) expect(ids[i], `ids ${ids.join(",")}`).toBe(ids[i - 1]! + 1);
  return watcher.events;
}

/** Comments as a viewer saw them: from its first page, then created events, retractions applied. */
function visibleComments(watcher: Watcher) {
  const seen: string[] = [];
  for (const message of watcher.messages) {
    if (message.type === "ready" && message.comments) {
      for (const top of [...message.comments.items].reverse()) seen.push(top.id, ...top.firstReplies.map((r: { id: string }) => r.id));
    }
    if (message.type === "comment.created") seen.push(message.comment.id);
    if (message.type === "comment.deleted") seen.splice(seen.indexOf(message.commentId), 1);
  }
  return seen;
}

/** Inserts comments straight into D1, as any write path would, without telling the thread. */
async function insertCommentsQuietly(noteId: string, authorId: string, count: number, prefix = "quiet") {
  const now = Date.now();
  const statements = Array.from({ length: count }, (_, i) =>
    env.DB.prepare(
      "INSERT INTO comments (id, note_id, author_id, body, language, created_at, updated_at) VALUES (?, ?, ?, ?, 'en', ?, ?)",
    ).bind(`${prefix}${String(i).padStart(6, "0")}`, noteId, authorId, `${prefix} ${i}`, now, now),
  );
  for (let i = 0; i < statements.length; i += 100) await env.DB.batch(statements.slice(i, i + 100));
}

describe("joining a thread", () => {
  it("gives a new viewer the latest page of comments with first replies, the counters and the viewer count", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    const first = await comment(fan!, note.id, "So cute 好可爱");
    await comment(author!, note.id, "Thank you!", first.id);
    const second = await comment(fan!, note.id, "Lili is the best");
    await api("PUT", `/v1/notes/${note.id}/like`, { token: fan!.token });

    const { ready } = await watchReady(note.id);
    expect(ready).toMatchObject({
      noteId: note.id,
      // Nothing was logged while nobody watched: the first viewer's thread starts after a gap mark (src/live/watching.ts).
      lastEventId: 1,
      viewers: 1,
      counters: { likeCount: 1, commentCount: 3, receiptCount: 0 },
      replaying: 0,
      language: null,
    });
    expect(ready.comments.items.map((c: { id: string }) => c.id)).toEqual([second.id, first.id]);
    expect(ready.comments.items[1].firstReplies.map((r: { body: string }) => r.body)).toEqual(["Thank you!"]);
  });

  it("refuses a plain GET with 426, an unknown note with 404, and a token in the URL", async () => {
    const author = await createUser();
    const note = await createNote(author);
    const plain = await api("GET", `/v1/notes/${note.id}/live`);
    expectError(plain, 426, "upgrade_required");
    expect(plain.headers.get("Upgrade")).toBe("websocket");
    const missing = await upgrade("01JH7Z3V6N1Q2M8W4K5T9R0XYZ");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
    const leaky = await upgrade(note.id, `?token=${author.token}`);
    expect(leaky.status).toBe(400);
    expect(JSON.stringify(await leaky.json())).not.toContain(author.token);
  });

  it("is in the OpenAPI document with its 101 and 426 answers", async () => {
    const doc = (await api("GET", "/openapi.json")).body;
    const live = doc.paths["/v1/notes/{id}/live"].get;
    expect(Object.keys(live.responses)).toEqual(expect.arrayContaining(["101", "426", "404", "429"]));
    expect(live.description).toContain(`${LIVE_LIMITS.socketsPerThread} sockets per thread`);
    expect(live.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["id", "after", "language"]));
  });
});

describe("live events", () => {
  it("every event type reaches every viewer exactly once and in order", async () => {
    const [author, fan, poster] = await createUsers(3);
    const note = await createNote(author!, { topics: ["cattax"], catName: "Lili" });
    const viewers = await Promise.all([watchReady(note.id), watchReady(note.id), watchReady(note.id, { language: "zh-Hans" })]);

    const hello = await comment(fan!, note.id, "Hello from Ohio");
    const reply = await comment(author!, note.id, "你好!", hello.id);
    const socket = viewers[0]!.watcher;
    socket.send({ type: "auth", token: poster!.token });
    await socket.waitFor((m) => m.type === "authenticated");
    socket.send({ type: "comment", ref: "c1", body: "Posted live 🐱" });
    const accepted = await socket.waitFor((m) => m.type === "comment.accepted");
    await api("PATCH", `/v1/comments/${hello.id}`, { token: fan!.token, body: { body: "Hello from Ohio (edited)" } });
    await api("DELETE", `/v1/comments/${reply.id}`, { token: author!.token });
    await api("PUT", `/v1/notes/${note.id}/like`, { token: fan!.token });
    expect((await api("POST", `/v1/notes/${note.id}/cat-tax-receipts`, { token: fan!.token })).status).toBe(201);

    for (const { watcher } of viewers) {
      await watcher.waitFor((m) => m.type === "receipt.created");
      await watcher.waitFor((m) => m.type === "counters" && m.likeCount === 1 && m.receiptCount === 1);
      await watcher.waitFor((m) => m.type === "viewers" && m.count === 3);
      const events = eventsInOrder(watcher);
      expect(events.map((e) => e.type)).toEqual([
        "comment.created",
        "comment.created",
        "comment.created",
        "comment.edited",
        "comment.deleted",
        "receipt.created",
      ]);
      expect(events[0]!.comment).toMatchObject({ id: hello.id, body: "Hello from Ohio" });
      expect(events[1]!.comment).toMatchObject({ id: reply.id, parentId: hello.id });
      expect(events[2]!.comment).toMatchObject({ id: accepted.commentId, body: "Posted live 🐱", author: { id: poster!.id } });
      expect(events[2]!.id).toBe(accepted.eventId);
      expect(events[3]!.comment.body).toBe("Hello from Ohio (edited)");
      expect(events[4]).toMatchObject({ commentId: reply.id });
      expect(events[5]!.receipt).toMatchObject({ serial: 1, stamper: { id: fan!.id } });
      expect(events[5]!.receipt.text).toContain("Lili");
    }
    expect(viewers[1]!.watcher.ofType("comment.accepted")).toEqual([]);
  });

  it("retracts a deleted comment, with the replies under it, from every live viewer", async () => {
    const [author, fan, troll] = await createUsers(3);
    const note = await createNote(author!);
    const rude = await comment(troll!, note.id, "rude words");
    const answer = await comment(fan!, note.id, "please be nice", rude.id);
    const a = await watchReady(note.id);
    const b = await watchReady(note.id);
    expect(visibleComments(a.watcher)).toEqual([rude.id, answer.id]);

    expect((await api("DELETE", `/v1/comments/${rude.id}`, { token: author!.token })).status).toBe(204);
    for (const { watcher } of [a, b]) {
      const retraction = await watcher.waitFor((m) => m.type === "comment.deleted");
      expect(retraction.commentId).toBe(rude.id);
      await watcher.waitFor((m) => m.type === "counters" && m.commentCount === 0);
      expect(watcher.ofType("comment.deleted")).toHaveLength(1);
      expect(visibleComments(watcher)).not.toContain(rude.id);
    }
  });

  it("closes every socket when the note is deleted", async () => {
    const author = await createUser();
    const note = await createNote(author);
    const { watcher } = await watchReady(note.id);
    expect((await api("DELETE", `/v1/notes/${note.id}`, { token: author.token })).status).toBe(204);
    await watcher.waitFor((m) => m.type === "note.deleted");
    expect((await watcher.waitForClose()).code).toBe(1000);
  });
});

describe("resuming", () => {
  it("after a disconnect, replays exactly what was missed, then goes live", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    await comment(fan!, note.id, "before");
    const first = await watchReady(note.id);
    await comment(fan!, note.id, "seen live");
    const seen = await first.watcher.waitFor((m) => m.type === "comment.created");
    first.watcher.close();

    const missed = [];
    for (const body of ["missed 1", "missed 2", "missed 3"]) missed.push(await comment(fan!, note.id, body));
    const again = await watch(note.id, { after: seen.id });
    const ready = await again.waitFor((m) => m.type === "ready");
    expect(ready).toMatchObject({ comments: null, replaying: 3, lastEventId: seen.id! + 3 });
    await comment(fan!, note.id, "after reconnecting");
    await again.waitFor((m) => m.comment?.body === "after reconnecting");
    expect(eventsInOrder(again).map((e) => e.comment.body)).toEqual(["missed 1", "missed 2", "missed 3", "after reconnecting"]);
    expect(again.events[0]!.id).toBe(seen.id! + 1);
  });

  it("loses and repeats nothing for comments posted while the viewer reconnects", async () => {
    const users = await createUsers(13);
    const [author, ...fans] = users;
    const note = await createNote(author!);
    const first = await watchReady(note.id);
    await comment(fans[0]!, note.id, "one");
    const last = await first.watcher.waitFor((m) => m.type === "comment.created");
    first.watcher.close();

    const posting = Promise.all(fans.slice(1).map((fan, i) => comment(fan, note.id, `during ${i}`)));
    const again = await watch(note.id, { after: last.id });
    const posted = await posting;
    for (const c of posted) await again.waitFor((m) => m.comment?.id === c.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ids = eventsInOrder(again).map((e) => e.comment.id);
    expect(ids.sort()).toEqual(posted.map((c) => c.id).sort());
  });

  it("gives a new viewer joining mid-burst each comment exactly once, from its page or as an event", async () => {
    const users = await createUsers(16);
    const [author, ...fans] = users;
    const note = await createNote(author!);
    const before = await Promise.all(fans.slice(0, 5).map((fan, i) => comment(fan, note.id, `before ${i}`)));
    const posting = Promise.all(fans.slice(5).map((fan, i) => comment(fan, note.id, `during ${i}`)));
    const watcher = await watch(note.id);
    const during = await posting;
    for (const c of during) await watcher.waitFor((m) => m.comment?.id === c.id || m.comments?.items.some((i: { id: string }) => i.id === c.id));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seen = visibleComments(watcher);
    expect([...seen].sort()).toEqual([...before, ...during].map((c) => c.id).sort());
  });

  it("tells a viewer too far behind, or with an unknown id, to resync, with a fresh page", async () => {
    const author = await createUser();
    const note = await createNote(author);
    await watchReady(note.id); // keeps the thread watched, so the comments below are logged
    await insertCommentsQuietly(note.id, author.id, LIVE_LIMITS.retainedEvents + 20);
    await thread(note.id).changed(note.id);

    const tooOld = await watch(note.id, { after: 1 });
    const resync = await tooOld.waitFor((m) => m.type === "resync");
    const ready = await tooOld.waitFor((m) => m.type === "ready");
    expect(tooOld.messages.indexOf(resync)).toBeLessThan(tooOld.messages.indexOf(ready));
    expect(ready.lastEventId).toBe(1 + LIVE_LIMITS.retainedEvents + 20);
    expect(ready.comments.items).toHaveLength(20);

    const recent = await watch(note.id, { after: ready.lastEventId - 5 });
    expect(await recent.waitFor((m) => m.type === "ready")).toMatchObject({ replaying: 5, comments: null });
    expect(recent.ofType("resync")).toEqual([]);

    const unknown = await watch(note.id, { after: ready.lastEventId + 100 });
    await unknown.waitFor((m) => m.type === "resync");
  });

  it("never misses a committed comment the thread was not told about: the sweep picks it up", async () => {
    const author = await createUser();
    const note = await createNote(author);
    const { watcher } = await watchReady(note.id);
    await insertCommentsQuietly(note.id, author.id, 1, "unannounced");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(watcher.ofType("comment.created")).toEqual([]);
    expect(await runDurableObjectAlarm(thread(note.id))).toBe(true);
    expect((await watcher.waitFor((m) => m.type === "comment.created")).comment.body).toBe("unannounced 0");
  });
});

describe("durability", () => {
  it("keeps its log across an eviction, and hibernated sockets keep receiving", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    const { watcher, ready } = await watchReady(note.id);
    await comment(fan!, note.id, "before eviction");
    await evictDurableObject(thread(note.id));
    await comment(fan!, note.id, "after eviction");
    const event = await watcher.waitFor((m) => m.comment?.body === "after eviction");
    expect(event.id).toBe(ready.lastEventId + 2);

    await evictDurableObject(thread(note.id), { webSockets: "close" });
    await watcher.waitForClose();
    const again = await watch(note.id, { after: ready.lastEventId });
    expect(await again.waitFor((m) => m.type === "ready")).toMatchObject({ replaying: 2, comments: null });
    await again.waitFor((m) => m.id === event.id);
    expect(eventsInOrder(again).map((e) => e.comment.body)).toEqual(["before eviction", "after eviction"]);
    const stored = await runInDurableObject(thread(note.id), (_, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM events").one().n,
    );
    expect(stored).toBe(2);
  });
});

describe("posting over the socket", () => {
  it("needs a valid token sent as a message; refusals leave the socket open", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    const { watcher } = await watchReady(note.id);

    watcher.send({ type: "comment", ref: "a", body: "hi" });
    expect((await watcher.waitFor((m) => m.ref === "a")).error.code).toBe("unauthorized");
    watcher.send({ type: "auth", ref: "b", token: "nb_forged" });
    expect((await watcher.waitFor((m) => m.ref === "b")).error.code).toBe("unauthorized");
    watcher.send({ type: "auth", ref: "c", token: fan!.token });
    expect(await watcher.waitFor((m) => m.ref === "c")).toMatchObject({ type: "authenticated", userId: fan!.id });

    watcher.send({ type: "comment", ref: "d", body: "   " });
    const invalid = await watcher.waitFor((m) => m.ref === "d");
    expect(invalid.error).toMatchObject({ code: "validation_failed", details: [expect.objectContaining({ field: "body" })] });
    watcher.send({ type: "comment", ref: "e", body: "reply", replyTo: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" });
    expect((await watcher.waitFor((m) => m.ref === "e")).error.code).toBe("validation_failed");
    watcher.send({ type: "comment", ref: "f", body: "Finally 🎉" });
    const accepted = await watcher.waitFor((m) => m.ref === "f");
    expect(accepted.type).toBe("comment.accepted");
    expect((await api("GET", `/v1/comments/${accepted.commentId}`)).body.body).toBe("Finally 🎉");

    await api("DELETE", "/v1/sessions/current", { token: fan!.token });
    watcher.send({ type: "comment", ref: "g", body: "after signing out" });
    expect((await watcher.waitFor((m) => m.ref === "g")).error.code).toBe("unauthorized");
    expect(watcher.closed).toBeNull();
  });

});

describe("limits on the socket", () => {
  it("answers malformed and oversized messages with an error event and stays open", async () => {
    const author = await createUser();
    const note = await createNote(author);
    const { watcher } = await watchReady(note.id);
    watcher.send("{not json");
    watcher.send({ type: "dance" });
    watcher.send({ type: "comment", body: "x".repeat(LIVE_LIMITS.messageBytes) });
    await vi.waitFor(() => expect(watcher.ofType("error")).toHaveLength(3), { interval: 5 });
    expect(watcher.ofType("error").map((m) => m.error.code)).toEqual(["bad_request", "validation_failed", "payload_too_large"]);
    watcher.send({ type: "ping" });
    await watcher.waitFor((m) => m.type === "pong");
    expect(watcher.closed).toBeNull();
  });

  it("closes a socket that sends a message over the hard limit with 1009", async () => {
    const author = await createUser();
    const note = await createNote(author);
    const { watcher } = await watchReady(note.id);
    watcher.send("x".repeat(LIVE_LIMITS.frameBytes + 1));
    expect((await watcher.waitForClose()).code).toBe(1009);
  });

  it("rate-limits a flooding socket, then closes it with 1008", async () => {
    const author = await createUser();
    const note = await createNote(author);
    const { watcher } = await watchReady(note.id);
    for (let i = 0; i < 40; i++) watcher.send({ type: "auth", token: "nb_guess" });
    expect((await watcher.waitForClose()).code).toBe(1008);
    expect(watcher.ofType("error").some((m) => m.error.code === "rate_limited")).toBe(true);
  });

  it(`holds at most ${LIVE_LIMITS.socketsPerThread} sockets per thread, then answers 503`, async () => {
    const author = await createUser();
    const note = await createNote(author);
    const sockets: WebSocket[] = [];
    for (let i = 0; i < LIVE_LIMITS.socketsPerThread; i += 100) {
      // Straight to the thread, the way the worker hands it a checked upgrade, to open them quickly.
      const opened = await Promise.all(
        Array.from({ length: 100 }, () => thread(note.id).fetch(connectRequest({ noteId: note.id, ip: { country: null, region: null } }))),
      );
      for (const response of opened) {
        expect(response.status).toBe(101);
        response.webSocket!.accept();
        sockets.push(response.webSocket!);
      }
    }
    const refused = await upgrade(note.id);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: "service_unavailable" } });
    expect(refused.headers.get("Retry-After")).toBe("30");
    sockets[0]!.close(1000);
    await vi.waitFor(async () => expect((await upgrade(note.id)).status).toBe(101), { interval: 20 });
  }, 30_000);

  it("limits upgrades per client address", async () => {
    const author = await createUser();
    const note = await createNote(author);
    const statuses = [];
    for (let i = 0; i <= LIVE_LIMITS.connectsPerMinute; i++) {
      const response = await upgrade(note.id, "", { "CF-Connecting-IP": "203.0.113.9" });
      statuses.push(response.status);
      response.webSocket?.accept();
      response.webSocket?.close(1000);
    }
    expect(statuses.slice(0, -1).every((s) => s === 101)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("the thread outbox in D1", () => {
  const queued = async (noteId: string) =>
    (await env.DB.prepare("SELECT count(*) AS n FROM thread_outbox WHERE note_id = ?").bind(noteId).first<{ n: number }>())!.n;

  const watched = async (noteId: string) =>
    (await env.DB.prepare("SELECT count(*) AS n FROM live_threads WHERE note_id = ?").bind(noteId).first<{ n: number }>())!.n === 1;

  it("queues nothing, and tells no thread, for a note nobody watches", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    for (const body of ["one", "two", "three"]) {
      const posted = await api("POST", `/v1/notes/${note.id}/comments`, { token: fan!.token, body: { body } });
      // The rate limiter only: no call to the note's thread.
      expect(JSON.parse(posted.headers.get("X-Round-Trips")!).durableObject).toBe(1);
    }
    const liked = await api("PUT", `/v1/notes/${note.id}/like`, { token: fan!.token });
    expect(JSON.parse(liked.headers.get("X-Round-Trips")!).durableObject).toBe(1);
    expect(await queued(note.id)).toBe(0);
    expect(await watched(note.id)).toBe(false);
  });

  it("is watched from a first viewer until a sweep after the last one left; one coming back gets what it missed as a fresh page", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    const { watcher, ready } = await watchReady(note.id);
    expect(await watched(note.id)).toBe(true);
    const seen = await comment(fan!, note.id, "while watched");
    const event = await watcher.waitFor((m) => m.comment?.id === seen.id);
    expect(event.id).toBe(ready.lastEventId + 1);

    watcher.close();
    await watcher.waitForClose();
    // The sweep after the last viewer left stops watching and leaves no row queued.
    await vi.waitFor(async () => {
      await runDurableObjectAlarm(thread(note.id));
      expect(await watched(note.id)).toBe(false);
    });
    expect(await queued(note.id)).toBe(0);
    const missed = await comment(fan!, note.id, "while nobody watched");
    expect(await queued(note.id)).toBe(0);

    // Resuming across the time nobody watched would skip that comment: the viewer resyncs and gets it in its page.
    const back = await watch(note.id, { after: event.id });
    await back.waitFor((m) => m.type === "resync");
    const page = await back.waitFor((m) => m.type === "ready");
    expect(page.comments.items.map((c: { id: string }) => c.id)).toEqual([missed.id, seen.id]);
    expect(await watched(note.id)).toBe(true);
    const live = await comment(fan!, note.id, "watched again");
    expect((await back.waitFor((m) => m.comment?.id === live.id)).id).toBe(page.lastEventId + 1);
    expect(visibleComments(back)).toEqual([seen.id, missed.id, live.id]);
  });

  it("a row left behind with nobody watching (a crash between the thread's stop and D1's delete) is removed by the next comment's call", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    await env.DB.prepare("INSERT INTO live_threads (note_id, watched_since) VALUES (?, 0)").bind(note.id).run();
    const posted = await api("POST", `/v1/notes/${note.id}/comments`, { token: fan!.token, body: { body: "anyone here?" } });
    // The writer saw the row, so it told the thread, which found nobody and removed the row and its queued change.
    expect(JSON.parse(posted.headers.get("X-Round-Trips")!).durableObject).toBe(2);
    await vi.waitFor(async () => {
      expect(await watched(note.id)).toBe(false);
      expect(await queued(note.id)).toBe(0);
    });
    await comment(fan!, note.id, "still nobody");
    expect(await queued(note.id)).toBe(0);
  });

  it("is emptied once its thread has taken it, and goes with a deleted note", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    await watchReady(note.id);
    await insertCommentsQuietly(note.id, fan!.id, 3, "taken");
    expect(await queued(note.id)).toBe(3);
    await vi.waitFor(async () => {
      expect(await runDurableObjectAlarm(thread(note.id))).toBe(true);
      expect(await queued(note.id)).toBe(0);
    });

    const other = await createNote(author!);
    await env.DB.prepare("INSERT INTO thread_outbox (note_id, kind, subject) VALUES (?, 'comment.created', 'x')").bind(other.id).run();
    await api("DELETE", `/v1/notes/${other.id}`, { token: author!.token });
    expect(await queued(other.id)).toBe(0);
  });
});

describe("per-viewer language", () => {
  it("attaches each comment's translation through the translation pipeline", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    await comment(fan!, note.id, "Hello from Texas");
    // Readers whose devices say zh-CN or zh read Simplified Chinese too, and share its translations.
    const readers = await Promise.all(["zh-Hans", "zh-CN", "zh"].map((language) => watchReady(note.id, { language })));
    const plain = await watchReady(note.id);
    const english = await comment(fan!, note.id, "Your cat is very cute");
    await comment(author!, note.id, "谢谢你们");

    for (const { watcher, ready } of readers) {
      expect(ready.language).toBe("zh-Hans");
      expect(ready.comments.items[0].translation).toMatchObject({ language: "zh-Hans", status: "translated" });
      const live = await watcher.waitFor((m) => m.comment?.body === "Your cat is very cute");
      expect(live.comment.translation.status).toBe("translated");
      // The offline dictionary engine glosses word by word into Chinese: 猫 is "cat".
      expect(live.comment.translation.body).toMatch(/猫/);
      const chinese = await watcher.waitFor((m) => m.comment?.body === "谢谢你们");
      expect(chinese.comment.translation).toBeUndefined();
      eventsInOrder(watcher);
    }
    const untranslated = await plain.watcher.waitFor((m) => m.comment?.body === "Your cat is very cute");
    expect(untranslated.comment.translation).toBeUndefined();
    // How often the engine is asked is counted in translation-engines.test.ts, where DeepL answers at its HTTP boundary.
    // The thread went through the shared snippet cache: one-click translation now needs no engine.
    const tapped = await api("GET", `/v1/comments/${english.id}/translation?to=zh-Hans`, { token: fan!.token });
    expect(tapped.body).toMatchObject({ fromCache: true, outcome: "translated" });
  });

  it("flags comments it can't translate and keeps the stream going", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    // No engine in this deployment translates into Korean.
    const { watcher, ready } = await watchReady(note.id, { language: "ko" });
    expect(ready.language).toBe("ko");
    await comment(fan!, note.id, "Lili says hello");
    await comment(fan!, note.id, "and goodbye");
    const first = await watcher.waitFor((m) => m.comment?.body === "Lili says hello");
    expect(first.comment.translation).toEqual({ language: "ko", status: "failed" });
    const second = await watcher.waitFor((m) => m.comment?.body === "and goodbye");
    expect(second.comment.translation).toEqual({ language: "ko", status: "failed" });
    eventsInOrder(watcher);
  });
});

