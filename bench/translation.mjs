// `npm run bench:translation`: reading a note's translation, beside GET /health
// in the same run (issue #3's goal: a cache hit at >= 70% of /health's req/s).
// See bench/README.md.
import { HEALTH, runBenchmark } from "./lib/harness.mjs";
import { clientIps, mapLimit, request } from "./lib/http.mjs";
import { benchOptions } from "./lib/options.mjs";
import { createSignedInUsers } from "./lib/users.mjs";

const GOAL = 0.7;
// Cold translations run at these concurrencies only: each request needs a note no one has translated yet.
const COLD_CONNECTIONS = [1, 10];
// Cold requests a second that the pool of untranslated notes is sized for (measured: 100-130 on a quiet machine).
const COLD_RPS_CEILING = 200;
// Engine calls are limited to 60 a minute per user, or per IP address when signed out
// (RATE_LIMIT_TRANSLATE): cold requests come from this many addresses in turn.
const COLD_IPS = 2_000;
// Note authors (writes are limited to 120 a minute per user) and signed-in readers.
const USERS = 100;

const hotNote = {
  title: "我的后院",
  body: "这是我的后院，欢迎中国朋友！我今天去夜市吃东西。内卷太严重了，我选择躺平。好有烟火气 🌵",
};
// Three sentences that no other note has (n is in each), so nothing of it is in the snippet cache.
const coldBody = (n) => `今天是我来小红书的第${n}天。我们去夜市吃了${n}个烤串。我的猫在家等我，它叫${n}号。`;

/** Enough untranslated notes for every cold cell and its warm-up, one re-measured cell and the preflight. */
function coldNotesNeeded(options) {
  const cells = COLD_CONNECTIONS.filter((c) => options.connections.includes(c)).length + 1;
  return Math.ceil(cells * (options.duration + options.warmup) * COLD_RPS_CEILING) + 10;
}

async function seed({ worker, origin }, options) {
  const users = await createSignedInUsers(worker, USERS);
  const [author] = users;
  const hot = await request(origin, "POST", "/v1/notes", { token: author.token, body: hotNote });
  const translationOf = (id) => `/v1/notes/${id}/translation?to=en`;
  // The first reader pays for the engine; everyone after reads the snippet cache.
  const first = await request(origin, "GET", translationOf(hot.id), { ip: "192.0.2.1" });
  if (first.fromCache || first.engine?.id !== "cedict-dictionary") throw new Error(`the first translation should call the engine: ${JSON.stringify(first)}`);

  const coldCount = coldNotesNeeded(options);
  process.stderr.write(`translation: creating ${coldCount} notes for the cold translations\n`);
  const cold = await mapLimit(Array.from({ length: coldCount }), 8, (_, n) =>
    request(origin, "POST", "/v1/notes", { token: users[n % USERS].token, body: { body: coldBody(n + 1) } }),
  );
  let nextCold = 0;
  // Past the pool: a note that doesn't exist, whose 404s fail the run rather than measure cache hits.
  const coldPath = () => translationOf(cold[nextCold++]?.id ?? "00000000000000000000000000");

  return {
    seeded: { users: USERS, hotNote: hot.id, coldNotes: coldCount, coldIps: COLD_IPS },
    scenarios: [
      {
        name: "GET /v1/notes/{id}, anonymous",
        path: `/v1/notes/${hot.id}`,
        check: (note) => (note.id === hot.id ? undefined : "not the note"),
      },
      { name: "translation, cache hit, anonymous", path: translationOf(hot.id), expectInBody: '"fromCache":true' },
      {
        name: "translation, cache hit, signed in",
        path: translationOf(hot.id),
        tokens: users.slice(1, 11).map((u) => u.token),
        expectInBody: '"fromCache":true',
      },
      {
        // Every request a note no one has translated: three sentences through the engine,
        // the limiter, and three snippet-cache writes.
        name: "translation, cold, anonymous",
        path: coldPath,
        ips: clientIps(COLD_IPS),
        connections: COLD_CONNECTIONS,
        expectInBody: '"fromCache":0,"translated":3',
      },
    ],
  };
}

/** The goal, at every concurrency measured. */
function goals(rows) {
  const hits = rows.filter((row) => row.route === "translation, cache hit, anonymous");
  return [
    {
      goal: `anonymous cache hit >= ${GOAL.toFixed(2)}× GET /health`,
      met: hits.length > 0 && hits.every((row) => row.ratio >= GOAL),
      detail: hits.map((row) => `${row.ratio.toFixed(2)}× at ${row.connections}`).join(", "),
    },
  ];
}

const options = benchOptions({ port: 8802, inspectorPort: 8812 });
await runBenchmark({
  name: "translation",
  baseline: HEALTH,
  setup: (context) => seed(context, options),
  options,
  goals,
});
