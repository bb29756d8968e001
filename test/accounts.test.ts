import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PBKDF2_ITERATIONS, hashPassword } from "../src/accounts/password";
import { api, createUser, expectError, uniqueIp, uniquePhone } from "./helpers";

const signupBody = (overrides: Record<string, unknown> = {}) => ({
  phone: uniquePhone(),
  region: "CN",
  password: "correct horse battery",
  nickname: "小红薯Lili",
  languages: ["en", "zh-hans"],
  ...overrides,
});

const signup = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api("POST", "/v1/users", { body, headers: { "CF-Connecting-IP": uniqueIp(), ...headers } });

describe("sign up", () => {
  it("normalises numbers written in each country's own format to E.164 and masks them", async () => {
    const cases = [
      { phone: "(415) 555-2671", region: "US", masked: "+1 ••••••2671" },
      { phone: "020 7946 0958", region: "GB", masked: "+44 ••••••0958" },
      { phone: "138 0013 8000", region: "CN", masked: "+86 •••••••8000" },
      { phone: "11 91234-5678", region: "BR", masked: "+55 •••••••5678" },
      { phone: "+34 612 34 56 78", region: undefined, masked: "+34 •••••5678" },
    ];
    for (const { phone, region, masked } of cases) {
      const response = await signup(signupBody({ phone, region }));
      expect(response.status, `${phone} ${JSON.stringify(response.body)}`).toBe(201);
      expect(response.body.phone).toBe(masked);
    }
  });

  it("signs you in: the answer carries a session token that works at once, and sign-in still works later", async () => {
    const body = signupBody();
    const response = await signup(body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: expect.any(String), nickname: body.nickname, session: { tokenType: "Bearer" } });
    expect(Date.parse(response.body.session.expiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    const me = await api("GET", "/v1/me", { token: response.body.session.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(response.body.id);
    const later = await api("POST", "/v1/sessions", {
      body: { phone: body.phone, region: body.region, password: body.password },
      headers: { "CF-Connecting-IP": uniqueIp() },
    });
    expect(later.status).toBe(201);
    expect(later.body.token).not.toBe(response.body.session.token);
    const stored = await env.DB.prepare("SELECT token_hash FROM sessions WHERE user_id = ?").bind(response.body.id).all();
    expect(JSON.stringify(stored.results)).not.toContain(response.body.session.token);
  });

  it("refuses a number that cannot exist, naming the field", async () => {
    for (const [phone, region] of [["+86 100 0000 0000", undefined], ["12345", "US"], ["555 0000", "ZZ"]]) {
      const error = expectError(await signup(signupBody({ phone, region })), 400, "validation_failed");
      expect(error.details?.map((d) => d.field)).toContain(region === "ZZ" ? "region" : "phone");
    }
  });

  it("refuses a second account for the same number, however it is written", async () => {
    await signup(signupBody({ phone: "+1 650-253-0000", region: undefined }));
    const again = await signup(signupBody({ phone: "(650) 253-0000", region: "US" }));
    expectError(again, 409, "conflict");
  });

  it("counts nickname length as people see it and keeps any script", async () => {
    const family = "👨‍👩‍👧".repeat(30);
    const ok = await signup(signupBody({ nickname: family }));
    expect(ok.status).toBe(201);
    expect(ok.body.nickname).toBe(family);
    expectError(await signup(signupBody({ nickname: "👨‍👩‍👧".repeat(31) })), 400, "validation_failed");
    const arabic = await signup(signupBody({ nickname: "  قطة لولو  " }));
    expect(arabic.body.nickname).toBe("قطة لولو");
  });

  it("stores nicknames Unicode-normalised (NFC)", async () => {
    const decomposed = "Jose\u0301";
    const response = await signup(signupBody({ nickname: decomposed }));
    expect(response.body.nickname).toBe("Jos\u00e9");
  });

  it("rejects control and invisible characters in nicknames", async () => {
    for (const nickname of ["a\u200Bb", "\u3164", "evil\u202Eexe", "tab\tname", "   ", "\u2800"]) {
      const error = expectError(await signup(signupBody({ nickname })), 400, "validation_failed");
      expect(error.details?.[0]?.field).toBe("nickname");
    }
  });

  it("names every offending field", async () => {
    const error = expectError(await signup({ phone: "x", password: "short", nickname: "", languages: [] }), 400, "validation_failed");
    const fields = error.details?.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["phone", "password", "nickname", "languages"]));
  });

  it("keeps languages as canonical BCP 47 tags", async () => {
    const response = await signup(signupBody({ languages: ["zh-hant", "PT-br"] }));
    expect(response.body.languages).toEqual(["zh-Hant", "pt-BR"]);
    expectError(await signup(signupBody({ languages: ["not a language!"] })), 400, "validation_failed");
  });

  it("never stores the password itself and stays within production's PBKDF2 limit", async () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    expect(await hashPassword("secret-password")).toMatch(/^pbkdf2-sha256\$100000\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    const body = signupBody({ password: "unique-password-123" });
    await signup(body);
    const row = await env.DB.prepare("SELECT password_hash FROM users WHERE nickname = ? ORDER BY id DESC").bind(body.nickname).first<{ password_hash: string }>();
    expect(row?.password_hash).not.toContain("unique-password-123");
  });

  it("rate-limits sign-ups from one address", async () => {
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signup(signupBody(), { "CF-Connecting-IP": ip })).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const limited = await signup(signupBody(), { "CF-Connecting-IP": ip });
    expectError(limited, 429, "rate_limited");
    // Exactly the seconds left in the budget's one-minute window, in the header and the envelope.
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body.error.retryAfter).toBe(retryAfter);
  });
});

