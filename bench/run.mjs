// `npm run bench`: the foundation benchmark (issue #2). See bench/README.md.
import { HEALTH, runBenchmark } from "./lib/harness.mjs";
import { mapLimit, request } from "./lib/http.mjs";
import { benchOptions } from "./lib/options.mjs";
import { BENCH_PASSWORD, createSignedInUsers } from "./lib/users.mjs";

// Enough users that each one's share of the writes stays far below the write
// limit (120 per user per minute): 500 users allow 1,000 writes/s.
const USERS = 500;
const AUTHOR_NOTES = 50;
const TOP_LEVEL_COMMENTS = 40;
const THREADS_WITH_REPLIES = 5;
const REPLIES_PER_THREAD = 2;

const noteBody = {
  title: "夜市 haul 🐱",
  body: "Night market after work: 今天去夜市吃东西, then my cat Lili checked every bag. #bench #夜市",
};
const commentBody = { body: "So cute!! 好可爱 😂 here is my cat tax receipt 🧾" };

/** Seeds the data the scenarios read, through the API so it has the API's real shape. */
async function seed({ worker, origin }) {
  const users = await createSignedInUsers(worker, USERS);
  const [author, poster, ...others] = users;
  const post = (path, body, user) => request(origin, "POST", path, { token: user.token, body });

  await mapLimit(Array.from({ length: AUTHOR_NOTES }), 4, (_, i) =>
    post("/v1/notes", { title: `Note ${i + 1}`, body: `Day ${i + 1} in Tucson: the cactus grew. #garden` }, author),
  );
  const hotNote = await post("/v1/notes", noteBody, poster);
  const threads = await mapLimit(others.slice(0, TOP_LEVEL_COMMENTS), 4, (user) =>
    post(`/v1/notes/${hotNote.id}/comments`, commentBody, user),
  );
  const repliers = others.slice(TOP_LEVEL_COMMENTS);
  // Replies go under the newest threads, so the first page (newest first) shows them.
  const replies = threads.slice(-THREADS_WITH_REPLIES).flatMap((thread, t) =>
    Array.from({ length: REPLIES_PER_THREAD }, (_, r) => ({ thread, user: repliers[t * REPLIES_PER_THREAD + r] })),
  );
  await mapLimit(replies, 4, ({ thread, user }) =>
    post(`/v1/notes/${hotNote.id}/comments`, { body: "哈哈 same here 👍", replyTo: thread.id }, user),
  );
  const commentedNote = await post("/v1/notes", { title: "Comment here", body: "Comments pile up here." }, poster);

  // The author's token stays out of the write rotation: their 50 notes already used part of their minute.
  const writers = users.slice(1).map((user) => user.token);
  // Signed-in readers: many tokens, each session looked up once per isolate and then cached, as for real clients.
  const readers = users.slice(1).map((user) => user.token);
  // Sign-in is limited to 10 a minute per phone and per IP: every request is another person from another address.
  const signIns = users.map((user) => ({ phone: user.phone, region: "CN", password: BENCH_PASSWORD }));
  const addresses = users.map((_, i) => `10.9.${i >> 8}.${i & 255}`);
  const comments = TOP_LEVEL_COMMENTS + replies.length;
  return {
    seeded: { users: USERS, authorNotes: AUTHOR_NOTES, hotNoteComments: comments, hotNoteTopLevel: TOP_LEVEL_COMMENTS },
    scenarios: [
      // The floor of any route that reads D1: one trivial query, nothing else.
      { name: "GET /health/ready (one D1 round trip)", path: "/health/ready", check: (body) => (body.database === "ok" ? undefined : "database not ok") },
      {
        name: "GET /v1/notes/{id}",
        path: `/v1/notes/${hotNote.id}`,
        check: (note) => (note.commentCount === comments ? undefined : `expected ${comments} comments, got ${note.commentCount}`),
      },
      {
        name: "GET /v1/notes/{id}/comments",
        path: `/v1/notes/${hotNote.id}/comments`,
        check: (page) => (page.items.length === 20 && page.items.some((c) => c.firstReplies.length > 0) ? undefined : "expected 20 comments, some with replies"),
      },
      {
        name: "GET /v1/users/{id}/notes",
        path: `/v1/users/${author.id}/notes`,
        check: (page) => (page.items.length === 20 ? undefined : `expected a page of 20 notes, got ${page.items.length}`),
      },
      { name: "GET /v1/notes/{id}, signed in", path: `/v1/notes/${hotNote.id}`, tokens: readers },
      { name: "GET /v1/notes/{id}/comments, signed in", path: `/v1/notes/${hotNote.id}/comments`, tokens: readers },
      { name: "GET /v1/users/{id}/notes, signed in", path: `/v1/users/${author.id}/notes`, tokens: readers },
      // Creates send an Idempotency-Key, as real clients do.
      { name: "POST /v1/notes", writes: true, method: "POST", path: "/v1/notes", body: noteBody, tokens: writers, idempotencyKeys: true },
      {
        name: "POST /v1/notes/{id}/comments",
        writes: true,
        method: "POST",
        path: `/v1/notes/${commentedNote.id}/comments`,
        body: commentBody,
        tokens: writers,
        idempotencyKeys: true,
      },
      // Sign-in: PBKDF2 at 100,000 iterations, the most Workers allows; its cost next to /health.
      { name: "POST /v1/sessions", writes: true, method: "POST", path: "/v1/sessions", bodies: signIns, ips: addresses },
    ],
  };
}

await runBenchmark({
  name: "foundation",
  baseline: HEALTH,
  setup: seed,
  options: benchOptions({ port: 8801, inspectorPort: 8811 }),
});
