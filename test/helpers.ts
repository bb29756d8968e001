import { exports } from "cloudflare:workers";
import { expect } from "vitest";

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T };

type CallOptions = {
  body?: unknown;
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
  cf?: { country?: string; region?: string };
};

/** Calls the worker the way an HTTP client would, through its real fetch handler. */
export async function api<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  }
  const request = new Request(`https://api.notebridge.test${path}`, { method, headers, body, cf: options.cf } as RequestInit);
  const response = await exports.default.fetch(request);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** Asserts the one error envelope and returns it. */
export function expectError(response: ApiResponse, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body).toMatchObject({ error: { code, message: expect.any(String), requestId: expect.any(String) } });
  return response.body.error as { code: string; message: string; details?: { field: string; location: string; message: string }[] };
}

// Rate-limit counters may outlive a test file's storage, so numbers and addresses
// start at a random point to stay unique across files too.
let phoneCounter = Math.floor(Math.random() * 50_000_000);
/** A valid, unique Chinese mobile number in national format. */
export function uniquePhone(): string {
  const digits = String(++phoneCounter).padStart(8, "0");
  return `138 ${digits.slice(0, 4)} ${digits.slice(4)}`;
}

let ipCounter = Math.floor(Math.random() * 10_000_000);
/** Each test user signs up from its own address, as real users would (sign-up is rate-limited per IP). */
export function uniqueIp(): string {
  const n = ++ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export type TestUser = { id: string; token: string; phone: string; password: string; nickname: string };

export async function createUser(
  overrides: Partial<{ nickname: string; languages: string[]; cf: CallOptions["cf"] }> = {},
): Promise<TestUser> {
  const phone = uniquePhone();
  const password = "correct horse battery";
  const nickname = overrides.nickname ?? `user${phoneCounter % 100_000}`;
  const ip = uniqueIp();
  const signup = await api("POST", "/v1/users", {
    body: { phone, region: "CN", password, nickname, languages: overrides.languages ?? ["en"] },
    headers: { "CF-Connecting-IP": ip },
    cf: overrides.cf,
  });
  expect(signup.status, JSON.stringify(signup.body)).toBe(201);
  // Signing up signs in: the answer carries the session token.
  return { id: signup.body.id, token: signup.body.session.token, phone, password, nickname };
}

export type RoundTrips = { d1: number; d1Statements: number; d1Batches: number; durableObject: number; kv: number; rateLimit: number };

/** What a request sent to D1, KV, Durable Objects and rate limiters (src/lib/instrumentation.ts; on in tests only). */
export function roundTripsOf(response: ApiResponse): RoundTrips {
  const header = response.headers.get("X-Round-Trips");
  expect(header, "X-Round-Trips header (COUNT_ROUND_TRIPS in vitest.config.ts)").toBeTruthy();
  return JSON.parse(header!) as RoundTrips;
}
