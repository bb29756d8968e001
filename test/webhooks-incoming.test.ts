import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import worker from "../src/index";
import { api, createUser, expectError } from "./helpers";
import { createAdmin, importPayload, newWebhookId, registerApp, rowCount, sender, verdict } from "./webhook-helpers";

const postNote = async (token: string, body = "Lili in the snow") => (await api("POST", "/v1/notes", { token, body: { body } })).body;
/** Decisions in the moderation audit log (the same log staff decisions go to). */
const auditRows = (targetId: string) =>
  rowCount("SELECT count(*) AS n FROM moderation_audit WHERE target_id = ? AND action LIKE 'resolve.%'", targetId);
const visibilityOf = async (table: "notes" | "comments", id: string) =>
  (await env.DB.prepare(`SELECT visibility, moderation_reason AS reason FROM ${table} WHERE id = ?`).bind(id).first<{ visibility: string; reason: string | null }>())!;
const sha256Hex = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, "0")).join("");
const receiptRows = (webhookId: string) => rowCount("SELECT count(*) AS n FROM webhook_receipts WHERE webhook_id = ?", webhookId);

describe("moderation.verdict", () => {
  it("hides a note once, records the app as the actor, and answers a replay an hour later as the first time", async () => {
    const [admin, author] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin, { incomingEvents: ["moderation.verdict"] });
    const note = await postNote(author.token);
    const moderator = sender(app.name, app.secret);

    const first = await moderator.send(verdict({ type: "note", id: note.id }, "hide", "Spam: repeated links"));
    expect(first.response.status).toBe(200);
    expect(first.response.body).toEqual({
      webhookId: first.id,
      type: "moderation.verdict",
      outcome: "applied",
      target: { type: "note", id: note.id },
      action: "hide",
      visibility: "hidden",
      caseId: expect.any(String),
    });
    expect(await visibilityOf("notes", note.id)).toEqual({ visibility: "hidden", reason: "Spam: repeated links" });
    // Applied through the same code as a staff decision: the case is resolved and the app is the audited actor.
    const audit = await env.DB.prepare("SELECT actor, action, case_id, reason FROM moderation_audit WHERE target_id = ? AND action LIKE 'resolve.%'")
      .bind(note.id)
      .all();
    expect(audit.results).toEqual([{ actor: `app:${app.app.id}`, action: "resolve.hide", case_id: first.response.body.caseId, reason: "Spam: repeated links" }]);
    expect((await api("GET", `/v1/notes/${note.id}`)).status).toBe(404);

    // Staff restore the note; then the sender retries its old delivery an hour later, re-signed now.
    await env.DB.prepare("UPDATE notes SET visibility = 'visible' WHERE id = ?").bind(note.id).run();
    await env.DB.prepare("UPDATE webhook_receipts SET received_at = received_at - 3600000 WHERE webhook_id = ?").bind(first.id).run();
    const replay = await moderator.send(undefined, { id: first.id, body: first.body });
    expect(replay.response.status).toBe(200);
    expect(replay.response.body).toEqual(first.response.body);
    expect(replay.response.headers.get("Webhook-Replayed")).toBe("true");
    expect((await visibilityOf("notes", note.id)).visibility).toBe("visible");
    expect(await auditRows(note.id)).toBe(1);
  });

  it("applies two identical deliveries sent at the same moment exactly once", async () => {
    const [admin, author] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin);
    const note = await postNote(author.token);
    const comment = (await api("POST", `/v1/notes/${note.id}/comments`, { token: author.token, body: { body: "buy now!!" } })).body;
    const moderator = sender(app.name, app.secret);
    const id = newWebhookId();
    const body = JSON.stringify(verdict({ type: "comment", id: comment.id }, "remove", "Scam"));
    const [a, b] = await Promise.all([moderator.send(undefined, { id, body }), moderator.send(undefined, { id, body })]);
    expect([a.response.status, b.response.status]).toEqual([200, 200]);
    expect(a.response.body).toEqual(b.response.body);
    expect(await auditRows(comment.id)).toBe(1);
    expect(await receiptRows(id)).toBe(1);
    expect(await visibilityOf("comments", comment.id)).toEqual({ visibility: "removed", reason: "Scam" });
  });

  it("applies a verdict whose first copy was claimed by an isolate that died before applying it", async () => {
    const [admin, author] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin);
    const note = await postNote(author.token);
    const moderator = sender(app.name, app.secret);
    const id = newWebhookId();
    const body = JSON.stringify(verdict({ type: "note", id: note.id }, "hide", "Spam"));
    // What a dead isolate leaves: the claim, still "applying", two minutes old, and nothing applied.
    await env.DB.prepare(
      "INSERT INTO webhook_receipts (app_id, webhook_id, claim_token, event_type, body_hash, status, response_status, response_body, received_at) VALUES (?, ?, 'dead', 'moderation.verdict', ?, 'applying', 200, '{}', ?)",
    )
      .bind(app.app.id, id, await sha256Hex(body), Date.now() - 120_000)
      .run();
    const retried = await moderator.send(undefined, { id, body });
    expect(retried.response.status).toBe(200);
    expect(retried.response.body).toMatchObject({ outcome: "applied", visibility: "hidden" });
    expect((await visibilityOf("notes", note.id)).visibility).toBe("hidden");
    expect(await auditRows(note.id)).toBe(1);
  });

  it("never hides content in the cultural buffer: the verdict waits in the queue for a human mediator", async () => {
    const [admin, author] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin);
    const posted = await api("POST", "/v1/notes", { token: author.token, body: { body: "台北夜市的烟火气" }, cf: { country: "TW" } });
    expect(posted.status).toBe(201);
    const moderator = sender(app.name, app.secret);
    const hidden = await moderator.send(verdict({ type: "note", id: posted.body.id }, "hide", "Flagged by a classifier"));
    expect(hidden.response.status).toBe(200);
    expect(hidden.response.body).toMatchObject({ outcome: "referred_to_mediator", visibility: "visible" });
    expect((await visibilityOf("notes", posted.body.id)).visibility).toBe("visible");
    expect(await auditRows(posted.body.id)).toBe(0);
    const queue = await api("GET", "/v1/moderation/cases?limit=50", { token: admin.token });
    const open = queue.body.items.find((item: { targetId: string }) => item.targetId === posted.body.id);
    expect(open).toMatchObject({ id: hidden.response.body.caseId, status: "open", culturalBuffer: true });
  });

  it("keeps hidden content visible again, and says so when the target is gone", async () => {
    const [admin, author] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin);
    const note = await postNote(author.token);
    await env.DB.prepare("UPDATE notes SET visibility = 'hidden', moderation_reason = 'pending review' WHERE id = ?").bind(note.id).run();
    const moderator = sender(app.name, app.secret);
    const kept = await moderator.send(verdict({ type: "note", id: note.id }, "keep"));
    expect(kept.response.body).toMatchObject({ outcome: "applied", visibility: "visible" });
    expect(await visibilityOf("notes", note.id)).toEqual({ visibility: "visible", reason: null });

    const gone = await moderator.send(verdict({ type: "note", id: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }, "remove"));
    expect(gone.response.status).toBe(200);
    expect(gone.response.body).toMatchObject({ outcome: "target_not_found", visibility: null });
  });
});

