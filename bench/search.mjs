// `npm run bench:search`: search, topic pages and trending over 100,000 notes
// (issue #7). See bench/README.md.
import { HEALTH, runBenchmark } from "./lib/harness.mjs";
import { clientIps } from "./lib/http.mjs";
import { benchOptions } from "./lib/options.mjs";
import { HOT_TOPIC, seedSearchData } from "./search-seed.mjs";

const NOTES = Number(process.env.BENCH_NOTES ?? 100_000);
const USERS = 10_000;
const GOAL = 0.5;

async function seed({ worker }) {
  const seeded = await seedSearchData(worker, { notes: NOTES, users: USERS });
  // Searches are limited to 120 a minute per address: spread them over many.
  const ips = clientIps(20_000);
  const fullPage = (page) => (page.items.length === 20 ? undefined : `expected a full page, got ${page.items.length}`);
  const search = (name, q, extra = "") => ({ name, path: `/v1/search?q=${encodeURIComponent(q)}${extra}`, ips, check: fullPage });
  return {
    seeded,
    scenarios: [
      search("search 夜市 (two characters)", "夜市"),
      search("search 猫 (one character)", "猫"),
      search("search 烟火气 (three characters)", "烟火气"),
      search("search cats (English)", "cats"),
      search("search night market (two words)", "night market"),
      search("search 夜市 in #cattax, zh", "夜市", "&topic=cattax&language=zh"),
      {
        name: "GET /v1/topics/{name}",
        path: `/v1/topics/${HOT_TOPIC}`,
        check: (topic) => (topic.discussionCount >= topic.noteCount && topic.noteCount > NOTES / 5 ? undefined : `unexpected counts ${JSON.stringify(topic)}`),
      },
      { name: "GET /v1/topics/{name}/notes?sort=top", path: `/v1/topics/${HOT_TOPIC}/notes?sort=top`, check: fullPage },
      { name: "GET /v1/topics/{name}/notes", path: `/v1/topics/${HOT_TOPIC}/notes`, check: fullPage },
      { name: "GET /v1/topics/trending", path: "/v1/topics/trending", check: (list) => (Array.isArray(list.items) ? undefined : "no items") },
    ],
  };
}

function goals(rows) {
  const most = Math.max(...rows.map((row) => row.connections));
  const measured = rows.filter((row) => row.route !== HEALTH.name && row.connections === most);
  return [
    {
      goal: `every route >= ${GOAL.toFixed(2)}× GET /health at ${most} connections`,
      met: measured.length > 0 && measured.every((row) => row.ratio >= GOAL),
      detail: measured.map((row) => `${row.route} ${row.ratio.toFixed(2)}×`).join(", "),
    },
  ];
}

await runBenchmark({
  name: "search",
  baseline: HEALTH,
  setup: seed,
  options: benchOptions({ port: 8806, inspectorPort: 8816 }),
  goals,
});
