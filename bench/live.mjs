// `npm run bench:live`: a note's live thread fanning comments out to 1,000
// WebSockets, and concurrent cat tax stamping, each beside a bare baseline on
// the same runtime in the same run (bench/baseline). See bench/README.md.
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import WebSocket from "ws";
import { otherCpuMeter, waitForQuiet } from "./lib/cpu.mjs";
import { clientIps, request, send } from "./lib/http.mjs";
import { measure } from "./lib/load.mjs";
import { benchOptions } from "./lib/options.mjs";
import { fixed, goalLines, machineInfo, markdownTable, percent, withRatios, writeResults } from "./lib/report.mjs";
import { createSignedInUsers } from "./lib/users.mjs";
import { prepareWorker, startDev } from "./lib/worker.mjs";

const options = benchOptions({
  port: 8803,
  inspectorPort: 8813,
  cells: false,
  quick: "100 viewers, 5 s of comments, 200 stampers (the baseline worker takes the ports 20 above)",
});
const VIEWERS = options.quick ? 100 : 1_000;
const COMMENTS_PER_SECOND = 10;
const POST_SECONDS = options.quick ? 5 : 20;
const POSTERS = 10; // each posts 20 comments: well under the 120 writes a minute per user
const STAMPERS = options.quick ? 200 : 1_000;
const IN_FLIGHT = 50;
const GOAL_P99_MS = 100;
const DEADLINE_MS = 10 * 60_000;

