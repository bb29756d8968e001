/*
 * An app's webhook endpoint, at the fetch boundary: the worker's real delivery
 * code signs and sends; this reads each request, verifies it with the reference
 * `standardwebhooks` library and answers with the statuses it is told to.
 */
import { Webhook } from "standardwebhooks";
import { vi } from "vitest";

export const RECEIVER_ORIGIN = "https://receiver.example";

export type Received = {
  path: string;
  webhookId: string;
  timestamp: number;
  signature: string;
  body: any;
  at: number;
  /** Which of the receiver's secrets verified the delivery (by index). */
  verifiedBy: number[];
};

type Reply = number | { status: number; headers: Record<string, string> };

export function fakeReceiver() {
  const received: Received[] = [];
  const replies = new Map<string, Reply[]>();
  const secrets = new Map<string, string[]>();
  const otherCalls: string[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== RECEIVER_ORIGIN) {
      otherCalls.push(request.url);
      throw new TypeError(`Network connection lost (no fake for ${request.url})`);
    }
    const raw = await request.text();
    const headers = Object.fromEntries(request.headers);
    const verifiedBy = (secrets.get(url.pathname) ?? []).flatMap((secret, i) => {
      try {
        new Webhook(secret).verify(raw, headers);
        return [i];
      } catch {
        return [];
      }
    });
    received.push({
      path: url.pathname,
      webhookId: headers["webhook-id"]!,
      timestamp: Number(headers["webhook-timestamp"]),
      signature: headers["webhook-signature"]!,
      body: JSON.parse(raw),
      at: Date.now(),
      verifiedBy,
    });
    const reply = replies.get(url.pathname)?.shift() ?? 200;
    return typeof reply === "number" ? new Response("ok", { status: reply }) : new Response(null, reply);
  });
  return {
    received,
    otherCalls,
    /** A fresh endpoint path that verifies with these secrets. */
    endpoint(path: string, appSecrets: string[]) {
      secrets.set(path, appSecrets);
      return `${RECEIVER_ORIGIN}${path}`;
    },
    setSecrets: (path: string, appSecrets: string[]) => secrets.set(path, appSecrets),
    reply: (path: string, ...next: Reply[]) => replies.set(path, [...(replies.get(path) ?? []), ...next]),
    at: (path: string) => received.filter((r) => r.path === path),
  };
}
