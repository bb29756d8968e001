// `npm run bench:live`: live-thread fan-out and cat tax stamping against
// `wrangler dev` on 127.0.0.1, each beside a bare baseline measured in the same
// run on the same runtime (bench/baseline). Setup (users, sessions, notes) is
// not measured. Bounded: fixed counts, and a deadline that stops everything.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import WebSocket from "ws";
import { startWrangler, wrangler } from "../scripts/wrangler.mjs";

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1_000);
const COMMENTS_PER_SECOND = 10;
const POST_SECONDS = 20;
const POSTERS = 10; // each posts 20 comments: well under the 120 writes/min per user
const STAMPERS = 1_000;
const IN_FLIGHT = 50;
const APP = "http://127.0.0.1:8803";
const BASELINE = "http://127.0.0.1:8813";
const DEADLINE_MS = 10 * 60_000;

const children = [];
async function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await sleep(500);
}
const deadline = setTimeout(async () => {
  console.error(`Benchmark passed its ${DEADLINE_MS / 60_000} min deadline; stopping.`);
  await stopAll();
  process.exit(2);
}, DEADLINE_MS);

// ---------- setup: users and sessions straight into the local D1 ----------

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function ulid(now = Date.now()) {
  let time = "";
  for (let i = 0, t = now; i < 10; i++, t = Math.floor(t / 32)) time = crockford[t % 32] + time;
  return time + [...randomBytes(16)].map((b) => crockford[b % 32]).join("");
}
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

function benchUsers(count) {
  return Array.from({ length: count }, (_, i) => ({
    id: ulid(),
    phone: `+8613${String(900_000_000 + i)}`,
    nickname: `bench${i}`,
    token: `nb_${randomBytes(32).toString("base64url")}`,
    ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  }));
}

function seedSql(users) {
  const now = Date.now();
  const lines = [];
  for (let i = 0; i < users.length; i += 200) {
    const chunk = users.slice(i, i + 200);
    lines.push(
      `INSERT INTO users (id, phone_e164, phone_region, password_hash, nickname, languages, created_at, updated_at) VALUES ${chunk
        .map((u) => `('${u.id}', '${u.phone}', 'CN', 'not-a-password-hash', '${u.nickname}', '["en"]', ${now}, ${now})`)
        .join(", ")};`,
      `INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at) VALUES ${chunk
        .map((u) => `('${ulid()}', '${u.id}', '${sha256(u.token)}', ${now}, ${now + 86_400_000})`)
        .join(", ")};`,
    );
  }
  return lines.join("\n");
}

async function waitUntilUp(url) {
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(500);
    }
  }
  throw new Error(`${url} did not come up`);
}

