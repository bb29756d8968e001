// Bounded load against 127.0.0.1 with autocannon, summarised as one result row.
import autocannon from "autocannon";
import { otherCpuMeter } from "./cpu.mjs";
import { jsonHeaders, request } from "./http.mjs";

/**
 * A load scenario: one HTTP request, repeated.
 * @typedef {{ name: string, method?: string, path: string, body?: unknown, writes?: boolean,
 *   tokens?: string[], check?: (json: any) => string | undefined }} Scenario
 * `tokens` are used in turn, one per request, across all connections (so a
 * per-user write limit isn't what gets measured); `check` inspects one response
 * before the load and returns a complaint, if any.
 */

/** The autocannon request for a scenario; rotating tokens when it has several. */
function autocannonRequest(scenario, samples) {
  const { method = "GET", path, body, tokens } = scenario;
  const headers = jsonHeaders({ token: tokens?.[0], body });
  let turn = 0;
  const rotate = (req) => {
    req.headers.Authorization = `Bearer ${tokens[turn++ % tokens.length]}`;
    return req;
  };
  return {
    method,
    path,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    ...(tokens?.length > 1 ? { setupRequest: rotate } : {}),
    // Keeps a few failing answers as evidence for the report.
    onResponse: (status, responseBody) => {
      if ((status < 200 || status > 299) && samples.length < 3) samples.push(`${status} ${responseBody.slice(0, 300)}`);
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
 * `duration` seconds (after `warmup` unmeasured seconds) and returns
 * { route, connections, rps, p50, p99, requests, failed, failures, otherCpu }.
 * `failed` counts non-2xx answers plus connection errors (timeouts included);
 * `otherCpu` is the share of the cores used meanwhile by processes outside
 * this one and the `ownGroups` process groups (the server under test).
 */
export async function measure(origin, scenario, { connections, duration, warmup = 0, ownGroups = [] }) {
  const samples = [];
  const base = { url: origin, connections, timeout: 10 };
  if (warmup > 0) await fire({ ...base, duration: warmup, requests: [autocannonRequest(scenario, [])] });
  const otherCpu = otherCpuMeter(ownGroups);
  const result = await fire({ ...base, duration, requests: [autocannonRequest(scenario, samples)] });
  // autocannon's `errors` already include its `timeouts`.
  const failed = result.non2xx + result.errors;
  return {
    route: scenario.name,
    connections,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed,
    failures: { statusCodes: nonSuccessCodes(result.statusCodeStats), errors: result.errors, timeouts: result.timeouts, samples },
    otherCpu: otherCpu(),
  };
}

const nonSuccessCodes = (stats = {}) =>
  Object.fromEntries(Object.entries(stats).filter(([code]) => !code.startsWith("2")).map(([code, { count }]) => [code, count]));

/** Sends a scenario's request once and checks the answer, so a broken route fails before any load. */
export async function preflight(origin, scenario) {
  const { method = "GET", path, body, tokens } = scenario;
  const complaint = scenario.check?.(await request(origin, method, path, { token: tokens?.[0], body }));
  if (complaint) throw new Error(`${scenario.name}: ${complaint}`);
}
