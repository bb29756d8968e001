// Bounded load against 127.0.0.1 with autocannon, summarised as one result row.
import autocannon from "autocannon";
import { otherCpuMeter } from "./cpu.mjs";
import { jsonHeaders, request } from "./http.mjs";

/**
 * A load scenario: one HTTP request, repeated.
 * @typedef {{ name: string, method?: string, path: string | (() => string), body?: unknown | (() => unknown),
 *   rawBody?: () => Uint8Array, writes?: boolean, tokens?: string[], ips?: string[], bodies?: unknown[],
 *   idempotencyKeys?: boolean, connections?: number[], expectInBody?: string,
 *   check?: (json: any) => string | undefined }} Scenario
 * - `path`: a function gives each request its own path (called once per request, warm-up
 *   and preflight included), e.g. to never ask for the same uncached thing twice.
 * - `tokens` and `ips` (sent as CF-Connecting-IP) are used in turn, one per request, across
 *   all connections, so a per-user or per-IP limit isn't what gets measured.
 * - `body` as a function gives each request its own JSON body; `rawBody` its own bytes
 *   (sent as application/octet-stream), e.g. uploads that must not be deduplicated.
 * - `bodies`: used in turn like tokens, instead of `body` (e.g. a different phone per sign-in).
 * - `idempotencyKeys`: each request sends a fresh `Idempotency-Key`, as real clients' creates do.
 * - `connections`: the only concurrencies (of those asked for) this scenario runs at.
 * - `expectInBody`: a string every 2xx answer must contain; the others count as errors.
 * - `check` inspects one response before the load and returns a complaint, if any.
 */

const pathOf = ({ path }) => (typeof path === "function" ? path() : path);
const bodyOf = ({ body }) => (typeof body === "function" ? body() : body);

/** The autocannon request for a scenario, varying path, token and address per request when it has several. */
function autocannonRequest(scenario, evidence) {
  const { method = "GET", path, rawBody, tokens = [], ips = [], bodies = [], idempotencyKeys = false, expectInBody } = scenario;
  const body = scenario.body ?? bodies[0];
  let turn = 0;
  const run = Date.now().toString(36);
  const varies =
    typeof path === "function" || typeof body === "function" || rawBody || tokens.length > 1 || ips.length > 1 || bodies.length > 1 || idempotencyKeys;
  const setupRequest = (req) => {
    req.path = pathOf(scenario);
    if (typeof body === "function") req.body = JSON.stringify(body());
    if (rawBody) req.body = Buffer.from(rawBody());
    if (tokens.length > 1) req.headers.Authorization = `Bearer ${tokens[turn % tokens.length]}`;
    if (ips.length > 1) req.headers["CF-Connecting-IP"] = ips[turn % ips.length];
    if (bodies.length > 1) req.body = JSON.stringify(bodies[turn % bodies.length]);
    if (idempotencyKeys) req.headers["Idempotency-Key"] = `bench-${run}-${turn}`;
    turn++;
    return req;
  };
  const keep = (sample) => evidence.samples.length < 3 && evidence.samples.push(sample.slice(0, 300));
  return {
    method,
    path: typeof path === "function" ? "/" : path,
    headers: {
      ...jsonHeaders({ token: tokens[0], ip: ips[0], body }),
      ...(rawBody ? { "Content-Type": "application/octet-stream" } : {}),
    },
    body: body === undefined || typeof body === "function" ? undefined : JSON.stringify(body),
    ...(varies ? { setupRequest } : {}),
    // Keeps a few failing answers as evidence for the report.
    onResponse: (status, responseBody) => {
      evidence.lastAnswer = performance.now();
      if (status < 200 || status > 299) keep(`${status} ${responseBody}`);
      else if (expectInBody && !responseBody.includes(expectInBody)) {
        evidence.unexpected++;
        keep(`${status} without ${expectInBody}: ${responseBody}`);
      }
    },
  };
}

function fire(options) {
  return new Promise((resolvePromise, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolvePromise(result)));
    // A Ctrl-C should end the run now, not after the cell.
    const stop = () => instance.stop();
    process.once("SIGINT", stop);
    instance.on("done", () => process.off("SIGINT", stop));
  });
}

/**
 * Runs `scenario` with `connections` concurrent keep-alive connections for
 * `duration` seconds, or for exactly `amount` requests (after `warmup`
 * unmeasured seconds), and returns
 * { route, connections, rps, p50, p99, requests, failed, failures, otherCpu }.
 * `failed` counts non-2xx answers, answers without `expectInBody` and connection
 * errors (timeouts included); `otherCpu` is the share of the cores used meanwhile
 * by processes outside this one and the `ownGroups` process groups (the servers under test).
 */
export async function measure(origin, scenario, { connections, duration, amount, warmup = 0, ownGroups = [] }) {
  const freshEvidence = () => ({ samples: [], unexpected: 0, lastAnswer: 0 });
  const evidence = freshEvidence();
  const base = { url: origin, connections, timeout: 10 };
  if (warmup > 0) await fire({ ...base, duration: warmup, requests: [autocannonRequest(scenario, freshEvidence())] });
  const otherCpu = otherCpuMeter(ownGroups);
  const startedAt = performance.now();
  const result = await fire({ ...base, ...(amount ? { amount } : { duration }), requests: [autocannonRequest(scenario, evidence)] });
  // autocannon ends a run at its next whole-second tick: a fixed amount of requests is timed to its last answer instead.
  const seconds = amount ? (evidence.lastAnswer - startedAt) / 1000 : result.duration;
  // autocannon's `errors` already include its `timeouts`.
  const failed = result.non2xx + result.errors + evidence.unexpected;
  return {
    route: scenario.name,
    connections,
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed,
    failures: {
      statusCodes: nonSuccessCodes(result.statusCodeStats),
      errors: result.errors,
      timeouts: result.timeouts,
      unexpected: evidence.unexpected,
      samples: evidence.samples,
    },
    otherCpu: otherCpu(),
  };
}

const nonSuccessCodes = (stats = {}) =>
  Object.fromEntries(Object.entries(stats).filter(([code]) => !code.startsWith("2")).map(([code, { count }]) => [code, count]));

/** Sends a scenario's request once and checks the answer, so a broken route fails before any load. */
export async function preflight(origin, scenario) {
  const { method = "GET", rawBody, tokens, ips } = scenario;
  const body = scenario.body === undefined ? scenario.bodies?.[0] : bodyOf(scenario);
  const answer = await request(origin, method, pathOf(scenario), { token: tokens?.[0], ip: ips?.[0], body, rawBody: rawBody?.() });
  const complaint =
    scenario.check?.(answer) ??
    (scenario.expectInBody && !JSON.stringify(answer).includes(scenario.expectInBody) ? `answer without ${scenario.expectInBody}` : undefined);
  if (complaint) throw new Error(`${scenario.name}: ${complaint}`);
}
