import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../src/index";
import { RETRY_DELAYS_SECONDS } from "../src/webhooks/outgoing/deliver";
import { fakeReceiver } from "./fake-receiver";
import { api, createUser, expectError, type TestUser } from "./helpers";
import { watchReady } from "./live-helpers";
import { caseAbout, report, resolve, staffMember } from "./moderation-helpers";
import { createAdmin, registerApp, uniqueAppName } from "./webhook-helpers";

let receiver: ReturnType<typeof fakeReceiver>;
let admin: TestUser;
beforeEach(async () => {
  receiver = fakeReceiver();
  admin ??= await createAdmin();
});
afterEach(() => vi.restoreAllMocks());

/** An app subscribed to `events` at a fresh receiver path that verifies with its secrets. */
async function subscribedApp(events: string[]) {
  const path = `/hooks/${uniqueAppName("r")}`;
  const app = await registerApp(admin, { subscriptions: [{ url: receiver.endpoint(path, []), events }] });
  receiver.setSecrets(path, [app.secret]);
  return { ...app, path, subscriptionId: app.app.subscriptions[0].id as string };
}

const deliveries = async (app: string, query = "") => (await api("GET", `/v1/admin/webhook-apps/${app}/deliveries${query}`, { token: admin.token })).body;
const postNote = async (user: TestUser, body: string) => (await api("POST", "/v1/notes", { token: user.token, body: { body } })).body;
const soon = { timeout: 15_000, interval: 100 };

/**
 * Runs the worker's real queue() handler on one message, as the queue would on its
 * n-th attempt. The test harness records retries but not their delay, so retry is watched.
 */
async function runQueue(queue: string, body: unknown, attempts = 1) {
  const batch = createMessageBatch(queue, [{ id: crypto.randomUUID(), timestamp: new Date(), attempts, body }]);
  const retry = vi.spyOn(batch.messages[0]!, "retry");
  const ctx = createExecutionContext();
  await worker.queue(batch as never, env, ctx);
  const result = await getQueueResult(batch, ctx);
  return { ...result, retryDelays: retry.mock.calls.map(([options]) => options?.delaySeconds ?? 0) };
}

