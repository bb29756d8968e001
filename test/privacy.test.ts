import { fixture, upload } from "./media-helpers";
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { api, createUser, expectError, type TestUser, uniqueIp, uniquePhone } from "./helpers";
import { comment, createNote, watchReady } from "./live-helpers";

const e164 = (phone: string) => `+86${phone.replaceAll(" ", "")}`;

/** Signs up through the API from abroad; signing up signs in, so the answer's session is the one the account has. */
async function signUpCarefully(nickname: string): Promise<TestUser> {
  const phone = uniquePhone();
  const password = "correct horse battery";
  const ip = uniqueIp();
  const signup = await api("POST", "/v1/users", {
    body: { phone, region: "CN", password, nickname, languages: ["en", "zh-Hans"] },
    headers: { "CF-Connecting-IP": ip },
    cf: { country: "US" },
  });
  expect(signup.status).toBe(201);
  return { id: signup.body.id, token: signup.body.session.token, phone, password, nickname };
}

/** A week of everything a person does, with friends around them. */
async function aLifeOnNoteBridge() {
  const me = await signUpCarefully("Lili's owner");
  const topic = `privacy${me.id.slice(-8).toLowerCase()}`;
  const [friend, other, blocked, muted] = [await createUser(), await createUser(), await createUser(), await createUser()];
  const catNote = await createNote(me, { title: "Lili pays her tax", body: `#cattax #${topic}`, isCatNote: true, catName: "Lili" });
  // Posted with an Idempotency-Key, as a careful client would: the stored answer names the account, and must go with it.
  const posted = await api("POST", "/v1/notes", {
    token: me.token,
    headers: { "Idempotency-Key": `cactus-${me.id}` },
    body: { title: "My backyard cactus", body: `welcome Chinese friends #${topic}` },
  });
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  const plainNote = posted.body as { id: string; [field: string]: any };
  const othersNote = await createNote(other, { title: "夜市", body: "今天去夜市 #cattax", isCatNote: true });

  const friendOnMine = await comment(friend, catNote.id, "So cute 好可爱");
  await comment(me, catNote.id, "谢谢!", friendOnMine.id);
  const repliedTo = await comment(me, othersNote.id, `my words with replies ${topic}`);
  const friendsReply = await comment(friend, othersNote.id, "great point", repliedTo.id);
  const alone = await comment(me, othersNote.id, `my words without replies ${topic}`);
  const friendsTop = await comment(friend, othersNote.id, "a friend's comment");
  const myReply = await comment(me, othersNote.id, "my reply to a friend", friendsTop.id);
  const answerToMe = await comment(friend, othersNote.id, "answering your reply", myReply.id);

  for (const path of [`/v1/notes/${othersNote.id}/like`, `/v1/notes/${othersNote.id}/collect`, `/v1/users/${friend.id}/follow`]) {
    expect((await api("PUT", path, { token: me.token })).status).toBe(200);
  }
  await api("PUT", `/v1/notes/${catNote.id}/like`, { token: friend.token });
  await api("PUT", `/v1/users/${me.id}/follow`, { token: friend.token });
  await api("PUT", `/v1/users/${blocked.id}/block`, { token: me.token });
  await api("PUT", `/v1/users/${muted.id}/mute`, { token: me.token });
  expect((await api("POST", `/v1/notes/${othersNote.id}/cat-tax-receipts`, { token: me.token })).status).toBe(201);
  expect((await api("POST", `/v1/notes/${catNote.id}/cat-tax-receipts`, { token: friend.token })).status).toBe(201);

  const term = (await api("GET", `/v1/glossary/terms?q=${encodeURIComponent("躺平")}`)).body.items[0];
  const explanation = await api("POST", `/v1/glossary/terms/${term.id}/explanations`, {
    token: me.token,
    body: { body: "Lying flat: my own explanation", language: "en" },
  });
  expect(explanation.status).toBe(201);
  await api("PUT", `/v1/glossary/explanations/${explanation.body.id}/vote`, { token: friend.token });
  const friendsExplanation = await api("POST", `/v1/glossary/terms/${term.id}/explanations`, {
    token: friend.token,
    body: { body: "A friend's explanation", language: "en" },
  });
  await api("PUT", `/v1/glossary/explanations/${friendsExplanation.body.id}/vote`, { token: me.token });

  return {
    me, friend, other, blocked, muted, topic, catNote, plainNote, othersNote,
    comments: { friendOnMine, repliedTo, friendsReply, alone, friendsTop, myReply, answerToMe },
    explanationId: explanation.body.id as string, friendsExplanationId: friendsExplanation.body.id as string,
  };
}