const log = (line) => process.stderr.write(`${line}\n`);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function summarise(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

/** Opens `count` sockets, `IN_FLIGHT` at a time, each from its own address (upgrades are limited per IP), and waits for each one's first message. */
async function openViewers(url, count) {
  const ips = clientIps(count);
  const sockets = [];
  for (let i = 0; i < count; i += IN_FLIGHT) {
    const batch = ips.slice(i, i + IN_FLIGHT).map(
      (ip) =>
        new Promise((resolvePromise, reject) => {
          const socket = new WebSocket(url, { perMessageDeflate: false, headers: { "CF-Connecting-IP": ip } });
          socket.once("message", () => resolvePromise(socket));
          socket.once("error", reject);
          socket.once("unexpected-response", (_, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

/**
 * Fan-out: VIEWERS sockets watch while `post(k)` sends message k at a steady
 * COMMENTS_PER_SECOND. Latency is from the post being sent to each socket
 * receiving it; every socket must get every message exactly once.
 */
async function fanOut(name, socketUrl, post, ownGroups) {
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

  await waitForQuiet(ownGroups, { maxMs: 15_000 });
  const otherCpu = otherCpuMeter(ownGroups);
  const started = performance.now();
  const posts = [];
  const answered = [];
  for (let k = 0; k < total; k++) {
    const wait = started + (k * 1000) / COMMENTS_PER_SECOND - performance.now();
    if (wait > 0) await sleep(wait);
    postedAt[k] = performance.now();
    posts.push(post(k).finally(() => answered.push(performance.now() - postedAt[k])));
  }
  const statuses = await Promise.all(posts);
  const expected = total * VIEWERS;
  for (let i = 0; i < 100 && latencies.length < expected; i++) await sleep(100);
  const cpu = otherCpu();
  for (const socket of sockets) socket.terminate();

  const posting = summarise(answered);
  return {
    name,
    deliveriesPerSecond: latencies.length / ((lastDelivery - started) / 1000),
    ...summarise(latencies),
    delivered: latencies.length,
    lost: expected - latencies.length,
    duplicates,
    failedPosts: statuses.filter((status) => status < 200 || status > 299).length,
    postP50: posting.p50,
    postP99: posting.p99,
    otherCpu: cpu,
  };
}

const FAN_OUT_COLUMNS = [
  ["fan-out", (r) => r.name],
  ["deliveries/s", (r) => fixed(0)(r.deliveriesPerSecond)],
  ["p50 ms", (r) => fixed(1)(r.p50)],
  ["p99 ms", (r) => fixed(1)(r.p99)],
  ["max ms", (r) => fixed(1)(r.max)],
  ["lost", (r) => String(r.lost)],
  ["duplicated", (r) => String(r.duplicates)],
  ["failed posts", (r) => String(r.failedPosts)],
  ["post answered p50 / p99 ms", (r) => `${fixed(1)(r.postP50)} / ${fixed(1)(r.postP99)}`],
  ["other CPU", (r) => percent(r.otherCpu)],
];

/** Every receipt on a note, through the API (so from D1, the Durable Object's mirror), oldest first. */
async function allReceipts(origin, noteId) {
  const receipts = [];
  let cursor = null;
  do {
    const page = await request(origin, "GET", `/v1/notes/${noteId}/cat-tax-receipts?limit=50${cursor ? `&cursor=${cursor}` : ""}`);
    receipts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return receipts.reverse();
}

/** Both fan-outs: the bare broadcast, then a real thread whose comments are posted through the API. */
async function measureFanOuts({ appDev, bareDev, author, posters, ownGroups }) {
  const threadNote = await request(appDev.origin, "POST", "/v1/notes", {
    token: author.token,
    body: { title: "My backyard cactus 🌵", body: "Welcome Chinese friends!" },
  });
  const comments = `/v1/notes/${threadNote.id}/comments`;
  const comment = (k) => send(appDev.origin, "POST", comments, { token: posters[k % POSTERS].token, body: { body: `bench ${k}` } });
  // A sample comment event, so the bare broadcast sends messages of the same size.
  const sample = JSON.stringify({ type: "comment.created", id: 1, comment: (await comment(0)).json });
  const padding = "x".repeat(Math.max(0, sample.length - 60));
  const broadcast = (k) =>
    send(bareDev.origin, "POST", "/room/broadcast", { body: { type: "comment.created", id: k, pad: padding, body: `bench ${k}` } });

  log(`live: fan-out to ${VIEWERS} viewers, ${COMMENTS_PER_SECOND} comments/s for ${POST_SECONDS} s`);
  const ws = (origin) => origin.replace("http", "ws");
  const status = (answer) => answer.then((a) => a.status);
  const bare = await fanOut("bare broadcast (no D1)", `${ws(bareDev.origin)}/room/ws`, (k) => status(broadcast(k)), ownGroups);
  const thread = `${ws(appDev.origin)}/v1/notes/${threadNote.id}/live`;
  const live = await fanOut("live thread (D1 write, outbox, broadcast)", thread, (k) => status(comment(k)), ownGroups);
  return [bare, live];
}

/** STAMPERS users stamp one cat note, beside as many trivial Durable Object calls; then the receipts D1 holds are checked. */
async function measureStamping({ appDev, bareDev, author, stampers, ownGroups }) {
  const catNote = (catName) =>
    request(appDev.origin, "POST", "/v1/notes", { token: author.token, body: { title: `${catName} pays her cat tax`, isCatNote: true, catName } });
  const [taxed, warmUp] = [await catNote("Lili"), await catNote("Mimi")];
  const burst = (origin, scenario, amount = STAMPERS) => measure(origin, scenario, { connections: IN_FLIGHT, amount, ownGroups });
  const trivialCall = { name: "trivial Durable Object call (one SQLite write)", method: "POST", path: "/counter" };
  const stamp = (note) => ({
    name: "cat tax stamp (checks, DO serial; D1 mirror after)",
    method: "POST",
    path: `/v1/notes/${note.id}/cat-tax-receipts`,
    tokens: stampers.map((user) => user.token),
    expectInBody: '"serial":',
  });

  log(`live: ${STAMPERS} stampers on one cat note, ${IN_FLIGHT} in flight`);
  // Warm-ups, unmeasured: the first calls to a Durable Object class pay for compiling and starting it.
  await burst(bareDev.origin, trivialCall, 2 * IN_FLIGHT);
  await burst(appDev.origin, stamp(warmUp), 2 * IN_FLIGHT);
  await waitForQuiet(ownGroups, { maxMs: 15_000 });
  const trivial = await burst(bareDev.origin, trivialCall);
  await waitForQuiet(ownGroups, { maxMs: 15_000 });
  const stamps = await burst(appDev.origin, stamp(taxed));

  // Stamps are acknowledged from the counter's storage; D1's copy follows within moments: wait for it (at most 30 s).
  let receipts = await allReceipts(appDev.origin, taxed.id);
  for (const deadline = Date.now() + 30_000; receipts.length < STAMPERS && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 200));
    receipts = await allReceipts(appDev.origin, taxed.id);
  }
  // Each stamper once, serials 1..N: nobody stamped twice, nothing skipped or repeated.
  const gapFree =
    receipts.length === STAMPERS &&
    receipts.every((receipt, i) => receipt.serial === i + 1) &&
    new Set(receipts.map((receipt) => receipt.stamper?.id)).size === STAMPERS;
  return { rows: withRatios([trivial, stamps], trivial.route), receipts, gapFree };
}

function goalsOf(live, stamping) {
  const { receipts } = stamping;
  return [
    {
      goal: `live fan-out p99 < ${GOAL_P99_MS} ms at ${VIEWERS} viewers, ${COMMENTS_PER_SECOND} comments/s, nothing lost`,
      met: live.p99 < GOAL_P99_MS && live.lost === 0 && live.duplicates === 0 && live.failedPosts === 0,
      detail: `p99 ${fixed(1)(live.p99)} ms, ${live.lost} lost, ${live.duplicates} duplicated, ${live.failedPosts} failed posts`,
    },
    {
      goal: `receipts 1..${STAMPERS}, one per stamper, no gaps`,
      met: stamping.gapFree,
      detail: `${receipts.length} receipts in D1, serials ${receipts[0]?.serial ?? "–"}..${receipts.at(-1)?.serial ?? "–"}`,
    },
  ];
}

async function report({ started, machine, fanOuts, stamping }) {
  const goals = goalsOf(fanOuts[1], stamping);
  const total = Date.now() - started;
  console.log(
    [
      "",
      `Fan-out: ${VIEWERS} viewers on one thread, ${COMMENTS_PER_SECOND} comments/s for ${POST_SECONDS} s (latency: post sent → event received)`,
      "",
      markdownTable(fanOuts, FAN_OUT_COLUMNS),
      "",
      `Stamping: ${STAMPERS} different users stamping one cat note, ${IN_FLIGHT} requests in flight`,
      "",
      markdownTable(stamping.rows),
      "",
      goalLines(goals),
      `Total time ${Math.round(total / 1000)} s.`,
    ].join("\n"),
  );
  const file = await writeResults("live", {
    benchmark: "live",
    date: new Date(started).toISOString(),
    machine,
    options,
    seeded: { viewers: VIEWERS, commentsPerSecond: COMMENTS_PER_SECOND, postSeconds: POST_SECONDS, stampers: STAMPERS },
    totalSeconds: total / 1000,
    goals,
    fanOuts,
    stamps: stamping.rows,
  });
  console.log(`Results: ${file}`);
  // A slow run is a result; a lost, repeated or refused message or stamp is a failure.
  if (fanOuts.some((f) => f.lost || f.duplicates || f.failedPosts) || stamping.rows.some((r) => r.failed) || !stamping.gapFree) {
    console.error("\nFAILED: messages or stamps were lost, repeated or refused (see the JSON file)");
    process.exitCode = 1;
  }
}

async function main() {
  const started = Date.now();
  const machine = machineInfo(); // before the run: the commit and changes it measured
  log("live: preparing fresh workers and state");
  const app = await prepareWorker("live");
  const bare = await prepareWorker("live-baseline", { from: resolve(import.meta.dirname, "baseline"), sources: ["worker.js", "wrangler.toml"] });
  const [author, ...others] = await createSignedInUsers(app, 1 + POSTERS + STAMPERS);
  // One after the other: two wranglers starting at once can race for the same free port.
  const appDev = await startDev(app, { port: options.port, inspectorPort: options.inspectorPort });
  let bareDev;
  const stopAll = () => Promise.all([appDev.stop(), bareDev?.stop()]);
  const deadline = setTimeout(async () => {
    log(`live: past its ${DEADLINE_MS / 60_000} min deadline; stopping.`);
    await stopAll();
    process.exit(2);
  }, DEADLINE_MS);
  try {
    bareDev = await startDev(bare, { port: options.port + 20, inspectorPort: options.inspectorPort + 20 });
    const run = {
      appDev,
      bareDev,
      author,
      posters: others.slice(0, POSTERS),
      stampers: others.slice(POSTERS),
      ownGroups: [appDev.processGroup, bareDev.processGroup],
    };
    const fanOuts = await measureFanOuts(run);
    const stamping = await measureStamping(run);
    await stopAll(); // before the report: nothing of the bench keeps running while it prints
    await report({ started, machine, fanOuts, stamping });
  } finally {
    clearTimeout(deadline);
    await stopAll();
  }
}

await main();
