import { beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, type RoundTrips, type TestUser, api, createUser, roundTripsOf } from "./helpers";

/*
 * Round trips per request, as a budget a route must stay within (README, "Round
 * trips"). In production each D1 round trip is a network hop to the database,
 * so this guards latency on any machine, unlike a timed test. Signed-in
 * requests are measured with a warm session cache, as most are.
 */

type Budget = Partial<Pick<RoundTrips, "d1" | "durableObject" | "kv">>;

let owner: TestUser;
let fan: TestUser;
let noteId: string;
let catNoteId: string;
let commentId: string;
let replyId: string;
let other: TestUser;
let serial = 0;

beforeAll(async () => {
  [owner, fan, other] = [await createUser(), await createUser(), await createUser()];
  noteId = (await api("POST", "/v1/notes", { token: owner.token, body: { title: "Tomato and egg", body: "Day one of cooking #food" } })).body.id;
  catNoteId = (await api("POST", "/v1/notes", { token: owner.token, body: { title: "Lili", body: "my cat #cattax", catName: "Lili" } })).body.id;
  commentId = (await api("POST", `/v1/notes/${noteId}/comments`, { token: fan.token, body: { body: "looks good" } })).body.id;
  replyId = (await api("POST", `/v1/notes/${noteId}/comments`, { token: owner.token, body: { body: "thanks!", replyTo: commentId } })).body.id;
  await api("GET", `/v1/notes/${noteId}/translation?to=zh-Hans`);
  // Warm every session cache the way any earlier request of a signed-in client does.
  for (const user of [owner, fan, other]) expect((await api("GET", "/v1/me", { token: user.token })).status).toBe(200);
});

type Case = { name: string; call: () => Promise<ApiResponse>; status: number; budget: Budget };

const signedIn = (user: () => TestUser) => ({ token: user().token });

