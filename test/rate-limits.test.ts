import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { PHONE_RULE } from "../src/accounts/sign-in-guard";
import { limiterName } from "../src/lib/rate-limit";
import { api, createUser, expectError, uniqueIp, uniquePhone } from "./helpers";
import { createNote, createUsers } from "./live-helpers";

/** `"react";r=299;t=60, "react-ip";r=…` → { react: { r: 299, t: 60 }, … } */
type Item = { q: number; w: number; r: number; t: number };
function parseItems(header: string | null): Record<string, Item> {
  const items: Record<string, Item> = {};
  for (const item of (header ?? "").split(/,\s*/).filter(Boolean)) {
    const [name, ...params] = item.split(";");
    items[JSON.parse(name!)] = Object.fromEntries(params.map((p) => p.split("=")).map(([k, v]) => [k!, Number(v)])) as Item;
  }
  return items;
}

/** Makes one limiter fail the way an unreachable one would: every take throws inside it. */
async function breakLimiter(name: string) {
  await runInDurableObject(env.RATE_LIMITER.getByName(name), async (_instance, state) => {
    state.storage.sql.exec("DROP TABLE IF EXISTS windows");
    state.storage.sql.exec("CREATE TABLE windows (broken TEXT)");
  });
}

const signup = (ip: string) =>
  api("POST", "/v1/users", {
    body: { phone: uniquePhone(), region: "CN", password: "correct horse battery", nickname: "momo", languages: ["en"] },
    headers: { "CF-Connecting-IP": ip },
  });
const signIn = (phone: string, password: string, ip: string) =>
  api("POST", "/v1/sessions", { body: { phone, region: "CN", password }, headers: { "CF-Connecting-IP": ip } });

describe("RateLimit headers", () => {
  it("count down exactly under 20 concurrent requests", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api("PUT", `/v1/notes/${note.id}/like`, { token: fan!.token })),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    for (const r of responses) expect(parseItems(r.headers.get("RateLimit-Policy")).react).toEqual({ q: 300, w: 60 });
    const remaining = responses.map((r) => parseItems(r.headers.get("RateLimit")).react!.r).sort((a, b) => b - a);
    expect(remaining).toEqual(Array.from({ length: 20 }, (_, i) => 299 - i));
    for (const r of responses) {
      const { t } = parseItems(r.headers.get("RateLimit")).react!;
      expect(t).toBeGreaterThan(0);
      expect(t).toBeLessThanOrEqual(60);
    }
    // The next one carries on from there; another person's budget is their own.
    const next = await api("PUT", `/v1/notes/${note.id}/like`, { token: fan!.token });
    expect(parseItems(next.headers.get("RateLimit")).react!.r).toBe(279);
    const other = await api("PUT", `/v1/notes/${note.id}/like`, { token: author!.token });
    expect(parseItems(other.headers.get("RateLimit")).react!.r).toBe(299);
  });

  it("answer 429 with Retry-After in the header and the envelope once a budget is spent", async () => {
    const ip = uniqueIp();
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await signup(ip);
      expect(response.status).toBe(201);
      seen.push(parseItems(response.headers.get("RateLimit"))["signup-ip"]!.r);
    }
    expect(seen).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const refused = await signup(ip);
    const error = expectError(refused, 429, "rate_limited");
    expect(error.message).toMatch(/sign-ups: the limit is 10 per 60 s/);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.error.retryAfter).toBe(retryAfter);
    expect(parseItems(refused.headers.get("RateLimit"))["signup-ip"]!.r).toBe(0);
    expect(refused.headers.get("RateLimit-Policy")).toBe('"signup-ip";q=10;w=60');
    // A refused request uses nothing, and another address has its own budget.
    expect((await signup(uniqueIp())).status).toBe(201);
  });

  it("are readable by browsers (CORS) and documented on limited routes", async () => {
    const user = await createUser();
    const note = await api("POST", "/v1/notes", { token: user.token, body: { title: "hi" }, headers: { Origin: "https://app.example" } });
    expect(note.headers.get("Access-Control-Expose-Headers")).toMatch(/RateLimit-Policy/);
    expect(note.headers.get("Access-Control-Expose-Headers")).toMatch(/RateLimit(,|$)/);
    expect(parseItems(note.headers.get("RateLimit-Policy")).post).toEqual({ q: 30, w: 60 });
    const doc = (await api("GET", "/openapi.json")).body;
    const create = doc.paths["/v1/notes/{id}/comments"].post;
    expect(Object.keys(create.responses["201"].headers)).toEqual(["RateLimit-Policy", "RateLimit"]);
    expect(Object.keys(create.responses["429"].headers)).toEqual(expect.arrayContaining(["Retry-After", "RateLimit"]));
    expect(doc.components.schemas.Error.properties.error.properties.retryAfter).toBeDefined();
  });
});

