// `npm run bench:translation`: translation throughput against `wrangler dev` on
// 127.0.0.1:8802, as ratios to GET /health measured in the same run.
//   - a note's translation served from the snippet cache (goal: >= 70% of /health)
//   - cold translations with the offline CC-CEDICT engine (every sentence new)
// Bounded: BENCH_SECONDS per cell (default 8), at most COLD_REQUESTS cold requests.
// Prints a markdown table; request logging is off (--log-level warn).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { offlineEnv, wrangler } from "../scripts/wrangler.mjs";

const PORT = 8802;
const INSPECTOR_PORT = 8812;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CELL_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;
const WARMUP_MS = 3000;
const CONNECTIONS = [1, 10, 50];
const COLD_CONNECTIONS = [1, 10];
const COLD_REQUESTS = 120; // per concurrency
// Engine calls are limited to 60 per user per minute: spread them over enough readers.
const READERS = 6;

const log = (line) => process.stderr.write(`${line}\n`);

async function call(method, path, { token, body, ip } = {}) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (ip) headers["CF-Connecting-IP"] = ip;
  const response = await fetch(ORIGIN + path, { method, headers, body: body && JSON.stringify(body) });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function startWorker(persistTo) {
  await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], { stdio: "ignore" });
  const dev = spawn("wrangler", ["dev", "--port", String(PORT), "--inspector-port", String(INSPECTOR_PORT), "--log-level", "warn", "--persist-to", persistTo], {
    env: offlineEnv,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true, // its own process group, so stopping it stops workerd too
  });
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    try {
      if ((await fetch(`${ORIGIN}/health`)).ok) return dev;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(-dev.pid, "SIGTERM");
  throw new Error("wrangler dev did not answer within 60 s");
}

async function createReader(i) {
  const phone = `139 ${String(8000 + i).padStart(4, "0")} ${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const account = { phone, region: "CN", password: "bench password 1" };
  const ip = `198.51.100.${i + 1}`;
  await call("POST", "/v1/users", { body: { ...account, nickname: `reader${i}`, languages: ["en"] }, ip });
  return (await call("POST", "/v1/sessions", { body: account, ip })).token;
}

const sentences = (n) => `今天是我来小红书的第${n}天。我们去夜市吃了${n}个烤串。我的猫在家等我，它叫${n}号。`;

/** Runs requests from `connections` loops until the time or the requests run out. */
async function load(requestFor, { connections, durationMs, maxRequests = Infinity }) {
  const latencies = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && next < maxRequests) {
        const [path, token] = requestFor(next++);
        const t0 = performance.now();
        const response = await fetch(ORIGIN + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

const persistTo = mkdtempSync(join(tmpdir(), "notebridge-bench-translation-"));
let dev;
try {
  log("starting wrangler dev on port 8802 with a fresh local state");
  dev = await startWorker(persistTo);
  const readers = [];
  for (let i = 0; i < READERS; i++) readers.push(await createReader(i));
  const [author] = readers;

  const hot = await call("POST", "/v1/notes", {
    token: author,
    body: { title: "我的后院", body: "这是我的后院，欢迎中国朋友！我今天去夜市吃东西。内卷太严重了，我选择躺平。好有烟火气 🌵" },
  });
  const hotPath = `/v1/notes/${hot.id}/translation?to=en`;
  const first = await call("GET", hotPath, { token: author });
  if (first.fromCache || first.engine?.id !== "cedict-dictionary") throw new Error("the first translation should call the engine");

  log(`creating ${COLD_REQUESTS * COLD_CONNECTIONS.length} notes for the cold translations`);
  const coldNotes = [];
  for (let n = 0; n < COLD_REQUESTS * COLD_CONNECTIONS.length; n++) {
    const note = await call("POST", "/v1/notes", { token: readers[n % READERS], body: { body: sentences(n + 1) } });
    coldNotes.push(note.id);
  }

  const health = () => ["/health"];
  const cacheHit = (i) => [hotPath, readers[i % READERS]];
  // The same storage round trips as a cache hit (session, then the note): what the translation layer adds is the difference.
  const noteRead = (i) => [`/v1/notes/${hot.id}`, readers[i % READERS]];
  await load(health, { connections: 10, durationMs: WARMUP_MS });
  await load(cacheHit, { connections: 10, durationMs: WARMUP_MS });

  const rows = [];
  for (const connections of CONNECTIONS) {
    const baseline = await load(health, { connections, durationMs: CELL_MS });
    rows.push({ scenario: "GET /health (baseline)", connections, ...baseline, ratio: 1 });
    const hit = await load(cacheHit, { connections, durationMs: CELL_MS });
    rows.push({ scenario: "note translation, cache hit", connections, ...hit, ratio: hit.rps / baseline.rps });
    const read = await load(noteRead, { connections, durationMs: CELL_MS });
    rows.push({ scenario: "GET /v1/notes/{id} signed in (reference)", connections, ...read, ratio: read.rps / baseline.rps });
    if (COLD_CONNECTIONS.includes(connections)) {
      const offset = COLD_CONNECTIONS.indexOf(connections) * COLD_REQUESTS;
      const cold = await load((i) => [`/v1/notes/${coldNotes[offset + i]}/translation?to=en`, readers[(offset + i) % READERS]], {
        connections,
        durationMs: 60_000,
        maxRequests: COLD_REQUESTS,
      });
      rows.push({ scenario: "note translation, cold (cedict-dictionary, 3 sentences)", connections, ...cold, ratio: cold.rps / baseline.rps });
    }
    for (const row of rows.slice(-4)) log(`  ${row.scenario} ×${row.connections}: ${row.rps.toFixed(0)} req/s`);
  }

  const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : "–");
  console.log("| scenario | connections | requests | req/s | p50 ms | p99 ms | errors | ratio to /health |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| ${r.scenario} | ${r.connections} | ${r.requests} | ${r.rps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} | ${(r.ratio * 100).toFixed(0)}% |`);
  }
  if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
} finally {
  if (dev) process.kill(-dev.pid, "SIGTERM");
  rmSync(persistTo, { recursive: true, force: true });
}
