// Crash test: 50 writers post comments (with Idempotency-Keys), like notes and
// stamp cat tax receipts against `wrangler dev`; the runtime is killed with
// SIGKILL mid-stream and restarted on the same local state; writers retry what
// they were not told succeeded. Then: every acknowledged write is there exactly
// once, counters equal the rows they count, serials are dense, and the D1
// mirror of the receipts converges to the counter.
//
//   npm run bench:crash                       kill once a random 20–400 of the 500 writes are acknowledged
//   npm run bench:crash -- --kill-after 100   kill once 100 writes are acknowledged
//
// Loopback only (127.0.0.1:8832), its own state in .wrangler/bench-state/crash.
import { parseArgs } from "node:util";
import { request, send } from "./lib/http.mjs";
import { createSignedInUsers } from "./lib/users.mjs";
import { prepareWorker, runWrangler, startDev } from "./lib/worker.mjs";

const PORT = 8832;
const INSPECTOR_PORT = 8842;
const WRITERS = 50;
const NOTES = 5;
const COMMENTS_PER_WRITER = 6;
const CONVERGE_TIMEOUT_MS = 30_000;

const { values: args } = parseArgs({ options: { "kill-after": { type: "string" } } });
const killAfter = args["kill-after"] ? Number(args["kill-after"]) : 20 + Math.floor(Math.random() * 380);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...parts) => console.log(`[crash-test ${new Date().toISOString().slice(11, 23)}]`, ...parts);

const worker = await prepareWorker("crash");
const [owner, ...writers] = await createSignedInUsers(worker, WRITERS + 1, { prefix: "Crash" });
let dev = await startDev(worker, { port: PORT, inspectorPort: INSPECTOR_PORT });
const origin = dev.origin;

const catNote = await request(origin, "POST", "/v1/notes", { token: owner.token, body: { title: "Lili pays rent", body: "#cattax", catName: "Lili" } });
const notes = [];
for (let i = 0; i < NOTES; i++) notes.push(await request(origin, "POST", "/v1/notes", { token: owner.token, body: { title: `note ${i}` } }));

/** What writers were told succeeded. */
const acked = { comments: new Map(), likes: new Set(), stamps: new Map() };
let attempts = 0;
let failedAttempts = 0;
let running = true;
const started = Date.now();

/** Sends `op` until it gets a 2xx; anything else (refused connection, 5xx, timeout) is "not told it succeeded": retry. */
async function untilAcknowledged(op) {
  for (;;) {
    attempts++;
    try {
      const { status, json } = await op();
      if (status >= 200 && status < 300) return json;
      if (status !== 409 && status !== 429 && status < 500) throw new Error(`refused for good: ${status} ${JSON.stringify(json)}`);
    } catch (error) {
      if (String(error).includes("refused for good")) throw error;
    }
    failedAttempts++;
    await sleep(100 + Math.random() * 200);
  }
}

async function writer(user, n) {
  const ops = [];
  for (let i = 0; i < COMMENTS_PER_WRITER; i++) {
    const note = notes[(n + i) % NOTES];
    const key = `crash-w${n}-c${i}`;
    ops.push(async () => {
      const comment = await untilAcknowledged(() =>
        sendWithKey(origin, "POST", `/v1/notes/${note.id}/comments`, { token: user.token, key, body: { body: `comment ${key}` } }),
      );
      acked.comments.set(key, comment.id);
    });
    if (i % 2 === 0) {
      ops.push(async () => {
        await untilAcknowledged(() => send(origin, "PUT", `/v1/notes/${note.id}/like`, { token: user.token }));
        acked.likes.add(`${user.id}:${note.id}`);
      });
    }
  }
  ops.splice(Math.floor(Math.random() * ops.length), 0, async () => {
    const receipt = await untilAcknowledged(() => send(origin, "POST", `/v1/notes/${catNote.id}/cat-tax-receipts`, { token: user.token }));
    acked.stamps.set(user.id, receipt.serial);
  });
  for (const op of ops) await op();
}

