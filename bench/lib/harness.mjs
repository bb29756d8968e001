// The shape every NoteBridge benchmark shares: a fresh worker, seeded data,
// a baseline plus scenarios at several concurrencies, a table and a JSON file.
import { waitForQuiet } from "./cpu.mjs";
import { measure, preflight } from "./load.mjs";
import { failingRows, goalLines, machineInfo, markdownTable, percent, withRatios, writeResults } from "./report.mjs";
import { prepareWorker, startDev } from "./worker.mjs";

/** The baseline of the app's benchmarks: Hono routing and a JSON answer, no storage. */
export const HEALTH = { name: "GET /health", path: "/health", check: (body) => (body.status === "ok" ? undefined : "not ok") };

const log = (line) => process.stderr.write(`${line}\n`);
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

/**
 * The order of the cells: reads at every concurrency first, each concurrency
 * starting with the baseline, then writes; so the reads always see exactly the
 * seeded data and not what the writes added.
 */
function plan(baseline, scenarios, connectionsList) {
  const runsAt = (scenario, connections) => !scenario.connections || scenario.connections.includes(connections);
  const phase = (list) =>
    connectionsList.flatMap((connections) => list.filter((s) => runsAt(s, connections)).map((scenario) => ({ scenario, connections })));
  return [...phase([baseline, ...scenarios.filter((s) => !s.writes)]), ...phase(scenarios.filter((s) => s.writes))];
}

/**
 * Measures the cells in order. The machine is shared: before each cell it waits
 * (up to 15 s, within the `quietWait` budget) for other processes to go quiet,
 * and a cell they still disturbed (over 20% of the cores) is measured once more,
 * within the `retries` budget, keeping the quieter attempt.
 */
async function measureCells(cells, load, ownGroups, { quietWait, retries }) {
  let quietBudget = quietWait * 1000;
  let retryBudget = retries;
  const rows = [];
  for (const { scenario, connections } of cells) {
    let row;
    for (let attempts = 1; ; attempts++) {
      const waited = await waitForQuiet(ownGroups, { maxMs: Math.min(quietBudget, 15_000) });
      quietBudget -= waited;
      if (waited > 1500) log(`  (waited ${seconds(waited)} for other processes to quieten)`);
      const attempt = await load(scenario, connections);
      log(`  ${attempt.route} ×${connections}: ${attempt.rps.toFixed(0)} req/s, p50 ${attempt.p50} ms, p99 ${attempt.p99} ms, errors ${attempt.failed}, other CPU ${percent(attempt.otherCpu ?? 0)}`);
      if (!row || (attempt.otherCpu ?? 0) < (row.otherCpu ?? 0)) row = attempt;
      if ((row.otherCpu ?? 0) <= 0.2 || attempts === 2 || retryBudget <= 0) break;
      retryBudget--;
      log(`  (other processes were busy: measuring it again)`);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Runs one benchmark end to end and prints its table.
 * - `baseline`: the scenario every other one is compared with (a route that touches no storage).
 * - `setup({ worker, origin })`: seeds data and resolves to `{ scenarios, seeded }`,
 *   where `seeded` describes the data for the JSON file. Scenarios (see load.mjs)
 *   that change data say `writes: true`.
 * - `options`: from `benchOptions()`.
 * - `goals(rows)`: optional, the benchmark's targets as `[{ goal, met, detail }]`,
 *   printed under the table and kept in the JSON file.
 * Sets a failing exit code when any cell has more than 1% errors.
 */
export async function runBenchmark({ name, baseline, setup, options, goals = () => [] }) {
  const started = Date.now();
  const machine = machineInfo(); // before the run: the commit and changes it measured
  log(`${name}: preparing a fresh worker and state`);
  const worker = await prepareWorker(name);
  const dev = await startDev(worker, { port: options.port, inspectorPort: options.inspectorPort });
  const load = (scenario, connections, duration = options.duration) =>
    measure(dev.origin, scenario, { connections, duration, warmup: options.warmup, ownGroups: [dev.processGroup] });
  const most = Math.max(...options.connections);
  let rows;
  let drift;
  let seeded;
  try {
    const setupResult = await setup({ worker, origin: dev.origin });
    seeded = setupResult.seeded;
    const scenarios = setupResult.scenarios.filter((s) => selected(s, options.only));
    for (const scenario of [baseline, ...scenarios]) await preflight(dev.origin, scenario);
    // workerd compiles and caches lazily: the first seconds of load are slower than the rest.
    await load(baseline, most, options.warmup * 3);

    const cells = plan(baseline, scenarios, options.connections);
    const eta = (cells.length + 1) * (options.duration + options.warmup);
    log(`${name}: setup took ${seconds(Date.now() - started)}; ${cells.length + 1} cells of ${options.duration} s (+${options.warmup} s warm-up each), about ${seconds(eta * 1000)}`);
    rows = await measureCells(cells, load, [dev.processGroup], options);
    // The machine is shared and noisy: measuring the baseline again at the end shows how much it drifted.
    drift = { connections: most, start: rows.find((r) => r.route === baseline.name && r.connections === most).rps };
    drift.end = (await load(baseline, most)).rps;
  } finally {
    await dev.stop();
  }

  rows = withRatios(rows, baseline.name);
  const verdicts = goals(rows);
  const total = Date.now() - started;
  console.log(`\n${markdownTable(rows)}\n\n${summary(baseline, drift, rows)}\nTotal time ${seconds(total)}, ${options.duration} s per cell.`);
  if (verdicts.length > 0) console.log(goalLines(verdicts));

  const file = await writeResults(name, {
    benchmark: name,
    date: new Date(started).toISOString(),
    machine,
    options,
    seeded,
    totalSeconds: total / 1000,
    baselineDrift: drift,
    goals: verdicts,
    rows,
  });
  console.log(`Results: ${file}`);

  const failing = failingRows(rows);
  if (failing.length > 0) {
    console.error(`\nFAILED: more than 1% errors, so these numbers measure failures, not the routes:`);
    for (const row of failing) console.error(`  ${row.route} ×${row.connections}: ${JSON.stringify(row.failures)}`);
    process.exitCode = 1;
  }
  return rows;
}

function summary(baseline, drift, rows) {
  const change = (drift.end - drift.start) / drift.start;
  const busiest = Math.max(...rows.map((row) => row.otherCpu ?? 0));
  return [
    `Baseline drift: ${baseline.name} at ${drift.connections} connections did ${drift.start.toFixed(0)} req/s at the start and ${drift.end.toFixed(0)} at the end (${change >= 0 ? "+" : ""}${percent(change)}).`,
    `Other processes used up to ${percent(busiest)} of the cores during a cell ("other CPU"); well above 5% means that cell's numbers are low.`,
  ].join("\n");
}

const selected = (scenario, only) => !only || only.some((word) => scenario.name.toLowerCase().includes(word));
