import { env, exports } from "cloudflare:workers";
import { expect, vi } from "vitest";
import { hashPassword } from "../src/accounts/password";
import { insertUserWithSession } from "../src/accounts/store";
import { createDb } from "../src/db/client";
import { api, type TestUser, uniqueIp, uniquePhone } from "./helpers";

export type LiveMessage = { type: string; id?: number; [field: string]: any };

/** A viewer's end of a live thread: every message it received, in order. */
export class Watcher {
  readonly messages: LiveMessage[] = [];
  closed: { code: number; reason: string } | null = null;

  constructor(readonly socket: WebSocket) {
    socket.addEventListener("message", (event) => {
      this.messages.push(JSON.parse(event.data as string));
    });
    socket.addEventListener("close", (event) => {
      this.closed = { code: event.code, reason: event.reason };
    });
  }

  send(message: unknown) {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Logged events (those with ids), in the order received. */
  get events() {
    return this.messages.filter((message) => message.id !== undefined);
  }

  ofType(type: string) {
    return this.messages.filter((message) => message.type === type);
  }

  /** Waits until a received message matches, and returns it. */
  async waitFor(match: (message: LiveMessage) => boolean, timeout = 5_000): Promise<LiveMessage> {
    return vi.waitFor(
      () => {
        const found = this.messages.find(match);
        if (!found) throw new Error(`No matching message among ${JSON.stringify(this.messages.map((m) => m.type))}`);
        return found;
      },
      { timeout, interval: 5 },
    );
  }

  waitForClose(timeout = 5_000) {
    return vi.waitFor(
      () => {
        if (!this.closed) throw new Error("still open");
        return this.closed;
      },
      { timeout, interval: 5 },
    );
  }

  close() {
    this.socket.close(1000, "bye");
  }
}

/** Opens a live thread the way a browser would, through the worker's fetch handler. */
export async function upgrade(noteId: string, query = "", headers: Record<string, string> = {}) {
  return exports.default.fetch(
    new Request(`https://api.notebridge.test/v1/notes/${noteId}/live${query}`, {
      headers: { Upgrade: "websocket", "CF-Connecting-IP": uniqueIp(), ...headers },
    }),
  );
}

export async function watch(noteId: string, options: { after?: number; language?: string } = {}): Promise<Watcher> {
  const params = new URLSearchParams();
  if (options.after !== undefined) params.set("after", String(options.after));
  if (options.language) params.set("language", options.language);
  const response = await upgrade(noteId, params.size ? `?${params}` : "");
  if (response.status !== 101) expect.fail(`Upgrade refused: ${response.status} ${await response.text()}`);
  const socket = response.webSocket!;
  socket.accept();
  return new Watcher(socket);
}

/** Watches and waits for the first page (or the replay) to be delivered. */
export async function watchReady(noteId: string, options: { after?: number; language?: string } = {}) {
  const watcher = await watch(noteId, options);
  const ready = await watcher.waitFor((m) => m.type === "ready");
  await vi.waitFor(() => expect(watcher.events.length).toBeGreaterThanOrEqual(ready.replaying), { timeout: 5_000, interval: 5 });
  return { watcher, ready };
}

/**
 * Many signed-in users at once, through the same store functions sign-up and
 * sign-in use (one password hash shared, since PBKDF2 is slow on purpose).
 */
export async function createUsers(count: number): Promise<TestUser[]> {
  const db = createDb(env.DB);
  const password = "correct horse battery";
  const passwordHash = await hashPassword(password);
  const ip = { country: "CN", region: "Guangdong" };
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const phone = uniquePhone();
      const nickname = `bulk${i}`;
      const { user, token } = await insertUserWithSession(db, { phoneE164: `+86${phone.replaceAll(" ", "")}`, phoneRegion: "CN", passwordHash, nickname, languages: ["zh-Hans"] }, ip);
      return { id: user.id, token, phone, password, nickname };
    }),
  );
}

export async function createNote(author: TestUser, body: Record<string, unknown> = {}) {
  const response = await api("POST", "/v1/notes", { token: author.token, body: { title: "My cat Lili 🐱", body: "Hello RedNote!", ...body } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; [field: string]: any };
}

export async function comment(user: TestUser, noteId: string, body: string, replyTo?: string) {
  const response = await api("POST", `/v1/notes/${noteId}/comments`, { token: user.token, body: { body, replyTo } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; [field: string]: any };
}
