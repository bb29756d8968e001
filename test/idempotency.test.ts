import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, createUser, expectError, uniqueIp, uniquePhone } from "./helpers";

describe("Idempotency-Key on creates", () => {
  it("a retried note create with the same key and body returns the original note, creating nothing new", async () => {
    const user = await createUser();
    const headers = { "Idempotency-Key": "note-retry-1" };
    const first = await api("POST", "/v1/notes", { token: user.token, headers, body: { title: "Tomato and egg, day 1" } });
    const retry = await api("POST", "/v1/notes", { token: user.token, headers, body: { title: "Tomato and egg, day 1" } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await api("GET", `/v1/users/${user.id}`)).body.noteCount).toBe(1);
  });

  it("the same key with a different body is refused with 422", async () => {
    const user = await createUser();
    const headers = { "Idempotency-Key": "note-retry-2" };
    await api("POST", "/v1/notes", { token: user.token, headers, body: { title: "one" } });
    expectError(await api("POST", "/v1/notes", { token: user.token, headers, body: { title: "two" } }), 422, "idempotency_key_reused");
  });

  it("keys belong to their user: another user's identical key creates their own note", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const headers = { "Idempotency-Key": "shared-key" };
    const fromA = await api("POST", "/v1/notes", { token: a.token, headers, body: { title: "same" } });
    const fromB = await api("POST", "/v1/notes", { token: b.token, headers, body: { title: "same" } });
    expect(fromB.body.id).not.toBe(fromA.body.id);
    expect(fromB.body.author.id).toBe(b.id);
  });

  it("concurrent retries with one key create exactly one comment", async () => {
    const user = await createUser();
    const note = (await api("POST", "/v1/notes", { token: user.token, body: { title: "homework help: 3x + 5 = 20?" } })).body;
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        api("POST", `/v1/notes/${note.id}/comments`, { token: user.token, headers: { "Idempotency-Key": "comment-1" }, body: { body: "x = 5" } }),
      ),
    );
    const created = attempts.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const other of attempts.filter((r) => r.status !== 201)) expectError(other, 409, "idempotency_request_in_progress");
    expect((await api("GET", `/v1/notes/${note.id}`)).body.commentCount).toBe(1);
  });

  it("a failed request does not burn its key", async () => {
    const user = await createUser();
    const headers = { "Idempotency-Key": "fix-and-retry" };
    expectError(await api("POST", "/v1/notes", { token: user.token, headers, body: { title: "x".repeat(200) } }), 400, "validation_failed");
    const fixed = await api("POST", "/v1/notes", { token: user.token, headers, body: { title: "x".repeat(100) } });
    expect(fixed.status).toBe(201);
  });

  it("a create the database refuses keeps nothing, not even its key", async () => {
    const user = await createUser();
    const headers = { "Idempotency-Key": "refused-then-reused" };
    const note = (await api("POST", "/v1/notes", { token: user.token, body: { title: "soon gone" } })).body;
    await api("DELETE", `/v1/notes/${note.id}`, { token: user.token });
    expectError(await api("POST", `/v1/notes/${note.id}/comments`, { token: user.token, headers, body: { body: "hello?" } }), 404, "not_found");
    const kept = await env.DB.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE key = 'refused-then-reused'").first<{ n: number }>();
    expect(kept!.n).toBe(0);
    expect((await api("POST", "/v1/notes", { token: user.token, headers, body: { title: "another request" } })).status).toBe(201);
  });

  it("keys are kept 24 hours, then forgotten", async () => {
    const user = await createUser();
    const headers = { "Idempotency-Key": "expiring-1" };
    const first = await api("POST", "/v1/notes", { token: user.token, headers, body: { title: "Day one" } });
    const kept = await env.DB.prepare("SELECT created_at, expires_at FROM idempotency_keys WHERE key = 'expiring-1'").first<{ created_at: number; expires_at: number }>();
    expect(kept!.expires_at - kept!.created_at).toBeGreaterThanOrEqual(24 * 3600_000);
    // Once expired, the key is free again: the retry runs and creates a second note.
    await env.DB.prepare("UPDATE idempotency_keys SET expires_at = 0 WHERE key = 'expiring-1'").run();
    const again = await api("POST", "/v1/notes", { token: user.token, headers, body: { title: "Day one" } });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it("sign-up takes no key, since its answer holds a token stored only as a hash: a retry meets the account", async () => {
    const body = { phone: uniquePhone(), region: "CN", password: "correct horse battery", nickname: "薯友", languages: ["zh-Hans"] };
    const headers = { "Idempotency-Key": "signup-1", "CF-Connecting-IP": uniqueIp() };
    expect((await api("POST", "/v1/users", { body, headers })).status).toBe(201);
    expectError(await api("POST", "/v1/users", { body, headers }), 409, "conflict");
    const stored = await env.DB.prepare("SELECT response_body FROM idempotency_keys WHERE key = 'signup-1'").first();
    expect(stored).toBeNull();
  });
});
