import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import worker from "../src/index";
import { api, createUser, expectError } from "./helpers";

it("the hourly job deletes expired sessions and idempotency keys, and nothing live", async () => {
  const expired = await createUser();
  const live = await createUser();
  await api("POST", "/v1/notes", { token: live.token, headers: { "Idempotency-Key": "live-key" }, body: { title: "a" } });
  await api("POST", "/v1/notes", { token: live.token, headers: { "Idempotency-Key": "old-key" }, body: { title: "b" } });
  await env.DB.prepare("UPDATE sessions SET expires_at = 1 WHERE user_id = ?").bind(expired.id).run();
  await env.DB.prepare("UPDATE idempotency_keys SET expires_at = 1 WHERE key = 'old-key'").run();

  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "17 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);

  const sessions = await env.DB.prepare("SELECT user_id FROM sessions").all<{ user_id: string }>();
  expect(sessions.results.map((s) => s.user_id)).toEqual([live.id]);
  const keys = await env.DB.prepare("SELECT key FROM idempotency_keys").all<{ key: string }>();
  expect(keys.results.map((k) => k.key)).toEqual(["live-key"]);
  expectError(await api("GET", "/v1/me", { token: expired.token }), 401, "unauthorized");
  expect((await api("GET", "/v1/me", { token: live.token })).status).toBe(200);
});