async function sendWithKey(origin, method, path, { token, key, body }) {
  const response = await fetch(origin + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const acknowledged = () => acked.comments.size + acked.likes.size + acked.stamps.size;

async function crashAndRestart() {
  while (running && acknowledged() < killAfter) await sleep(5);
  if (!running) return log(`writers finished before ${killAfter} acknowledged writes: no crash this run`);
  log(`SIGKILL to the runtime after ${acknowledged()} acknowledged writes (${acked.comments.size} comments, ${acked.likes.size} likes, ${acked.stamps.size} stamps), ${Date.now() - started} ms in`);
  process.kill(-dev.processGroup, "SIGKILL");
  await dev.stop();
  for (let tries = 1; ; tries++) {
    try {
      dev = await startDev(worker, { port: PORT, inspectorPort: INSPECTOR_PORT });
      return log(`restarted on the same state (try ${tries})`);
    } catch (error) {
      if (tries >= 10) throw error;
      await sleep(500);
    }
  }
}

const crash = crashAndRestart();
await Promise.all(writers.map((user, n) => writer(user, n)));
running = false;
await crash;
log(`writers done in ${Date.now() - started} ms: ${attempts} attempts, ${failedAttempts} not acknowledged and retried`);

// The D1 mirror converges: the public list (D1 only, signed out) reaches every acknowledged stamp.
const convergeStart = Date.now();
for (;;) {
  const { json } = await send(origin, "GET", `/v1/notes/${catNote.id}`);
  if (json?.receiptCount === acked.stamps.size) break;
  if (Date.now() - convergeStart > CONVERGE_TIMEOUT_MS) break;
  await sleep(200);
}
log(`D1 mirror check after ${Date.now() - convergeStart} ms`);
await dev.stop();

// One wrangler process for every check query (each one costs seconds to start).
const [comments, likeRows, counters, receipts] = await (async () => {
  const sql = [
    "SELECT id, note_id, author_id, body FROM comments",
    "SELECT user_id, note_id FROM likes",
    `SELECT n.id, n.like_count, n.comment_count, n.receipt_count,
      (SELECT count(*) FROM likes l WHERE l.note_id = n.id) AS likes,
      (SELECT count(*) FROM comments c WHERE c.note_id = n.id) AS comments,
      (SELECT count(*) FROM cat_tax_receipts r WHERE r.note_id = n.id) AS receipts FROM notes n`,
    `SELECT serial, stamper_id FROM cat_tax_receipts WHERE note_id = '${catNote.id}' ORDER BY serial`,
  ].join(";\n");
  const output = await runWrangler(["d1", "execute", "DB", "--local", "--json", "--config", worker.config, "--persist-to", worker.persistTo, "--command", sql]);
  return JSON.parse(output.slice(output.indexOf("["))).map((result) => result.results);
})();

const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};

const commentsByBody = new Map();
for (const row of comments) commentsByBody.set(row.body, [...(commentsByBody.get(row.body) ?? []), row]);
for (const [key, id] of acked.comments) {
  const rows = commentsByBody.get(`comment ${key}`) ?? [];
  check(rows.length === 1, `comment ${key}: ${rows.length} rows, expected exactly 1`);
  check(rows[0]?.id === id, `comment ${key}: acknowledged as ${id}, stored as ${rows[0]?.id}`);
}
for (const [body, rows] of commentsByBody) check(rows.length === 1, `${body}: stored ${rows.length} times`);

const likes = new Set(likeRows.map((r) => `${r.user_id}:${r.note_id}`));
for (const like of acked.likes) check(likes.has(like), `like ${like} acknowledged but missing`);

for (const n of counters) {
  check(n.like_count === n.likes, `note ${n.id}: like_count ${n.like_count}, ${n.likes} likes`);
  check(n.comment_count === n.comments, `note ${n.id}: comment_count ${n.comment_count}, ${n.comments} comments`);
  check(n.receipt_count === n.receipts, `note ${n.id}: receipt_count ${n.receipt_count}, ${n.receipts} receipts`);
}

check(
  receipts.every((r, i) => r.serial === i + 1),
  `serials not dense: ${receipts.map((r) => r.serial).join(",")}`,
);
check(receipts.length === acked.stamps.size, `D1 holds ${receipts.length} receipts, ${acked.stamps.size} stamps acknowledged (mirror not converged)`);
const serialOf = new Map(receipts.map((r) => [r.stamper_id, r.serial]));
for (const [stamper, serial] of acked.stamps) check(serialOf.get(stamper) === serial, `stamper ${stamper}: acknowledged No. ${serial}, D1 has ${serialOf.get(stamper)}`);

log(
  `checked ${acked.comments.size} comments, ${acked.likes.size} likes, ${acked.stamps.size} receipts (serials 1..${receipts.length}), counters of ${counters.length} notes`,
);
if (failures.length) {
  console.error(`FAILED: ${failures.length} problems\n${failures.slice(0, 30).join("\n")}`);
  process.exit(1);
}
log("PASSED: every acknowledged write is there exactly once, counters match, serials dense, the D1 mirror converged");
process.exit(0);
