// `npm run bench:feeds`: the feeds at scale (issue #7) beside GET /health, in one run.
// 100,000 notes, 10,000 signed-in users with likes and follows, written straight
// into the bench's D1 by SQL (seeding that through the API would take hours and
// measure nothing of interest), then for-you (signed in with history, and signed
// out), following, nearby and a topic page at c=1/10/50. See bench/README.md.
import { HEALTH, runBenchmark } from "./lib/harness.mjs";
import { benchOptions } from "./lib/options.mjs";
import { createSignedInUsers } from "./lib/users.mjs";
import { executeSql } from "./lib/worker.mjs";

export const USERS = 10_000;
export const NOTES = 100_000;
const LIKES = 300_000;
const FOLLOWS = 200_000;
const TOPICS = 50;
const SPAN_MS = 30 * 24 * 3_600_000; // notes spread over the last 30 days
const GOAL = 0.5;
const TUCSON = [32.2226, -110.9747];

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** SQL for a ULID whose time part is the integer expression `t` (as src/lib/ids.ts makes them). */
const ulidSql = (t) =>
  [
    ...Array.from({ length: 10 }, (_, k) => `substr('${CROCKFORD}', ((${t}) >> ${5 * (9 - k)}) % 32 + 1, 1)`),
    ...Array.from({ length: 16 }, () => `substr('${CROCKFORD}', abs(random()) % 32 + 1, 1)`),
  ].join(" || ");

// Pseudo-random but reproducible picks from the row number; nested modulo gives a heavy tail
// (low user numbers write and are followed far more), like real follower counts.
const heavyTailUser = (i, users) => `(1 + ((${i} * 2654435761) % (1 + (${i} * 40503) % ${users})))`;
const userAt = (rowid) => `(SELECT id FROM users WHERE rowid = ${rowid})`;
const seq = (n) => `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1})`;

/** The seed as SQL statements, for `executeSql`. Users (with sessions) must exist first. */
export function seedStatements(now, { notes = NOTES, likes = LIKES, follows = FOLLOWS, users = USERS } = {}) {
  const t = `(${now} - i * ${Math.floor(SPAN_MS / notes)})`;
  const r = `((i * 7919) % 100)`;
  return [
    `UPDATE users SET
       ip_country = CASE rowid % 4 WHEN 0 THEN 'CN' WHEN 1 THEN 'US' WHEN 2 THEN 'MX' ELSE 'BR' END,
       languages = CASE rowid % 4 WHEN 0 THEN '["zh-Hans"]' WHEN 1 THEN '["en"]' WHEN 2 THEN '["es","en"]' ELSE '["pt"]' END`,
    `${seq(TOPICS)} INSERT OR IGNORE INTO topics (name, created_at) SELECT 't' || i, ${now} FROM seq`,
    `${seq(notes)} INSERT INTO notes (id, author_id, title, body, language, language_source, media,
       place_name, place_latitude, place_longitude, ip_country, view_count, created_at, updated_at)
     SELECT ${ulidSql(t)}, ${userAt(heavyTailUser("i", users))}, 'Note ' || i,
       'Night market after work: 今天去夜市吃东西, then my cat checked every bag. #t' || (i % ${TOPICS}),
       CASE WHEN ${r} < 50 THEN 'zh-Hans' WHEN ${r} < 80 THEN 'en' WHEN ${r} < 90 THEN 'es' ELSE 'pt' END, 'author', '[]',
       CASE WHEN i % 3 = 0 THEN 'Tucson' END,
       CASE WHEN i % 3 = 0 THEN ${TUCSON[0]} + ((i * 37) % 2001 - 1000) / 1000.0 END,
       CASE WHEN i % 3 = 0 THEN ${TUCSON[1]} + ((i * 53) % 2001 - 1000) / 1000.0 END,
       CASE WHEN ${r} < 50 THEN 'CN' WHEN ${r} < 80 THEN 'US' WHEN ${r} < 90 THEN 'MX' ELSE 'BR' END,
       (i * 104729) % 3000, ${t}, ${t}
     FROM seq`,
    `INSERT INTO note_topics (note_id, topic) SELECT id, 't' || (rowid % ${TOPICS}) FROM notes`,
    `${seq(likes)} INSERT OR IGNORE INTO likes (user_id, note_id, created_at)
     SELECT ${userAt(`1 + (i * 48271) % ${users}`)}, (SELECT id FROM notes WHERE rowid = 1 + (i * 69621 + (i / ${notes}) * 12345) % ${notes}), ${now} - i FROM seq`,
    `${seq(follows)} INSERT OR IGNORE INTO follows (follower_id, followee_id, created_at)
     SELECT ${userAt(`1 + i % ${users}`)}, ${userAt(heavyTailUser("(i + 17)", users))}, ${now} - i FROM seq`,
  ];
}

async function seed({ worker }) {
  const users = await createSignedInUsers(worker, USERS);
  await executeSql(worker, seedStatements(Date.now()));
  const tokens = users.slice(0, 1_000).map((user) => user.token);
  const fullPage = (page) => (page.items?.length === 20 ? undefined : `expected 20 items, got ${page.items?.length}`);
  return {
    seeded: { users: USERS, notes: NOTES, likes: LIKES, follows: FOLLOWS, topics: TOPICS },
    scenarios: [
      { name: "GET /v1/feed/for-you (signed in)", path: "/v1/feed/for-you", tokens, check: fullPage },
      { name: "GET /v1/feed/for-you (signed out)", path: "/v1/feed/for-you", check: fullPage },
      { name: "GET /v1/feed/following", path: "/v1/feed/following", tokens, check: fullPage },
      { name: "GET /v1/feed/nearby", path: `/v1/feed/nearby?lat=${TUCSON[0]}&lon=${TUCSON[1]}&radiusKm=10`, check: fullPage },
      { name: "GET /v1/topics/{name}/notes", path: "/v1/topics/t7/notes", check: fullPage },
    ],
  };
}

/** The issue's goal: every row at least half of GET /health's throughput, for-you included, at c=50. */
function goals(rows) {
  const at50 = rows.filter((row) => row.connections === 50 && row.route !== HEALTH.name);
  return at50.map((row) => ({
    goal: `${row.route} >= ${GOAL.toFixed(2)}× GET /health at 50 connections`,
    met: row.ratio >= GOAL,
    detail: `${row.ratio.toFixed(2)}×`,
  }));
}

if (import.meta.main ?? process.argv[1]?.endsWith("feeds.mjs")) {
  await runBenchmark({
    name: "feeds",
    baseline: HEALTH,
    setup: seed,
    options: benchOptions({ port: 8861, inspectorPort: 8871 }),
    goals,
  });
}