// ---------- measuring ----------

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function summarise(latencies, count, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    perSecond: count / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

/** Opens `count` sockets, `IN_FLIGHT` at a time, each from its own address, and waits for each one's first message. */
async function openViewers(url, count) {
  const sockets = [];
  for (let i = 0; i < count; i += IN_FLIGHT) {
    const batch = Array.from({ length: Math.min(IN_FLIGHT, count - i) }, (_, j) =>
      new Promise((resolve, reject) => {
        const n = i + j;
        const socket = new WebSocket(url, { perMessageDeflate: false, headers: { "CF-Connecting-IP": `172.16.${n >> 8}.${n & 255}` } });
        socket.once("message", () => resolve(socket));
        socket.once("error", reject);
        socket.once("unexpected-response", (_, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
      }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

/**
 * Fan-out: `VIEWERS` sockets watch while `post(k)` sends message k at a steady
 * COMMENTS_PER_SECOND. Latency is from the post being sent to each socket
 * receiving it; every socket must get every message exactly once.
 */
async function fanOut(name, socketUrl, post) {
  const sockets = await openViewers(socketUrl, VIEWERS);
  const total = COMMENTS_PER_SECOND * POST_SECONDS;
  const postedAt = new Float64Array(total);
  const seen = sockets.map(() => new Uint8Array(total));
  const latencies = [];
  let duplicates = 0;
  let lastDelivery = 0;
  sockets.forEach((socket, s) => {
    socket.on("message", (data) => {
      const match = /bench (\d+)"/.exec(data.toString());
      if (!match) return;
      const k = Number(match[1]);
      const now = performance.now();
      if (seen[s][k]) return void duplicates++;
      seen[s][k] = 1;
      latencies.push(now - postedAt[k]);
      lastDelivery = now;
    });
  });

  const started = performance.now();
  const posts = [];
  const answered = [];
  for (let k = 0; k < total; k++) {
    const due = started + (k * 1000) / COMMENTS_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    postedAt[k] = performance.now();
    posts.push(post(k).finally(() => answered.push(performance.now() - postedAt[k])));
  }
  const statuses = await Promise.all(posts);
  const failedPosts = statuses.filter((status) => status >= 300).length;
  const expected = total * VIEWERS;
  for (let i = 0; i < 100 && latencies.length < expected; i++) await sleep(100);
  for (const socket of sockets) socket.terminate();

  const seconds = (lastDelivery - started) / 1000;
  return {
    name,
    ...summarise(latencies, latencies.length, seconds),
    delivered: latencies.length,
    lost: expected - latencies.length,
    duplicates,
    failedPosts,
    postAnswered: summarise(answered, total, seconds),
  };
}

/** `count` requests, `IN_FLIGHT` at a time: requests/s and latency. */
async function burst(name, count, request) {
  const latencies = [];
  const results = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        const i = next++;
        const sent = performance.now();
        results[i] = await request(i);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { name, ...summarise(latencies, count, seconds), results };
}

const json = async (response) => ({ status: response.status, body: await response.json() });

// ---------- the run ----------

const round = (n) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : n);
const ratio = (a, b) => (b ? round(a / b) : NaN);

async function main() {
  const appState = await mkdtemp(join(tmpdir(), "notebridge-bench-"));
  const baselineState = await mkdtemp(join(tmpdir(), "notebridge-bench-baseline-"));
  const [author, ...others] = benchUsers(1 + POSTERS + STAMPERS);
  const posters = others.slice(0, POSTERS);
  const stampers = others.slice(POSTERS);
  try {
    console.log("Setting up: migrations, %d users and sessions, two wrangler dev servers…", others.length + 1);
    await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", appState], { stdio: "ignore" });
    const seedFile = join(appState, "bench-seed.sql");
    await writeFile(seedFile, seedSql([author, ...others]));
    await wrangler(["d1", "execute", "DB", "--local", "--persist-to", appState, "--file", seedFile], { stdio: "ignore" });
    const quiet = { stdio: ["ignore", "ignore", "inherit"], detached: true };
    // One after the other: two wranglers starting at once can race for the same free port.
    children.push(startWrangler(["dev", "--port", "8803", "--log-level", "warn", "--persist-to", appState], quiet));
    await waitUntilUp(`${APP}/health`);
    children.push(
      startWrangler(["dev", "-c", "bench/baseline/wrangler.toml", "--port", "8813", "--log-level", "warn", "--persist-to", baselineState], quiet),
    );
    await waitUntilUp(`${BASELINE}/`);

    const createNote = async (body) => {
      const response = await fetch(`${APP}/v1/notes`, {
        method: "POST",
        headers: { Authorization: `Bearer ${author.token}`, "Content-Type": "application/json", "CF-Connecting-IP": author.ip },
        body: JSON.stringify(body),
      });
      if (response.status !== 201) throw new Error(`note: ${response.status} ${await response.text()}`);
      return (await response.json()).id;
    };
    const threadNote = await createNote({ title: "My backyard cactus 🌵", body: "Welcome Chinese friends!" });
    const catNote = await createNote({ title: "Lili pays her cat tax", isCatNote: true, catName: "Lili" });
    // A sample comment event, so the bare broadcast sends messages of the same size.
    const sample = JSON.stringify({ type: "comment.created", id: 1, comment: await postComment(threadNote, posters[0], "sample") });
    const padding = "x".repeat(Math.max(0, sample.length - 60));

    console.log("Fan-out: %d viewers, %d comments/s for %d s…", VIEWERS, COMMENTS_PER_SECOND, POST_SECONDS);
    const bare = await fanOut("bare broadcast (no D1)", `${BASELINE.replace("http", "ws")}/room/ws`, async (k) => {
      const response = await fetch(`${BASELINE}/room/broadcast`, {
        method: "POST",
        body: JSON.stringify({ type: "comment.created", id: k, pad: padding, body: `bench ${k}` }),
      });
      await response.arrayBuffer();
      return response.status;
    });
    const live = await fanOut("live thread (D1 write, outbox, broadcast)", `${APP.replace("http", "ws")}/v1/notes/${threadNote}/live`, (k) =>
      postComment(threadNote, posters[k % POSTERS], `bench ${k}`, true),
    );

    console.log("Stamping: %d stampers on one cat note, %d in flight…", STAMPERS, IN_FLIGHT);
    const trivial = await burst("trivial Durable Object call (one SQLite write)", STAMPERS, async () =>
      json(await fetch(`${BASELINE}/counter`, { method: "POST" })),
    );
    const stamps = await burst("cat tax stamp (checks, DO serial, D1 mirror)", STAMPERS, async (i) =>
      json(
        await fetch(`${APP}/v1/notes/${catNote}/cat-tax-receipts`, {
          method: "POST",
          headers: { Authorization: `Bearer ${stampers[i].token}`, "CF-Connecting-IP": stampers[i].ip },
        }),
      ),
    );
    const serials = stamps.results.filter((r) => r.status === 201).map((r) => r.body.serial).sort((a, b) => a - b);
    const gapFree = serials.length === STAMPERS && serials.every((serial, i) => serial === i + 1);

    await report({ bare, live, trivial, stamps, gapFree, failedStamps: STAMPERS - serials.length });
  } finally {
    await stopAll();
    await rm(appState, { recursive: true, force: true });
    await rm(baselineState, { recursive: true, force: true });
    clearTimeout(deadline);
  }
}

async function postComment(noteId, user, body, statusOnly = false) {
  const response = await fetch(`${APP}/v1/notes/${noteId}/comments`, {
    method: "POST",
    headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json", "CF-Connecting-IP": user.ip },
    body: JSON.stringify({ body }),
  });
  if (statusOnly) {
    await response.arrayBuffer();
    return response.status;
  }
  return response.json();
}

function report({ bare, live, trivial, stamps, gapFree, failedStamps }) {
  const fanOutRow = (r) =>
    `| ${r.name} | ${Math.round(r.perSecond)} | ${round(r.p50)} | ${round(r.p99)} | ${round(r.max)} | ${r.lost} | ${r.duplicates} | ${r.failedPosts} | ${round(r.postAnswered.p50)} / ${round(r.postAnswered.p99)} |`;
  const burstRow = (r) => `| ${r.name} | ${Math.round(r.perSecond)} | ${round(r.p50)} | ${round(r.p99)} | ${round(r.max)} |`;
  const lines = [
    "",
    `Fan-out: ${VIEWERS} viewers on one thread, ${COMMENTS_PER_SECOND} comments/s for ${POST_SECONDS} s (latency: post sent → event received, ms)`,
    "",
    "| | deliveries/s | p50 | p99 | max | lost | duplicated | failed posts | post answered p50 / p99 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    fanOutRow(bare),
    fanOutRow(live),
    `| live / bare | ${ratio(live.perSecond, bare.perSecond)} | ${ratio(live.p50, bare.p50)} | ${ratio(live.p99, bare.p99)} | ${ratio(live.max, bare.max)} | | | | |`,
    "",
    `Stamping: ${STAMPERS} different users stamping one cat note, ${IN_FLIGHT} requests in flight (latency ms)`,
    "",
    "| | requests/s | p50 | p99 | max |",
    "|---|---:|---:|---:|---:|",
    burstRow(trivial),
    burstRow(stamps),
    `| stamp / trivial | ${ratio(stamps.perSecond, trivial.perSecond)} | ${ratio(stamps.p50, trivial.p50)} | ${ratio(stamps.p99, trivial.p99)} | ${ratio(stamps.max, trivial.max)} |`,
    "",
    `Serials 1..${STAMPERS} without gaps or duplicates: ${gapFree ? "yes" : "NO"}; stamps refused: ${failedStamps}`,
    `Fan-out goal (p99 < 100 ms, nothing lost): ${live.p99 < 100 && live.lost === 0 && live.duplicates === 0 ? "met" : "NOT met"}`,
  ];
  console.log(lines.join("\n"));
  return mkdir("bench/results", { recursive: true }).then(() =>
    writeFile(
      `bench/results/live-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
      JSON.stringify({ bare, live, trivial: { ...trivial, results: undefined }, stamps: { ...stamps, results: undefined }, gapFree }, null, 2),
    ),
  );
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
