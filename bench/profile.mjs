// `npm run bench:profile`: where one route's CPU goes. Starts its own `wrangler dev`
// (127.0.0.1:8807, devtools 8817), puts load on one route for a few seconds while
// the V8 sampling profiler of the worker's isolate runs (through the DevTools
// inspector that wrangler dev opens), and prints the functions that used the most
// CPU by self time. Time spent outside JavaScript (SQLite for local D1, Durable
// Object storage, the runtime's I/O) shows as "(program)" or "(idle)": that is the
// split between our code and the storage it calls.
import { parseArgs } from "node:util";
import WebSocket from "ws";
import { measure } from "./lib/load.mjs";
import { request } from "./lib/http.mjs";
import { createSignedInUsers } from "./lib/users.mjs";
import { executeSql, prepareWorker, startDev } from "./lib/worker.mjs";
import { seedStatements } from "./feeds.mjs";

const { values } = parseArgs({
  options: {
    route: { type: "string", default: "create-note" },
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "10" },
    top: { type: "string", default: "25" },
  },
});

/** The routes this can profile, each a load scenario over seeded data. */
const ROUTES = {
  health: () => ({ name: "GET /health", path: "/health" }),
  ready: () => ({ name: "GET /health/ready", path: "/health/ready" }),
  "create-note": (ctx) => ({
    name: "POST /v1/notes",
    method: "POST",
    path: "/v1/notes",
    body: { title: "夜市 haul 🐱", body: "Night market after work: 今天去夜市吃东西, then my cat Lili checked every bag. #bench #夜市" },
    tokens: ctx.tokens,
    idempotencyKeys: true,
    writes: true,
  }),
  "create-comment": (ctx) => ({
    name: "POST /v1/notes/{id}/comments",
    method: "POST",
    path: `/v1/notes/${ctx.note.id}/comments`,
    body: { body: "So cute!! 好可爱 😂 here is my cat tax receipt 🧾" },
    tokens: ctx.tokens,
    idempotencyKeys: true,
    writes: true,
  }),
  // Each user stamps once, then is answered their receipt again: the same checks, limiter and counter call.
  stamp: (ctx) => ({ name: "POST /v1/notes/{id}/cat-tax-receipts", method: "POST", path: `/v1/notes/${ctx.catNote.id}/cat-tax-receipts`, tokens: ctx.tokens, writes: true }),
  // The feeds over bench:feeds' seed (100,000 notes by SQL, over this run's 200 users).
  "for-you": (ctx) => ({ name: "GET /v1/feed/for-you (signed in)", path: "/v1/feed/for-you", tokens: ctx.tokens, feedSeed: true }),
  "for-you-anonymous": () => ({ name: "GET /v1/feed/for-you (signed out)", path: "/v1/feed/for-you", feedSeed: true }),
  following: (ctx) => ({ name: "GET /v1/feed/following", path: "/v1/feed/following", tokens: ctx.tokens, feedSeed: true }),
  "get-note": (ctx) => ({ name: "GET /v1/notes/{id}", path: `/v1/notes/${ctx.note.id}` }),
  "list-comments": (ctx) => ({ name: "GET /v1/notes/{id}/comments", path: `/v1/notes/${ctx.note.id}/comments` }),
};

async function devtoolsSocket(inspectorPort) {
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const target = targets.find((t) => t.webSocketDebuggerUrl);
  if (!target) throw new Error("no inspectable worker on the devtools port");
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  let id = 0;
  const pending = new Map();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const messageId = ++id;
      pending.set(messageId, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
      socket.send(JSON.stringify({ id: messageId, method, params }));
    });
  return { call, close: () => socket.close() };
}

/** Self time per function (name and location), from a V8 CPU profile's samples. */
function selfTimes(profile) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const micros = new Map();
  profile.samples.forEach((nodeId, i) => micros.set(nodeId, (micros.get(nodeId) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  for (const [nodeId, us] of micros) {
    const { functionName, url, lineNumber } = byNode.get(nodeId).callFrame;
    const file = url ? url.split("/").slice(-2).join("/") : "";
    const key = `${functionName || "(anonymous)"}${file ? ` ${file}:${lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
  return { total, rows: [...byFunction.entries()].sort((a, b) => b[1] - a[1]) };
}

const port = 8807;
const inspectorPort = 8817;
const worker = await prepareWorker("profile");
const dev = await startDev(worker, { port, inspectorPort });
try {
  const users = await createSignedInUsers(worker, 200);
  const note = await request(dev.origin, "POST", "/v1/notes", { token: users[0].token, body: { title: "Profiled", body: "A note to read #bench" } });
  const catNote = await request(dev.origin, "POST", "/v1/notes", { token: users[0].token, body: { title: "Lili", body: "My cat #cattax", isCatNote: true, catName: "Lili" } });
  const scenario = ROUTES[values.route]?.({ tokens: users.slice(1).map((u) => u.token), note, catNote });
  if (!scenario) throw new Error(`--route must be one of ${Object.keys(ROUTES).join(", ")}`);
  if (scenario.feedSeed) await executeSql(worker, seedStatements(Date.now(), { users: users.length }));
  const devtools = await devtoolsSocket(inspectorPort);
  await devtools.call("Profiler.enable");
  await devtools.call("Profiler.setSamplingInterval", { interval: 200 });
  await devtools.call("Profiler.start");
  const result = await measure(dev.origin, scenario, { connections: Number(values.connections), duration: Number(values.seconds) });
  const { profile } = await devtools.call("Profiler.stop");
  devtools.close();
  const { total, rows } = selfTimes(profile);
  const busy = rows.filter(([name]) => !name.startsWith("(idle)")).reduce((sum, [, us]) => sum + us, 0);
  console.log(`\n${scenario.name}, ${values.connections} connections, ${values.seconds} s: ${result.requests} requests (${Math.round(result.rps)}/s), ${result.failed} failed`);
  console.log(`isolate CPU sampled: ${(busy / 1000).toFixed(0)} ms busy of ${(total / 1000).toFixed(0)} ms, ${(busy / 1000 / Math.max(result.requests, 1)).toFixed(2)} ms per request`);
  console.log(`\n| self time | share | function |\n| ---: | ---: | --- |`);
  for (const [name, us] of rows.slice(0, Number(values.top))) {
    console.log(`| ${(us / 1000).toFixed(0)} ms | ${((100 * us) / total).toFixed(1)}% | ${name.replaceAll("|", "\\|")} |`);
  }
} finally {
  await dev.stop();
}
