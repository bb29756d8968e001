// A throwaway copy of the worker for benchmarks: its own source snapshot, its own
// local D1/KV/Durable Object state, and a `wrangler dev` that is always stopped.
import { spawn } from "node:child_process";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { offlineEnv } from "../../scripts/wrangler.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
// What the app's build reads. Copied so that edits to src/ during a run don't
// make `wrangler dev` reload (or serve a half-edited file) mid-measurement.
const APP_SOURCES = ["src", "migrations", "wrangler.toml", "tsconfig.json", "package.json", ".dev.vars"];

/** Runs `wrangler <args>` with output captured; rejects with that output when it fails. */
export function runWrangler(args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("wrangler", args, { env: offlineEnv, cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolvePromise(output) : reject(new Error(`wrangler ${args.join(" ")} exited ${code}:\n${output}`)),
    );
  });
}

/**
 * Snapshots a worker's sources into `.wrangler/bench-src/<name>/`, wipes its
 * state in `.wrangler/bench-state/<name>/` (never the state of `npm start`) and,
 * for the app, applies the migrations. Each benchmark has its own `name`, so
 * none touches another's files. Returns the handle the other helpers take.
 * - `from`, `sources`: the folder and the files in it to copy (default: the app).
 */
export async function prepareWorker(name, { from = ROOT, sources = APP_SOURCES, migrate = from === ROOT } = {}) {
  const snapshot = join(ROOT, ".wrangler/bench-src", name);
  const persistTo = join(ROOT, ".wrangler/bench-state", name);
  await rm(snapshot, { recursive: true, force: true });
  await rm(persistTo, { recursive: true, force: true });
  await mkdir(snapshot, { recursive: true });
  for (const source of sources) {
    if (existsSync(join(from, source))) await cp(join(from, source), join(snapshot, source), { recursive: true });
  }
  const worker = { name, snapshot, config: join(snapshot, "wrangler.toml"), persistTo };
  if (migrate) await runWrangler(["d1", "migrations", "apply", "DB", "--local", ...stateArgs(worker)]);
  return worker;
}

const stateArgs = (worker) => ["--config", worker.config, "--persist-to", worker.persistTo];

/** Runs SQL statements against the bench's local D1 (setup only: this is slow, one process per call). */
export async function executeSql(worker, statements) {
  const file = join(worker.snapshot, `seed-${Date.now()}.sql`);
  await writeFile(file, statements.join(";\n") + ";\n");
  await runWrangler(["d1", "execute", "DB", "--local", "--yes", ...stateArgs(worker), "--file", file]);
}

function assertPortsFree(...ports) {
  return Promise.all(
    ports.map(
      (port) =>
        new Promise((resolvePromise, reject) => {
          const server = createServer();
          server.once("error", () => reject(new Error(`Port ${port} on 127.0.0.1 is in use: stop what holds it first`)));
          server.listen(port, "127.0.0.1", () => server.close(resolvePromise));
        }),
    ),
  );
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Every RATE_LIMIT_* budget of wrangler.toml with the same scopes and windows but
 * a limit no benchmark reaches: each request still makes its RateLimiter calls
 * (their cost is measured), but a cell measures the route, not 429s from one
 * load generator's address.
 */
function raisedRateLimits() {
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
  const raised = {};
  for (const [, name, value] of toml.matchAll(/^(RATE_LIMIT_[A-Z_]+)\s*=\s*"([^"]*)"/gm)) {
    raised[name] = value.replace(/=(\d+)\//g, "=1000000/");
  }
  return raised;
}

/**
 * Starts `wrangler dev` on 127.0.0.1:<port> and resolves once GET /health
 * answers 200, with `{ origin, processGroup, stop }`. Request logging is off (it
 * costs 30-45% of throughput) and so, unless `localTraces`, is wrangler's local
 * trace store, which writes every request's and every D1 query's span to SQLite
 * and halves the throughput of D1 routes; production has neither cost.
 * `stop()` ends wrangler and its workerd processes; it also runs on Ctrl-C,
 * SIGTERM and process exit, so a failed run leaves nothing behind.
 */
export async function startDev(worker, { port, inspectorPort, localTraces = false, startTimeoutMs = 60_000 }) {
  // Otherwise a server someone else left on the port would answer /health and be measured.
  await assertPortsFree(port, inspectorPort);
  const args = ["dev", ...stateArgs(worker), "--port", String(port), "--inspector-port", String(inspectorPort)];
  args.push("--log-level", "warn", "--show-interactive-dev-session=false");
  for (const [name, value] of Object.entries(raisedRateLimits())) args.push("--var", `${name}:${value}`);
  // Its own process group, so stop() can signal workerd too and not just wrangler.
  const env = { ...offlineEnv, X_LOCAL_OBSERVABILITY: String(localTraces) };
  const child = spawn("wrangler", args, { env, cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((r) => child.on("exit", (code, signal) => r({ code, signal })));
  let stopping = false;

  const recent = [];
  const echo = (chunk) => {
    for (const line of String(chunk).split("\n").filter((l) => l.trim())) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      // warn level only, so whatever gets here (worker exceptions, crashes) is worth showing.
      process.stderr.write(`[wrangler] ${line}\n`);
    }
  };
  child.stdout.on("data", echo);
  child.stderr.on("data", echo);
  exited.then(({ code, signal }) => {
    if (!stopping) process.stderr.write(`[wrangler] exited unexpectedly (code ${code}, signal ${signal})\n`);
  });

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup("SIGKILL");
  const onSignal = async (signal) => {
    process.stderr.write(`\n${signal}: stopping wrangler dev\n`);
    await stop();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  async function stop() {
    if (stopping) return exited;
    stopping = true;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    killGroup("SIGTERM");
    const done = await Promise.race([exited, sleep(5_000).then(() => null)]);
    // wrangler may exit before its workerd children: always sweep the group.
    killGroup("SIGKILL");
    process.off("exit", onExit);
    return done;
  }

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  let status = "no answer";
  // After a failed build wrangler keeps the port open and requests hang: stop at its first error.
  while (Date.now() < deadline && child.exitCode === null && !recent.some((line) => line.includes("ERROR"))) {
    try {
      const response = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return { origin, processGroup: child.pid, stop };
      status = `HTTP ${response.status}`;
    } catch (error) {
      status = error.cause?.code ?? error.name;
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`wrangler dev did not become healthy on ${origin} (${status}). Its last output:\n${recent.join("\n")}`);
}