describe("rejections change nothing", () => {
  it("refuses forged, missing and stale signatures with 401, and accepts any one valid signature among several", async () => {
    const [admin, author] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin);
    const other = await registerApp(admin);
    const note = await postNote(author.token);
    const payload = verdict({ type: "note", id: note.id }, "remove");
    const moderator = sender(app.name, app.secret);

    const forged = await sender(app.name, other.secret).send(payload);
    expect(expectError(forged.response, 401, "invalid_signature").message).toMatch(/signature/);
    const missing = await moderator.send(payload, { headers: { "webhook-signature": "" } });
    expectError(missing.response, 401, "invalid_signature");
    const signed = await moderator.send(payload, { headers: { "webhook-signature": "v1,AAAA" } });
    expectError(signed.response, 401, "invalid_signature");
    const old = await moderator.send(payload, { at: new Date(Date.now() - 6 * 60_000) });
    expect(expectError(old.response, 401, "invalid_signature").message).toMatch(/5 minutes/);
    const future = await moderator.send(payload, { at: new Date(Date.now() + 6 * 60_000) });
    expectError(future.response, 401, "invalid_signature");
    expect((await visibilityOf("notes", note.id)).visibility).toBe("visible");
    for (const attempt of [forged, missing, signed, old, future]) expect(await receiptRows(attempt.id)).toBe(0);

    // A body changed after signing fails; any valid v1 among several passes.
    const id = newWebhookId();
    const at = new Date();
    const body = JSON.stringify(payload);
    const valid = moderator.signer.sign(id, at, body);
    const bodyChanged = await api("POST", `/v1/webhooks/${app.name}`, {
      rawBody: body.replace("remove", "keep  "),
      headers: { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": valid },
    });
    expectError(bodyChanged, 401, "invalid_signature");
    const several = await api("POST", `/v1/webhooks/${app.name}`, {
      rawBody: body,
      headers: { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": `v1,bm90IGl0 v2,abc ${valid}` },
    });
    expect(several.status).toBe(200);
    expect((await visibilityOf("notes", note.id)).visibility).toBe("removed");
  });

  it("answers 404 for an unknown app, 403 for an event type the app may not send, 422 naming the field", async () => {
    const [admin, author] = await Promise.all([createAdmin(), createUser()]);
    const importer = await registerApp(admin, { incomingEvents: ["content.import"] });
    const note = await postNote(author.token);

    expectError((await sender("no-such-app", importer.secret).send(verdict({ type: "note", id: note.id }, "hide"))).response, 404, "not_found");
    expectError((await sender("No_Such_App", importer.secret).send(verdict({ type: "note", id: note.id }, "hide"))).response, 404, "not_found");
    const notAllowed = await sender(importer.name, importer.secret).send(verdict({ type: "note", id: note.id }, "hide"));
    expect(expectError(notAllowed.response, 403, "forbidden").message).toContain("moderation.verdict");

    const moderator = await registerApp(admin, { incomingEvents: ["moderation.verdict"] });
    const send = sender(moderator.name, moderator.secret);
    const noAction = await send.send({ type: "moderation.verdict", data: { target: { type: "note", id: note.id } } });
    const error = expectError(noAction.response, 422, "invalid_webhook_payload");
    expect(error.details).toEqual([expect.objectContaining({ field: "data.action", location: "body" })]);
    const badTarget = await send.send({ type: "moderation.verdict", data: { target: { type: "user", id: note.id }, action: "hide" } });
    expect(expectError(badTarget.response, 422, "invalid_webhook_payload").details![0]!.field).toBe("data.target.type");
    const notJson = await send.send(undefined, { body: "{not json" });
    expect(expectError(notJson.response, 422, "invalid_webhook_payload").details![0]!.field).toBe("(root)");
    const noType = await send.send({ data: {} });
    expect(expectError(noType.response, 422, "invalid_webhook_payload").details![0]!.field).toBe("type");
    for (const attempt of [notAllowed, noAction, badTarget, notJson, noType]) expect(await receiptRows(attempt.id)).toBe(0);
    expect((await visibilityOf("notes", note.id)).visibility).toBe("visible");
  });

  it("refuses a body over 1 MB with 413, while an import far over the API's 64 KB goes through", async () => {
    const [admin, owner] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin);
    await api("PUT", `/v1/me/apps/${app.name}/link`, { token: owner.token });
    const send = sender(app.name, app.secret);
    const posts = Array.from({ length: 100 }, (_, i) => ({
      originalId: `big-${i}`,
      body: `Post ${i}: ${"my cat Lili says hello to all the fellow potatoes ".repeat(20)}`,
      createdAt: "2024-06-01T12:00:00Z",
    }));
    const big = await send.send(importPayload(owner.id, posts));
    expect(big.body.length).toBeGreaterThan(64 * 1024);
    expect(big.response.status, JSON.stringify(big.response.body)).toBe(202);
    expect(big.response.body).toMatchObject({ accepted: 100, rejected: [] });

    const tooBig = await send.send(importPayload(owner.id, [{ originalId: "x", body: "a".repeat(1024 * 1024), createdAt: "2024-06-01T12:00:00Z" }]));
    expectError(tooBig.response, 413, "payload_too_large");
    expect(await receiptRows(tooBig.id)).toBe(0);
  });
});