async function everySecret(): Promise<string[]> {
  const rows = await env.DB.prepare(
    "SELECT phone_e164 AS s FROM users UNION ALL SELECT password_hash FROM users UNION ALL SELECT token_hash FROM sessions",
  ).all<{ s: string }>();
  return rows.results.map((r) => r.s);
}

/** Every row of every table, as text. */
async function everyTable(): Promise<Record<string, string>> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
  ).all<{ name: string }>();
  const dump: Record<string, string> = {};
  for (const { name } of tables.results) {
    dump[name] = JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results);
  }
  return dump;
}

async function wrongCounters() {
  const query = async (q: string) => (await env.DB.prepare(q).all()).results;
  return {
    notes: await query(`SELECT id FROM notes n WHERE
      like_count <> (SELECT count(*) FROM likes WHERE note_id = n.id) OR
      collect_count <> (SELECT count(*) FROM collects WHERE note_id = n.id) OR
      comment_count <> (SELECT count(*) FROM comments WHERE note_id = n.id) OR
      receipt_count <> (SELECT count(*) FROM cat_tax_receipts WHERE note_id = n.id)`),
    users: await query(`SELECT id FROM users u WHERE
      follower_count <> (SELECT count(*) FROM follows WHERE followee_id = u.id) OR
      following_count <> (SELECT count(*) FROM follows WHERE follower_id = u.id) OR
      note_count <> (SELECT count(*) FROM notes WHERE author_id = u.id)`),
    comments: await query("SELECT id FROM comments c WHERE reply_count <> (SELECT count(*) FROM comments WHERE parent_id = c.id)"),
    topics: await query("SELECT name FROM topics t WHERE note_count <> (SELECT count(*) FROM note_topics WHERE topic = t.name)"),
    explanations: await query(
      "SELECT id FROM glossary_explanations e WHERE vote_count <> (SELECT count(*) FROM glossary_votes WHERE explanation_id = e.id)",
    ),
  };
}

const noWrongCounters = { notes: [], users: [], comments: [], topics: [], explanations: [] };

