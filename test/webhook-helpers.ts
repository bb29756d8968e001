import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { expect } from "vitest";
import { api, createUser, type TestUser } from "./helpers";

/** A signed-in admin (the role is granted in the database, as staff tooling would). */
export async function createAdmin(): Promise<TestUser> {
  const admin = await createUser();
  await env.DB.prepare("INSERT INTO staff_roles (user_id, role, granted_at) VALUES (?, 'admin', ?)").bind(admin.id, Date.now()).run();
  return admin;
}

let appCounter = Math.floor(Math.random() * 1_000_000);
export const uniqueAppName = (prefix = "app") => `${prefix}-${++appCounter}`;

export async function registerApp(admin: TestUser, body: Record<string, unknown> = {}) {
  const response = await api("POST", "/v1/admin/webhook-apps", {
    token: admin.token,
    body: { name: uniqueAppName(), incomingEvents: ["moderation.verdict", "content.import"], ...body },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { name: response.body.app.name as string, secret: response.body.secret.secret as string, secretId: response.body.secret.id as string, app: response.body.app };
}

let messageCounter = 0;
export const newWebhookId = () => `msg_test_${Date.now()}_${++messageCounter}_${Math.random().toString(36).slice(2)}`;

type SendOptions = { id?: string; at?: Date; body?: string; headers?: Record<string, string> };

/** A Standard Webhooks sender built on the reference library, as an external app would send. */
export function sender(appName: string, secret: string) {
  const signer = new Webhook(secret);
  return {
    signer,
    async send(payload: unknown, options: SendOptions = {}) {
      const id = options.id ?? newWebhookId();
      const at = options.at ?? new Date();
      const body = options.body ?? JSON.stringify(payload);
      const headers = {
        "Content-Type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signer.sign(id, at, body),
        ...options.headers,
      };
      return { id, body, response: await api("POST", `/v1/webhooks/${appName}`, { rawBody: body, headers }) };
    },
  };
}

export const verdict = (target: { type: "note" | "comment"; id: string }, action: "keep" | "hide" | "remove", reason?: string) => ({
  type: "moderation.verdict",
  timestamp: new Date().toISOString(),
  data: { target, action, ...(reason ? { reason } : {}) },
});

export const importPayload = (account: string, posts: unknown[], source = "tiktok") => ({
  type: "content.import",
  timestamp: new Date().toISOString(),
  data: { account, source, posts },
});

export async function rowCount(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql).bind(...params).first<{ n: number }>();
  return row!.n;
}