it("documents the webhook body and every answer in the OpenAPI document", async () => {
  const doc = (await api("GET", "/openapi.json")).body;
  const operation = doc.paths["/v1/webhooks/{app}"].post;
  expect(operation.operationId).toBe("receiveWebhook");
  // Request bodies are inlined in the document (so defaulted fields stay optional in generated clients).
  const body = operation.requestBody.content["application/json"].schema;
  const types = body.oneOf.map((event: { properties: { type: { enum: string[] } } }) => event.properties.type.enum).flat();
  expect(types.sort()).toEqual(["content.import", "moderation.verdict"]);
  expect(Object.keys(operation.responses).sort()).toEqual(["200", "202", "400", "401", "403", "404", "409", "413", "422", "503"]);
});

describe("secret rotation", () => {
  it("keeps an old secret working beside a new one until it is removed, and never shows or stores a secret in plain text", async () => {
    const [admin, author] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin);
    const added = await api("POST", `/v1/admin/webhook-apps/${app.name}/secrets`, { token: admin.token });
    expect(added.status).toBe(201);
    expect(added.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const note = await postNote(author.token);
    const keep = () => verdict({ type: "note", id: note.id }, "keep");

    expect((await sender(app.name, app.secret).send(keep())).response.status).toBe(200);
    expect((await sender(app.name, added.body.secret).send(keep())).response.status).toBe(200);

    const list = await api("GET", "/v1/admin/webhook-apps?limit=50", { token: admin.token });
    const listed = list.body.items.find((a: { name: string }) => a.name === app.name);
    expect(listed.secrets.map((s: { id: string }) => s.id)).toEqual([app.secretId, added.body.id]);
    expect(JSON.stringify(list.body)).not.toContain("whsec_");

    const stored = await env.DB.prepare("SELECT ciphertext FROM webhook_app_secrets WHERE app_id = ?").bind(app.app.id).all<{ ciphertext: string }>();
    for (const { ciphertext } of stored.results) {
      expect(ciphertext).toMatch(/^v1\./);
      for (const secret of [app.secret, added.body.secret]) expect(ciphertext).not.toContain(secret.slice(6, 20));
    }

    expect((await api("DELETE", `/v1/admin/webhook-apps/${app.name}/secrets/${app.secretId}`, { token: admin.token })).status).toBe(204);
    expectError((await sender(app.name, app.secret).send(keep())).response, 401, "invalid_signature");
    expect((await sender(app.name, added.body.secret).send(keep())).response.status).toBe(200);
    expectError(await api("DELETE", `/v1/admin/webhook-apps/${app.name}/secrets/${added.body.id}`, { token: admin.token }), 409, "conflict");
  });

  it("lets only admins manage apps", async () => {
    const user = await createUser();
    expectError(await api("POST", "/v1/admin/webhook-apps", { token: user.token, body: { name: "sneaky-app" } }), 403, "forbidden");
    expectError(await api("GET", "/v1/admin/webhook-apps", { token: user.token }), 403, "forbidden");
    expectError(await api("GET", "/v1/admin/webhook-apps"), 401, "unauthorized");
    const admin = await createAdmin();
    const app = await registerApp(admin);
    expectError(await api("POST", "/v1/admin/webhook-apps", { token: admin.token, body: { name: app.name } }), 409, "conflict");
  });
});