describe("sessions", () => {
  it("signs in with the number in another format, and the token works until sign-out", async () => {
    const body = signupBody({ phone: "139 1234 5678" });
    await signup(body);
    const login = await api("POST", "/v1/sessions", { body: { phone: "+86 13912345678", password: body.password } });
    expect(login.status).toBe(201);
    expect(login.body.token).toMatch(/^nb_/);
    expect(login.body.tokenType).toBe("Bearer");
    const token = login.body.token;
    expect((await api("GET", "/v1/me", { token })).status).toBe(200);
    expect((await api("DELETE", "/v1/sessions/current", { token })).status).toBe(204);
    expectError(await api("GET", "/v1/me", { token }), 401, "unauthorized");
  });

  it("a sign-out stops a token at once on this isolate, though it was just cached", async () => {
    const user = await createUser();
    for (let i = 0; i < 2; i++) expect((await api("GET", "/v1/me", { token: user.token })).status).toBe(200);
    expect((await api("DELETE", "/v1/sessions/current", { token: user.token })).status).toBe(204);
    const after = await Promise.all([0, 1, 2].map(() => api("GET", "/v1/me", { token: user.token })));
    for (const response of after) expectError(response, 401, "unauthorized");
  });

  it("a cached session still ends at its expiry", async () => {
    const user = await createUser();
    const expiresAt = Date.now() + 1_000;
    await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = ?").bind(expiresAt, user.id).run();
    expect((await api("GET", "/v1/me", { token: user.token })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 50));
    expectError(await api("GET", "/v1/me", { token: user.token }), 401, "unauthorized");
  });

  it("stores only a hash of the token", async () => {
    const user = await createUser();
    const stored = await env.DB.prepare("SELECT token_hash FROM sessions WHERE user_id = ?").bind(user.id).all<{ token_hash: string }>();
    expect(stored.results.length).toBe(1);
    expect(stored.results[0]!.token_hash).not.toContain(user.token.slice(3));
  });

  it("gives the same answer for a wrong password and an unknown number", async () => {
    const user = await createUser();
    const wrongPassword = await api("POST", "/v1/sessions", { body: { phone: user.phone, region: "CN", password: "nope-nope" } });
    const unknown = await api("POST", "/v1/sessions", { body: { phone: "137 0000 0001", region: "CN", password: "nope-nope" } });
    expect(expectError(wrongPassword, 401, "unauthorized").message).toBe(expectError(unknown, 401, "unauthorized").message);
  });

  it("refuses an invalid or expired token rather than acting anonymously", async () => {
    expectError(await api("GET", "/v1/notes/01JH7Z3V6N1Q2M8W4K5T9R0XYZ", { token: "nb_forged" }), 401, "unauthorized");
    const user = await createUser();
    await env.DB.prepare("UPDATE sessions SET expires_at = 0 WHERE user_id = ?").bind(user.id).run();
    const expired = await api("GET", "/v1/me", { token: user.token });
    expectError(expired, 401, "unauthorized");
    expect(expired.headers.get("WWW-Authenticate")).toContain("Bearer");
  });

  it("rate-limits password guessing on one number", async () => {
    const user = await createUser();
    let last;
    for (let i = 0; i < 11; i++) {
      last = await api("POST", "/v1/sessions", {
        body: { phone: user.phone, region: "CN", password: `guess-${i}` },
        headers: { "CF-Connecting-IP": uniqueIp() },
      });
    }
    expectError(last!, 429, "rate_limited");
  });
});

describe("own profile", () => {
  it("shows the owner a masked phone and lets them change nickname, bio and languages", async () => {
    const user = await createUser();
    const me = await api("GET", "/v1/me", { token: user.token });
    expect(me.body.phone).toMatch(/^\+86 •+\d{4}$/);
    const updated = await api("PATCH", "/v1/me", {
      token: user.token,
      body: { nickname: "Momo 🐱", bio: "Cat person\nlearning 中文", languages: ["es", "en"] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ nickname: "Momo 🐱", bio: "Cat person\nlearning 中文", languages: ["es", "en"] });
    expect((await api("GET", `/v1/users/${user.id}`)).body.nickname).toBe("Momo 🐱");
  });

  it("refuses an empty update and anonymous changes", async () => {
    const user = await createUser();
    expectError(await api("PATCH", "/v1/me", { token: user.token, body: {} }), 400, "validation_failed");
    expectError(await api("PATCH", "/v1/me", { body: { nickname: "x" } }), 401, "unauthorized");
    expectError(await api("GET", "/v1/me"), 401, "unauthorized");
  });

  it("records the IP region from the request: province in China, country elsewhere", async () => {
    const chinese = await createUser({ cf: { country: "CN", region: "Guangdong" } });
    const american = await createUser({ cf: { country: "US", region: "Texas" } });
    expect((await api("GET", `/v1/users/${chinese.id}`)).body.ipRegion).toEqual({ country: "CN", region: "Guangdong", label: "Guangdong" });
    expect((await api("GET", `/v1/users/${american.id}`)).body.ipRegion).toEqual({ country: "US", region: null, label: "United States" });
    await api("PATCH", "/v1/me", { token: american.token, body: { bio: "now in Spain" }, cf: { country: "ES" } });
    expect((await api("GET", `/v1/users/${american.id}`)).body.ipRegion.label).toBe("Spain");
  });
});