describe("GET /v1/me/export", () => {
  it("streams everything held about me, and nothing about anyone else", async () => {
    const life = await aLifeOnNoteBridge();
    const { me, friend } = life;
    const filed = await api("POST", "/v1/reports", {
      token: me.token,
      body: { targetType: "note", targetId: life.othersNote.id, category: "spam", comment: "looks like an ad" },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const draftId = "01JH7Z3V6N1Q2M8W4K5T9R0DRF";
    expect((await api("PUT", `/v1/drafts/${draftId}`, { token: me.token, body: { baseVersion: 0, content: { body: "offline thoughts" } } })).status).toBe(200);
    const uploaded = await upload(me.token, fixture("cat.png"));
    expect(uploaded.status).toBe(201);
    const response = await api("GET", "/v1/me/export", { token: me.token });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="notebridge-export-/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Length")).toBeNull(); // streamed, not buffered
    expect(response.headers.get("RateLimit-Policy")).toBe('"export";q=5;w=3600');
    const data = response.body;

    expect(data.format).toBe("notebridge-export/1");
    expect(data.account).toMatchObject({ id: me.id, phone: e164(me.phone), nickname: "Lili's owner", languages: ["en", "zh-Hans"] });
    expect(data.account.ipRegion.country).toBe("US");
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]).toEqual({ id: expect.any(String), createdAt: expect.any(String), expiresAt: expect.any(String), current: true });
    expect(data.notes.map((n: { id: string }) => n.id).sort()).toEqual([life.catNote.id, life.plainNote.id].sort());
    const cat = data.notes.find((n: { id: string }) => n.id === life.catNote.id);
    expect(cat).toMatchObject({ title: "Lili pays her tax", catName: "Lili", isCatNote: true, counts: { likes: 1, receipts: 1 } });
    expect(cat.topics.sort()).toEqual(["cattax", life.topic]);
    expect(data.comments.map((c: { body: string }) => c.body).sort()).toEqual(
      ["my reply to a friend", `my words with replies ${life.topic}`, `my words without replies ${life.topic}`, "谢谢!"].sort(),
    );
    const reply = data.comments.find((c: { id: string }) => c.id === life.comments.myReply.id);
    expect(reply.replyTo).toEqual({ commentId: life.comments.friendsTop.id, user: { id: friend.id, nickname: friend.nickname } });
    expect(data.likes).toEqual([{ noteId: life.othersNote.id, at: expect.any(String) }]);
    expect(data.collects).toEqual([{ noteId: life.othersNote.id, at: expect.any(String) }]);
    expect(data.following).toEqual([{ user: { id: friend.id, nickname: friend.nickname }, since: expect.any(String) }]);
    expect(data.followers).toEqual([{ user: { id: friend.id, nickname: friend.nickname }, since: expect.any(String) }]);
    expect(data.blocks.map((b: { user: { id: string } }) => b.user.id)).toEqual([life.blocked.id]);
    expect(data.mutes.map((b: { user: { id: string } }) => b.user.id)).toEqual([life.muted.id]);
    expect(data.catTaxReceiptsStamped).toEqual([
      { noteId: life.othersNote.id, serial: 1, number: "0001", text: expect.stringContaining("CAT TAX RECEIPT"), createdAt: expect.any(String) },
    ]);
    expect(data.glossaryExplanations).toEqual([
      expect.objectContaining({ id: life.explanationId, term: "躺平", body: "Lying flat: my own explanation", votes: 1 }),
    ]);
    expect(data.glossaryVotes).toEqual([{ explanationId: life.friendsExplanationId, at: expect.any(String) }]);
    expect(data.drafts).toEqual([expect.objectContaining({ id: draftId, version: 1, content: expect.objectContaining({ body: "offline thoughts" }), deletedAt: null })]);
    expect(data.uploads).toEqual([expect.objectContaining({ id: uploaded.body.id, byteSize: expect.any(Number), noteId: null })]);
    expect(data.linkedApps).toEqual([]);
    expect(data.reportsFiled).toEqual([
      {
        id: filed.body.id,
        category: "spam",
        comment: "looks like an ad",
        targetType: "note",
        targetId: life.othersNote.id,
        status: "open",
        createdAt: expect.any(String),
      },
    ]);

    // Nothing of anyone else's: no other phone, no hash of any password or token, no friend's comments or notes.
    const text = JSON.stringify(data);
    for (const secret of await everySecret()) {
      if (secret === e164(me.phone)) continue;
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.replace(/^\+86/, ""));
    }
    expect(text).not.toContain(me.token);
    expect(text).not.toContain("So cute 好可爱");
    expect(text).not.toContain("夜市");
    expect(text).not.toMatch(/pbkdf2|password/i);
  });

  it("pages through a heavy account in order without losing a row", async () => {
    const me = await createUser();
    const now = Date.now();
    const statements = Array.from({ length: 260 }, (_, i) =>
      env.DB.prepare(
        "INSERT INTO notes (id, author_id, title, body, language, language_source, media, created_at, updated_at) VALUES (?, ?, ?, '', 'en', 'author', '[]', ?, ?)",
      ).bind(`01JH7Z3V6N1Q2M8W4K5T${String(i).padStart(6, "0")}`, me.id, `note ${i}`, now, now),
    );
    await env.DB.batch(statements);
    const data = (await api("GET", "/v1/me/export", { token: me.token })).body;
    expect(data.notes.map((n: { title: string }) => n.title)).toEqual(Array.from({ length: 260 }, (_, i) => `note ${i}`));
    expect(data.account.counts.notes).toBe(260);
  });

  it("is only for the signed-in owner", async () => {
    expectError(await api("GET", "/v1/me/export"), 401, "unauthorized");
  });
});