describe("content.import", () => {
  const waitForImport = (webhookId: string) =>
    vi.waitFor(
      async () => {
        const row = await env.DB.prepare("SELECT status, result FROM webhook_receipts WHERE webhook_id = ?").bind(webhookId).first<{ status: string; result: string }>();
        expect(row?.status).toBe("imported");
        return JSON.parse(row!.result) as { originalId: string; outcome: string; noteId: string | null }[];
      },
      { timeout: 10_000, interval: 100 },
    );

  it("imports posts only into an account that linked the app, keeping media, topics and the original date, each once", async () => {
    const [admin, owner] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin, { incomingEvents: ["content.import"] });
    const send = sender(app.name, app.secret);
    const posts = [
      {
        originalId: "7301",
        title: "Lili's first snow",
        body: "My cat Lili sees snow for the first time ❄️ #cattax",
        media: [{ type: "video", url: "https://cdn.example.com/lili.mp4", width: 1080, height: 1920 }],
        topics: ["cats"],
        createdAt: "2023-12-24T18:30:00Z",
      },
      { originalId: "7302", body: "我的仙人掌开花了 #cactus", createdAt: "2024-03-01T08:00:00+08:00" },
      { originalId: "7303", body: "no date" },
    ];

    const refused = await send.send(importPayload(owner.id, posts));
    expect(expectError(refused.response, 403, "forbidden").message).toMatch(/linked/);
    const link = await api("PUT", `/v1/me/apps/${app.name}/link`, { token: owner.token });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ app: app.name });
    expect((await api("PUT", `/v1/me/apps/${app.name}/link`, { token: owner.token })).body.linkedAt).toBe(link.body.linkedAt);
    expect((await api("GET", "/v1/me/apps", { token: owner.token })).body).toEqual({ items: [link.body], nextCursor: null });
    expectError(await api("PUT", "/v1/me/apps/no-such-app/link", { token: owner.token }), 404, "not_found");

    const first = await send.send(importPayload(owner.id, posts));
    expect(first.response.status).toBe(202);
    expect(first.response.body).toEqual({
      webhookId: first.id,
      type: "content.import",
      status: "queued",
      accepted: 2,
      rejected: [{ index: 2, originalId: "7303", field: "data.posts.2.createdAt", message: expect.any(String) }],
    });
    const outcomes = await waitForImport(first.id);
    expect(outcomes.map((o) => [o.originalId, o.outcome])).toEqual([["7301", "created"], ["7302", "created"]]);

    const notes = (await api("GET", `/v1/users/${owner.id}/notes`)).body.items;
    expect(notes).toHaveLength(2);
    const lili = notes.find((n: { imported: { originalId: string } }) => n.imported.originalId === "7301");
    expect(lili).toMatchObject({
      title: "Lili's first snow",
      media: [{ type: "video", url: "https://cdn.example.com/lili.mp4", width: 1080, height: 1920 }],
      topics: ["cats", "cattax"],
      isCatNote: true,
      language: "en",
      imported: { source: "tiktok", originalId: "7301" },
      createdAt: "2023-12-24T18:30:00.000Z",
    });
    const cactus = notes.find((n: { imported: { originalId: string } }) => n.imported.originalId === "7302");
    expect(cactus).toMatchObject({ language: "zh-Hans", topics: ["cactus"], createdAt: "2024-03-01T00:00:00.000Z" });
    // Imported notes are found by search like notes posted here, Chinese words included.
    const found = await api("GET", "/v1/search?q=仙人掌&type=notes");
    expect(found.body.items.map((n: { id: string }) => n.id)).toContain(cactus.id);

    // The same posts again under a new webhook-id, and the same delivery again: nothing twice.
    const again = await send.send(importPayload(owner.id, posts.slice(0, 2)));
    expect(again.response.status).toBe(202);
    expect((await waitForImport(again.id)).map((o) => o.outcome)).toEqual(["already_imported", "already_imported"]);
    const replay = await send.send(undefined, { id: first.id, body: first.body });
    expect(replay.response.body).toEqual(first.response.body);
    expect(await rowCount("SELECT count(*) AS n FROM notes WHERE author_id = ?", owner.id)).toBe(2);

    expect((await api("DELETE", `/v1/me/apps/${app.name}/link`, { token: owner.token })).status).toBe(204);
    expect((await api("GET", "/v1/me/apps", { token: owner.token })).body.items).toEqual([]);
    expectError((await send.send(importPayload(owner.id, posts))).response, 403, "forbidden");
  });

  it("imports once when the same import arrives twice at the same moment", async () => {
    const [admin, owner] = await Promise.all([createAdmin(), createUser()]);
    const app = await registerApp(admin);
    await api("PUT", `/v1/me/apps/${app.name}/link`, { token: owner.token });
    const send = sender(app.name, app.secret);
    const id = newWebhookId();
    const posts = Array.from({ length: 5 }, (_, i) => ({ originalId: `dup-${i}`, body: `post ${i}`, createdAt: "2024-01-0" + (i + 1) + "T00:00:00Z" }));
    const body = JSON.stringify(importPayload(owner.id, posts));
    const [a, b] = await Promise.all([send.send(undefined, { id, body }), send.send(undefined, { id, body })]);
    expect([a.response.status, b.response.status]).toEqual([202, 202]);
    expect(a.response.body).toEqual(b.response.body);
    await waitForImport(id);
    expect(await rowCount("SELECT count(*) AS n FROM notes WHERE author_id = ?", owner.id)).toBe(5);
  });
});