describe("failed sign-ins", () => {
  it("slow down one address guessing one number, without locking out the owner elsewhere", async () => {
    const user = await createUser();
    const attacker = uniqueIp();
    for (let i = 0; i < 4; i++) expectError(await signIn(user.phone, `guess-${i}`, attacker), 401, "unauthorized");
    // The fourth failure earned a one-second wait: even the right password waits.
    const waiting = await signIn(user.phone, user.password, attacker);
    expect(expectError(waiting, 429, "rate_limited").message).toMatch(/failed sign-ins/);
    expect(waiting.headers.get("Retry-After")).toBe("1");
    // The owner, from their own address, is not affected.
    expect((await signIn(user.phone, user.password, uniqueIp())).status).toBe(201);
    // After the wait, the right password works, and forgives the failures.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await signIn(user.phone, user.password, attacker)).status).toBe(201);
  });

  it("lock a number guessed from many addresses for a while, and guessing during the lock doesn't extend it", async () => {
    const user = await createUser();
    const phoneE164 = `+86${user.phone.replaceAll(" ", "")}`;
    const lockName = await limiterName("signin", "phone", phoneE164);
    const lock = env.RATE_LIMITER.getByName(lockName);
    // 49 failures from elsewhere (as if from 49 addresses); the 50th, through the API, locks it.
    for (let i = 0; i < PHONE_RULE.lockAfter - 1; i++) await lock.fail(lockName, PHONE_RULE);
    expectError(await signIn(user.phone, "guess", uniqueIp()), 401, "unauthorized");
    const locked = await lock.lock(lockName, PHONE_RULE);
    expect(locked.lockedUntil! - Date.now()).toBeGreaterThan(14 * 60_000);

    const owner = await signIn(user.phone, user.password, uniqueIp());
    expectError(owner, 429, "rate_limited");
    expect(Number(owner.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expectError(await signIn(user.phone, "more guessing", uniqueIp()), 429, "rate_limited");
    expect((await lock.lock(lockName, PHONE_RULE)).lockedUntil).toBe(locked.lockedUntil);

    // The lock ends on its own (its end moved to the past here), and the owner signs in.
    await runInDurableObject(lock, async (_instance, state) => {
      state.storage.sql.exec("UPDATE locks SET locked_until = ?", Date.now() - 1);
    });
    expect((await signIn(user.phone, user.password, uniqueIp())).status).toBe(201);
  });

  it("keep the per-number budget: 10 attempts a minute from anywhere", async () => {
    const user = await createUser();
    let last;
    for (let i = 0; i < 10; i++) last = await signIn(user.phone, user.password, uniqueIp());
    expect(parseItems(last!.headers.get("RateLimit"))["signin-phone"]!.r).toBe(0);
    expectError(await signIn(user.phone, user.password, uniqueIp()), 429, "rate_limited");
  });
});

describe("a limiter that is down", () => {
  it("lets likes through (fail-open) and logs it", async () => {
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    await breakLimiter(await limiterName("react", "user", fan!.id));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const liked = await api("PUT", `/v1/notes/${note.id}/like`, { token: fan!.token });
    expect(liked.status).toBe(200);
    expect(liked.body.likeCount).toBe(1);
    expect(parseItems(liked.headers.get("RateLimit")).react).toBeUndefined();
    expect(errors.mock.calls.some(([line]) => String(line).includes("rate_limiter_down"))).toBe(true);
    errors.mockRestore();
  });

  it("refuses sign-ins (fail-closed) with 503 and Retry-After, from that address only", async () => {
    const user = await createUser();
    const ip = uniqueIp();
    await breakLimiter(await limiterName("signin", "ip", ip));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const refused = await signIn(user.phone, user.password, ip);
    expect(expectError(refused, 503, "service_unavailable").message).toMatch(/sign-in attempts/);
    expect(refused.headers.get("Retry-After")).toBe("5");
    errors.mockRestore();
    expect((await signIn(user.phone, user.password, uniqueIp())).status).toBe(201);
  });
});