const cases: Case[] = [
  { name: "GET /health", call: () => api("GET", "/health"), status: 200, budget: { d1: 0, durableObject: 0, kv: 0 } },
  { name: "GET /health/ready", call: () => api("GET", "/health/ready"), status: 200, budget: { d1: 1, durableObject: 0, kv: 0 } },
  { name: "GET /v1/notes/{id}, anonymous", call: () => api("GET", `/v1/notes/${noteId}`), status: 200, budget: { d1: 1 } },
  { name: "GET /v1/notes/{id}, signed in", call: () => api("GET", `/v1/notes/${noteId}`, signedIn(() => fan)), status: 200, budget: { d1: 1 } },
  { name: "GET /v1/notes/{id}/comments, anonymous", call: () => api("GET", `/v1/notes/${noteId}/comments`), status: 200, budget: { d1: 1 } },
  { name: "GET /v1/notes/{id}/comments, signed in", call: () => api("GET", `/v1/notes/${noteId}/comments`, signedIn(() => fan)), status: 200, budget: { d1: 1 } },
  { name: "GET /v1/users/{id}/notes, anonymous", call: () => api("GET", `/v1/users/${owner.id}/notes`), status: 200, budget: { d1: 1 } },
  { name: "GET /v1/users/{id}/notes, signed in", call: () => api("GET", `/v1/users/${owner.id}/notes`, signedIn(() => fan)), status: 200, budget: { d1: 1 } },
  { name: "GET /v1/comments/{id}/replies, anonymous", call: () => api("GET", `/v1/comments/${commentId}/replies`), status: 200, budget: { d1: 1 } },
  { name: "GET /v1/comments/{id}/replies of a reply, signed in", call: () => api("GET", `/v1/comments/${replyId}/replies`, signedIn(() => fan)), status: 200, budget: { d1: 1 } },
  { name: "GET /v1/me", call: () => api("GET", "/v1/me", signedIn(() => fan)), status: 200, budget: { d1: 1 } },
  {
    name: "POST /v1/notes with an Idempotency-Key",
    call: () => api("POST", "/v1/notes", { ...signedIn(() => fan), headers: { "Idempotency-Key": "rt-note-1" }, body: { title: "Braised pork", body: "#food" } }),
    status: 201,
    // The rate limiter's one call (RateLimiter Durable Object, src/lib/rate-limit.ts): the tests' budgets are per account only.
    budget: { d1: 1, durableObject: 1 },
  },
  {
    name: "POST /v1/notes, the same key again (replay)",
    call: () => api("POST", "/v1/notes", { ...signedIn(() => fan), headers: { "Idempotency-Key": "rt-note-1" }, body: { title: "Braised pork", body: "#food" } }),
    status: 201,
    budget: { d1: 2, durableObject: 1 },
  },
  {
    name: "POST /v1/notes/{id}/comments with an Idempotency-Key",
    call: () => api("POST", `/v1/notes/${noteId}/comments`, { ...signedIn(() => fan), headers: { "Idempotency-Key": "rt-comment-1" }, body: { body: "yum" } }),
    status: 201,
    // The rate limiter only: nobody watches this note's live thread, so it isn't told (live-thread.test.ts covers a watched one).
    budget: { d1: 1, durableObject: 1 },
  },
  {
    name: "POST /v1/notes/{id}/comments, a reply with a key",
    call: () => api("POST", `/v1/notes/${noteId}/comments`, { ...signedIn(() => fan), headers: { "Idempotency-Key": "rt-reply-1" }, body: { body: "agreed", replyTo: replyId } }),
    status: 201,
    budget: { d1: 2, durableObject: 1 },
  },
  { name: "PUT /v1/notes/{id}/like", call: () => api("PUT", `/v1/notes/${noteId}/like`, signedIn(() => fan)), status: 200, budget: { d1: 1, durableObject: 1 } },
  { name: "PUT /v1/notes/{id}/collect", call: () => api("PUT", `/v1/notes/${noteId}/collect`, signedIn(() => fan)), status: 200, budget: { d1: 1, durableObject: 1 } },
  { name: "PUT /v1/users/{id}/follow", call: () => api("PUT", `/v1/users/${owner.id}/follow`, signedIn(() => fan)), status: 200, budget: { d1: 1, durableObject: 1 } },
  { name: "GET /v1/notes/{id}/translation, cache hit, anonymous", call: () => api("GET", `/v1/notes/${noteId}/translation?to=zh-Hans`), status: 200, budget: { d1: 1, kv: 0 } },
  { name: "GET /v1/notes/{id}/translation, cache hit, signed in", call: () => api("GET", `/v1/notes/${noteId}/translation?to=zh-Hans`, signedIn(() => fan)), status: 200, budget: { d1: 1, kv: 0 } },
  {
    name: "POST /v1/notes/{id}/cat-tax-receipts",
    call: () => api("POST", `/v1/notes/${catNoteId}/cat-tax-receipts`, signedIn(() => [fan, other][serial++ % 2]!)),
    status: 201,
    budget: { d1: 1, durableObject: 2 },
  },
  { name: "GET /v1/notes/{id}/cat-tax-receipts, signed in", call: () => api("GET", `/v1/notes/${catNoteId}/cat-tax-receipts`, signedIn(() => fan)), status: 200, budget: { d1: 1, durableObject: 1 } },
];

describe("round trips per request stay within budget", () => {
  it.each(cases)("$name", async ({ call, status, budget }) => {
    const response = await call();
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    const used = roundTripsOf(response);
    for (const [kind, limit] of Object.entries(budget) as [keyof Budget, number][]) {
      expect(used[kind], `${kind}: ${JSON.stringify(used)}`).toBeLessThanOrEqual(limit);
    }
  });

  it("counts what it claims to: a signed-in request without a cached session pays for the lookup", async () => {
    const fresh = await createUser();
    const first = roundTripsOf(await api("GET", `/v1/notes/${noteId}`, { token: fresh.token }));
    const second = roundTripsOf(await api("GET", `/v1/notes/${noteId}`, { token: fresh.token }));
    expect(first.d1).toBe(second.d1 + 1);
  });
});