it("the hourly sweep queues an import whose queue message was lost, and it is applied once", async () => {
  const [admin, owner] = await Promise.all([createAdmin(), createUser()]);
  const app = await registerApp(admin, { incomingEvents: ["content.import"] });
  await api("PUT", `/v1/me/apps/${app.name}/link`, { token: owner.token });
  const webhookId = newWebhookId();
  const payload = { account: owner.id, source: "douyin", posts: [{ originalId: "lost-1", title: "", body: "夜市 #food", media: [], topics: [], createdAt: "2024-02-10T12:00:00Z" }] };
  // As if the worker recorded the delivery and then failed to queue it, 20 minutes ago.
  await env.DB.prepare(
    "INSERT INTO webhook_receipts (app_id, webhook_id, claim_token, event_type, body_hash, status, response_status, response_body, payload, received_at) VALUES (?, ?, 't', 'content.import', 'h', 'queued', 202, '{}', ?, ?)",
  )
    .bind(app.app.id, webhookId, JSON.stringify(payload), Date.now() - 20 * 60_000)
    .run();

  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "17 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
  await vi.waitFor(async () => {
    const row = await env.DB.prepare("SELECT status FROM webhook_receipts WHERE webhook_id = ?").bind(webhookId).first<{ status: string }>();
    expect(row?.status).toBe("imported");
  }, { timeout: 10_000, interval: 100 });
  const notes = (await api("GET", `/v1/users/${owner.id}/notes`)).body.items;
  expect(notes).toEqual([expect.objectContaining({ body: "夜市 #food", topics: ["food"], imported: { source: "douyin", originalId: "lost-1" } })]);
});