/** A logged delivery of a note.deleted event, set up directly so only this test's calls attempt it. */
async function loggedDelivery(app: { app: { id: string }; subscriptionId: string }) {
  const eventId = `msg_${crypto.randomUUID()}`;
  const deliveryId = crypto.randomUUID().replaceAll("-", "").slice(0, 26).toUpperCase();
  const payload = JSON.stringify({ type: "note.deleted", timestamp: new Date().toISOString(), data: { note: { id: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" } } });
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO webhook_events (id, type, payload, created_at) VALUES (?, 'note.deleted', ?, ?)").bind(eventId, payload, now),
    env.DB.prepare(
      "INSERT INTO webhook_deliveries (id, event_id, subscription_id, app_id, status, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)",
    ).bind(deliveryId, eventId, app.subscriptionId, app.app.id, now, now),
  ]);
  return { eventId, deliveryId };
}

describe("outgoing deliveries", () => {
  it("sign every attempt with Standard Webhooks, with every active secret, and retry 500 then 200 under the same webhook-id", async () => {
    const app = await subscribedApp(["note.created"]);
    const second = await api("POST", `/v1/admin/webhook-apps/${app.name}/secrets`, { token: admin.token });
    receiver.setSecrets(app.path, [app.secret, second.body.secret]);
    receiver.reply(app.path, 500, 200);
    const author = await createUser();
    const note = await postNote(author, "Lili pays her cat tax #cattax");

    await vi.waitFor(() => expect(receiver.at(app.path)).toHaveLength(2), soon);
    const [first, retry] = receiver.at(app.path);
    expect(first!.webhookId).toMatch(/^msg_/);
    expect(retry!.webhookId).toBe(first!.webhookId);
    expect(retry!.body).toEqual(first!.body);
    expect(first!.verifiedBy).toEqual([0, 1]);
    expect(retry!.verifiedBy).toEqual([0, 1]);
    expect(first!.signature.split(" ")).toHaveLength(2);
    expect(retry!.at - first!.at).toBeGreaterThanOrEqual(RETRY_DELAYS_SECONDS[0]! * 0.8 * 1000 - 500);
    expect(first!.body).toMatchObject({
      type: "note.created",
      data: { note: { id: note.id, body: "Lili pays her cat tax #cattax", topics: ["cattax"], author: { id: author.id, nickname: author.nickname } } },
    });
    expect(JSON.stringify(first!.body)).not.toContain(author.phone.replaceAll(" ", ""));

    await vi.waitFor(async () => expect((await deliveries(app.name)).items[0]).toMatchObject({ status: "delivered" }), soon);
    expect((await deliveries(app.name)).items).toEqual([
      expect.objectContaining({ webhookId: first!.webhookId, eventType: "note.created", status: "delivered", attempts: 2, lastResponseStatus: 200, nextAttemptAt: null }),
    ]);
  }, 30_000);

  it("send nothing about hidden, deleted or a suspended author's content, and only an id when a note is deleted", async () => {
    const app = await subscribedApp(["note.created", "comment.created", "note.deleted"]);
    const [author, suspended] = await Promise.all([createUser(), createUser()]);
    await env.DB.prepare("UPDATE users SET suspended_until = ? WHERE id = ?").bind(Date.now() + 86_400_000, suspended.id).run();
    const hidden = await postNote(author, "hidden soon");
    await env.DB.prepare("UPDATE notes SET visibility = 'hidden' WHERE id = ?").bind(hidden.id).run();
    const onHidden = await api("POST", `/v1/notes/${hidden.id}/comments`, { token: author.token, body: { body: "a comment under a hidden note" } });
    expect(onHidden.status).toBe(201);
    const deleted = await postNote(author, "gone soon");
    expect((await api("DELETE", `/v1/notes/${deleted.id}`, { token: author.token })).status).toBe(204);
    const bySuspended = await postNote(suspended, "written before the suspension");
    // Written last: once it has arrived, everything queued before it has been handled.
    const visible = await postNote(author, "a visible note");

    await vi.waitFor(() => expect(receiver.at(app.path).map((r) => r.body.data.note?.id)).toContain(visible.id), soon);
    await vi.waitFor(() => expect(receiver.at(app.path).some((r) => r.body.type === "note.deleted")).toBe(true), soon);
    const sent = receiver.at(app.path).map((r) => r.body);
    expect(sent.map((b) => b.type).sort()).toEqual(["note.created", "note.deleted"]);
    expect(sent.find((b) => b.type === "note.deleted").data).toEqual({ note: { id: deleted.id }, deletedAt: expect.any(String) });
    for (const id of [hidden.id, onHidden.body.id, bySuspended.id]) expect(JSON.stringify(sent)).not.toContain(id);
  });

  it("tell subscribers of new comments and cat tax receipts, with only what anyone may read", async () => {
    const app = await subscribedApp(["comment.created", "cat_tax.stamped"]);
    const [owner, fan] = await Promise.all([createUser(), createUser()]);
    const note = (await api("POST", "/v1/notes", { token: owner.token, body: { body: "Lili says hi #cattax", catName: "Lili" } })).body;
    const comment = (await api("POST", `/v1/notes/${note.id}/comments`, { token: fan.token, body: { body: "好可爱! 🐱" } })).body;
    const stamped = await api("POST", `/v1/notes/${note.id}/cat-tax-receipts`, { token: fan.token });
    expect(stamped.status).toBe(201);
    expect((await api("POST", `/v1/notes/${note.id}/cat-tax-receipts`, { token: fan.token })).status).toBe(200);

    await vi.waitFor(() => expect(receiver.at(app.path)).toHaveLength(2), soon);
    const byType = Object.fromEntries(receiver.at(app.path).map((r) => [r.body.type, r]));
    expect(byType["comment.created"]!.body.data).toEqual({
      comment: {
        id: comment.id,
        noteId: note.id,
        parentId: null,
        author: { id: fan.id, nickname: fan.nickname },
        body: "好可爱! 🐱",
        language: comment.language,
        createdAt: comment.createdAt,
      },
    });
    expect(byType["cat_tax.stamped"]!.body.data).toMatchObject({
      receipt: { noteId: note.id, serial: 1, text: stamped.body.text, stamper: { id: fan.id, nickname: fan.nickname } },
      note: { id: note.id, catName: "Lili", receiptCount: 1 },
    });
    expect(byType["comment.created"]!.webhookId).not.toBe(byType["cat_tax.stamped"]!.webhookId);
    for (const r of receiver.at(app.path)) expect(r.verifiedBy).toEqual([0]);
  });

  it("tell subscribers how a report was resolved, without who reported it", async () => {
    const app = await subscribedApp(["report.resolved"]);
    const [author, reporter] = await Promise.all([createUser(), createUser()]);
    const moderator = await staffMember(admin, "moderator");
    const note = await postNote(author, "buy followers here");
    await report(reporter, "note", note.id, "spam");
    const open = await caseAbout(moderator, note.id);
    expect((await resolve(moderator, open!.id, { action: "remove", reason: "Spam" })).status).toBe(200);

    await vi.waitFor(() => expect(receiver.at(app.path)).toHaveLength(1), soon);
    const [delivery] = receiver.at(app.path);
    expect(delivery!.body.type).toBe("report.resolved");
    expect(delivery!.body.data).toEqual({ report: { caseId: open!.id, targetType: "note", targetId: note.id, outcome: "remove" } });
    expect(JSON.stringify(delivery!.body)).not.toContain(reporter.id);
    expect(delivery!.verifiedBy).toEqual([0]);
  });

  it("tell subscribers of a comment posted over a live thread's WebSocket too", async () => {
    const app = await subscribedApp(["comment.created"]);
    const [owner, fan] = await Promise.all([createUser(), createUser()]);
    const note = await postNote(owner, "live thread");
    const { watcher } = await watchReady(note.id);
    watcher.send({ type: "auth", token: fan.token });
    await watcher.waitFor((m) => m.type === "authenticated");
    watcher.send({ type: "comment", ref: "w1", body: "Posted live 🐱" });
    const accepted = await watcher.waitFor((m) => m.type === "comment.accepted");
    watcher.close();
    await vi.waitFor(() => expect(receiver.at(app.path)).toHaveLength(1), soon);
    expect(receiver.at(app.path)[0]!.body.data.comment).toMatchObject({ id: accepted.commentId, body: "Posted live 🐱", author: { id: fan.id } });
  });

  it("never send content hidden after its event on a later retry", async () => {
    const app = await subscribedApp(["note.created"]);
    receiver.reply(app.path, 503);
    const note = await postNote(await createUser(), "soon to be hidden");
    await vi.waitFor(() => expect(receiver.at(app.path)).toHaveLength(1), soon);
    await env.DB.prepare("UPDATE notes SET visibility = 'hidden' WHERE id = ?").bind(note.id).run();
    await vi.waitFor(async () => expect((await deliveries(app.name)).items[0]).toMatchObject({ status: "cancelled" }), soon);
    expect((await deliveries(app.name)).items[0]).toMatchObject({ attempts: 1, lastResponseStatus: 503, lastError: "The content is no longer public" });
    expect(receiver.at(app.path)).toHaveLength(1);
  }, 30_000);

  it("retry after growing delays with jitter, dead-letter after the last try, and can be re-sent", async () => {
    const app = await subscribedApp(["note.deleted"]);
    const { eventId, deliveryId } = await loggedDelivery(app);
    for (let attempt = 1; attempt <= RETRY_DELAYS_SECONDS.length; attempt++) {
      receiver.reply(app.path, 500);
      const result = await runQueue("notebridge-webhooks", { kind: "delivery", deliveryId }, attempt);
      expect(result.retryMessages).toHaveLength(1);
      const delay = result.retryDelays[0]!;
      const planned = RETRY_DELAYS_SECONDS[attempt - 1]!;
      expect(delay).toBeGreaterThanOrEqual(Math.floor(planned * 0.8));
      expect(delay).toBeLessThanOrEqual(Math.ceil(planned * 1.2));
      const logged = (await deliveries(app.name)).items[0];
      expect(logged).toMatchObject({ status: "retrying", attempts: attempt, lastResponseStatus: 500 });
      expect(Date.parse(logged.nextAttemptAt) - Date.now()).toBeGreaterThan(delay * 1000 - 5_000);
    }
    // The seventh try fails too: the message is retried past max_retries, so the queue dead-letters it.
    receiver.reply(app.path, 500);
    const last = await runQueue("notebridge-webhooks", { kind: "delivery", deliveryId }, RETRY_DELAYS_SECONDS.length + 1);
    expect(last.retryMessages).toHaveLength(1);
    expect(last.retryDelays).toEqual([0]);
    const dead = await runQueue("notebridge-webhooks-dlq", { kind: "delivery", deliveryId }, 1);
    expect(dead.explicitAcks).toHaveLength(1);
    const log = await deliveries(app.name, "?status=dead");
    expect(log.items).toEqual([expect.objectContaining({ id: deliveryId, webhookId: eventId, status: "dead", attempts: 7, lastResponseStatus: 500, nextAttemptAt: null })]);
    expect(receiver.at(app.path)).toHaveLength(7);
    expect(new Set(receiver.at(app.path).map((r) => r.webhookId))).toEqual(new Set([eventId]));

    const resent = await api("POST", `/v1/admin/webhook-apps/${app.name}/deliveries/${deliveryId}/resend`, { token: admin.token });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ id: deliveryId, status: "pending" });
    await vi.waitFor(async () => expect((await deliveries(app.name)).items[0]).toMatchObject({ status: "delivered", attempts: 8 }), soon);
    expect(receiver.at(app.path).at(-1)!.webhookId).toBe(eventId);
    expectError(await api("POST", `/v1/admin/webhook-apps/${app.name}/deliveries/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/resend`, { token: admin.token }), 404, "not_found");
  });

  it("disable an endpoint that has failed for days, tell the app why, and stop sending until it is enabled", async () => {
    const app = await subscribedApp(["note.deleted"]);
    const first = await loggedDelivery(app);
    await env.DB.prepare("UPDATE webhook_subscriptions SET failing_since = ? WHERE id = ?").bind(Date.now() - 4 * 86_400_000, app.subscriptionId).run();
    receiver.reply(app.path, 500);
    await runQueue("notebridge-webhooks", { kind: "delivery", deliveryId: first.deliveryId }, 3);

    const listed = (await api("GET", "/v1/admin/webhook-apps?limit=50", { token: admin.token })).body.items.find((a: { name: string }) => a.name === app.name);
    expect(listed.subscriptions[0]).toMatchObject({ status: "disabled", disabledReason: "Every delivery failed for 3 days (last: HTTP 500)" });

    const second = await loggedDelivery(app);
    const result = await runQueue("notebridge-webhooks", { kind: "delivery", deliveryId: second.deliveryId });
    expect(result.explicitAcks).toHaveLength(1);
    expect((await deliveries(app.name)).items.find((d: { id: string }) => d.id === second.deliveryId)).toMatchObject({
      status: "cancelled",
      lastError: "The subscription is disabled",
    });
    expect(receiver.at(app.path)).toHaveLength(1);
    expectError(await api("POST", `/v1/admin/webhook-apps/${app.name}/deliveries/${second.deliveryId}/resend`, { token: admin.token }), 409, "conflict");

    const enabled = await api("PUT", `/v1/admin/webhook-apps/${app.name}/subscriptions/${app.subscriptionId}/enabled`, { token: admin.token });
    expect(enabled.status).toBe(204);
    const again = (await api("GET", "/v1/admin/webhook-apps?limit=50", { token: admin.token })).body.items.find((a: { name: string }) => a.name === app.name);
    expect(again.subscriptions[0]).toMatchObject({ status: "active", failingSince: null, disabledReason: null });
  });

  it("do not follow a redirect, so a public endpoint can't bounce a delivery to a private address", async () => {
    const app = await subscribedApp(["note.deleted"]);
    const { deliveryId } = await loggedDelivery(app);
    receiver.reply(app.path, { status: 302, headers: { Location: "http://169.254.169.254/latest/meta-data/" } });
    const result = await runQueue("notebridge-webhooks", { kind: "delivery", deliveryId });
    expect(result.retryMessages).toHaveLength(1);
    expect(receiver.otherCalls).toEqual([]);
    expect((await deliveries(app.name)).items[0]).toMatchObject({ status: "retrying", lastResponseStatus: 302, lastError: "HTTP 302: redirects are not followed" });
  });
});