describe("DELETE /v1/me", () => {
  it("needs the password again, and a wrong one deletes nothing", async () => {
    const me = await createUser();
    expectError(await api("DELETE", "/v1/me", { token: me.token }), 400, "validation_failed");
    const wrong = await api("DELETE", "/v1/me", { token: me.token, body: { password: "not my password" } });
    expect(expectError(wrong, 403, "forbidden").message).toMatch(/not deleted/);
    expect((await api("GET", "/v1/me", { token: me.token })).status).toBe(200);
    expectError(await api("DELETE", "/v1/me", { body: { password: me.password } }), 401, "unauthorized");
  });

  it("deletes the account and leaves no trace of it in any table, with every counter exact", async () => {
    const life = await aLifeOnNoteBridge();
    const { me, friend, other } = life;
    const { watcher: onMine } = await watchReady(life.catNote.id);
    const { watcher: onOthers } = await watchReady(life.othersNote.id);
    const secondSession = await api("POST", "/v1/sessions", { body: { phone: me.phone, region: "CN", password: me.password } });
    // Reports I filed and reports about my note go with me too.
    const report = { targetType: "note", targetId: life.othersNote.id, category: "spam" };
    expect((await api("POST", "/v1/reports", { token: me.token, body: report })).status).toBe(201);
    const aboutMine = { targetType: "note", targetId: life.plainNote.id, category: "other" };
    expect((await api("POST", "/v1/reports", { token: friend.token, body: aboutMine })).status).toBe(201);

    expect((await api("DELETE", "/v1/me", { token: me.token, body: { password: me.password } })).status).toBe(204);

    // Every token stops working, and the number no longer signs in.
    expectError(await api("GET", "/v1/me", { token: me.token }), 401, "unauthorized");
    expectError(await api("GET", "/v1/me", { token: secondSession.body.token }), 401, "unauthorized");
    expectError(await api("POST", "/v1/sessions", { body: { phone: me.phone, region: "CN", password: me.password } }), 401, "unauthorized");
    expectError(await api("GET", `/v1/users/${me.id}`), 404, "not_found");
    expectError(await api("GET", `/v1/notes/${life.catNote.id}`), 404, "not_found");

    // My comment others replied to stays as an empty placeholder; their replies keep their place.
    const placeholder = await api("GET", `/v1/comments/${life.comments.repliedTo.id}`);
    expect(placeholder.body).toMatchObject({ deleted: true, body: "", author: { nickname: "[deleted]" }, replyCount: 1 });
    expect(placeholder.body.author.id).not.toBe(me.id);
    const replies = await api("GET", `/v1/comments/${life.comments.repliedTo.id}/replies`);
    expect(replies.body.items.map((c: { id: string }) => c.id)).toEqual([life.comments.friendsReply.id]);
    // My other comments are gone; an answer to my reply stays, without the mention of me.
    expectError(await api("GET", `/v1/comments/${life.comments.alone.id}`), 404, "not_found");
    expectError(await api("GET", `/v1/comments/${life.comments.myReply.id}`), 404, "not_found");
    const answer = await api("GET", `/v1/comments/${life.comments.answerToMe.id}`);
    expect(answer.body).toMatchObject({ deleted: false, replyTo: null, parentId: life.comments.friendsTop.id });
    // The receipt I stamped keeps its number, without my name.
    const receipts = await api("GET", `/v1/notes/${life.othersNote.id}/cat-tax-receipts`);
    expect(receipts.body.items).toEqual([expect.objectContaining({ serial: 1, stamper: null })]);

    // Counters: everyone's are exact, and the people I touched see it.
    expect(await wrongCounters()).toEqual(noWrongCounters);
    expect((await api("GET", `/v1/users/${friend.id}`)).body).toMatchObject({ followerCount: 0, followingCount: 0 });
    expect((await api("GET", `/v1/notes/${life.othersNote.id}`)).body).toMatchObject({
      likeCount: 0,
      collectCount: 0,
      commentCount: 4, // the placeholder, the friend's reply under it, the friend's comment and its answer
      receiptCount: 1,
    });
    expect((await api("GET", `/v1/topics/${life.topic}`)).body.noteCount).toBe(0);

    // No table holds my id or my number anywhere.
    const dump = await everyTable();
    for (const [table, rows] of Object.entries(dump)) {
      expect(rows, table).not.toContain(me.id);
      expect(rows, table).not.toContain(e164(me.phone));
      expect(rows, table).not.toContain(me.phone.replaceAll(" ", ""));
      expect(rows, table).not.toContain(life.comments.repliedTo.body);
      expect(rows, table).not.toContain(life.comments.alone.body);
    }
    expect(Object.keys(dump)).toEqual(expect.arrayContaining(["users", "comments", "cat_tax_receipts", "idempotency_keys", "thread_outbox"]));

    // Live threads: my note's closes; the other one retracts my comments and keeps no copy of them.
    await onMine.waitFor((m) => m.type === "note.deleted");
    await onMine.waitForClose();
    await onOthers.waitFor((m) => m.type === "comment.deleted" && m.commentId === life.comments.alone.id);
    await onOthers.waitFor((m) => m.type === "comment.edited" && m.comment.id === life.comments.repliedTo.id && m.comment.deleted);
    await vi.waitFor(async () => {
      await runInDurableObject(env.NOTE_THREAD.getByName(life.othersNote.id), async (_instance, state) => {
        const events = JSON.stringify(state.storage.sql.exec("SELECT * FROM events").toArray());
        expect(events).not.toContain(me.id);
        expect(events).not.toContain(life.comments.repliedTo.body);
        expect(events).not.toContain(life.comments.alone.body);
      });
    });
    // The cat tax counter of the note I stamped forgets who stamped.
    await vi.waitFor(async () => {
      await runInDurableObject(env.CAT_TAX_COUNTER.getByName(life.othersNote.id), async (_instance, state) => {
        expect(JSON.stringify(state.storage.sql.exec("SELECT * FROM receipts").toArray())).not.toContain(me.id);
      });
    });
    onOthers.close();
    // Others carry on as before.
    expect((await api("POST", `/v1/notes/${life.othersNote.id}/comments`, { token: other.token, body: { body: "still here" } })).status).toBe(201);
  });
});

describe("IP addresses and secrets", () => {
  it("are never stored beyond the region shown, and never answered to anyone else", async () => {
    const life = await aLifeOnNoteBridge();
    const dump = JSON.stringify(await everyTable());
    // Test requests come from 10.x.y.z addresses (helpers) and the documentation ranges.
    expect(dump).not.toMatch(/\b10\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
    expect(dump).not.toMatch(/\b(198\.51\.100|203\.0\.113)\.\d{1,3}\b/);
    const responses = [
      await api("GET", `/v1/users/${life.me.id}`, { token: life.friend.token }),
      await api("GET", `/v1/me/export`, { token: life.friend.token }),
      await api("GET", `/v1/me/blocks`, { token: life.me.token }),
      await api("GET", `/v1/notes/${life.othersNote.id}/comments`, { token: life.friend.token }),
    ].map((r) => JSON.stringify(r.body));
    for (const secret of await everySecret()) {
      for (const body of responses) {
        if (body.includes(`"phone":"${secret}"`)) continue; // the friend's own number in their own export
        expect(body).not.toContain(secret);
      }
    }
  });
});