it("does not apply a queued import after the account owner unlinked the app", async () => {
  const [admin, owner] = await Promise.all([createAdmin(), createUser()]);
  const app = await registerApp(admin, { incomingEvents: ["content.import"] });
  const webhookId = newWebhookId();
  const payload = { account: owner.id, source: "tiktok", posts: [{ originalId: "late-1", title: "", body: "too late", media: [], topics: [], createdAt: "2024-02-10T12:00:00Z" }] };
  // Recorded while linked; the owner unlinked before the queue got to it.
  await env.DB.prepare(
    "INSERT INTO webhook_receipts (app_id, webhook_id, claim_token, event_type, body_hash, status, response_status, response_body, payload, received_at) VALUES (?, ?, 't', 'content.import', 'h', 'queued', 202, '{}', ?, ?)",
  )
    .bind(app.app.id, webhookId, JSON.stringify(payload), Date.now())
    .run();
  const batch = createMessageBatch("notebridge-webhooks", [{ id: "m1", timestamp: new Date(), attempts: 1, body: { kind: "import", appId: app.app.id, webhookId } }]);
  const ctx = createExecutionContext();
  await worker.queue(batch as never, env, ctx);
  expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["m1"]);
  const row = await env.DB.prepare("SELECT status, result, payload FROM webhook_receipts WHERE webhook_id = ?").bind(webhookId).first<{ status: string; result: string; payload: string | null }>();
  expect(row!.status).toBe("imported");
  expect(row!.payload).toBeNull();
  expect(JSON.parse(row!.result)).toEqual([{ originalId: "late-1", outcome: "failed", noteId: null, error: "The account unlinked the app before the import ran" }]);
  expect(await rowCount("SELECT count(*) AS n FROM notes WHERE author_id = ?", owner.id)).toBe(0);
});
