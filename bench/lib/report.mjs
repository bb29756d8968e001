// Turning result rows into a markdown table, a JSON file and a pass/fail verdict.
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

/** Adds `ratio`: req/s relative to the baseline route's row at the same concurrency. */
export function withRatios(rows, baselineRoute) {
  return rows.map((row) => {
    const baseline = rows.find((r) => r.route === baselineRoute && r.connections === row.connections);
    return { ...row, ratio: baseline ? row.rps / baseline.rps : null };
  });
}

export const fixed = (digits) => (value) => (value == null || Number.isNaN(value) ? "–" : value.toFixed(digits));
export const percent = (share) => (share == null ? "–" : `${fixed(0)(100 * share)}%`);

const COLUMNS = [
  ["route", (r) => r.route],
  ["concurrency", (r) => String(r.connections)],
  ["req/s", (r) => fixed(0)(r.rps)],
  // autocannon records latency in whole milliseconds.
  ["p50 ms", (r) => fixed(0)(r.p50)],
  ["p99 ms", (r) => fixed(0)(r.p99)],
  ["errors", (r) => (r.failed ? `${r.failed} (${fixed(1)((100 * r.failed) / (r.requests + r.failed))}%)` : "0")],
  ["vs baseline", (r) => (r.ratio == null ? "–" : `${fixed(2)(r.ratio)}×`)],
  ["other CPU", (r) => percent(r.otherCpu)],
];

/** A markdown table of `rows`, one column per `[title, cell(row)]`; the first column left-aligned, the others right. */
export function markdownTable(rows, columns = COLUMNS) {
  const cells = [columns.map(([title]) => title), ...rows.map((row) => columns.map(([, cell]) => cell(row)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  const right = (i) => i > 0; // numbers, right-aligned
  const line = (values) =>
    `| ${values.map((v, i) => (right(i) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (right(i) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}

/** The rows whose errors (non-2xx, connection errors, timeouts) exceed `maxShare` of their requests. */
export const failingRows = (rows, maxShare = 0.01) =>
  rows.filter((row) => row.failed > maxShare * (row.requests + row.failed));

/** Lines saying whether each of a benchmark's goals (`{ goal, met, detail }`) was met. */
export const goalLines = (verdicts) =>
  verdicts.map(({ goal, met, detail }) => `Goal: ${goal}: ${met ? "met" : "NOT met"} (${detail}).`).join("\n");

const run = (command) => {
  try {
    return execSync(command, { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return null;
  }
};

const packageVersion = (name) =>
  JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version;

/** Where and on what a run happened, for comparing runs honestly. */
export function machineInfo() {
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    wrangler: packageVersion("wrangler"),
    autocannon: packageVersion("autocannon"),
    commit: run("git rev-parse --short HEAD"),
    uncommittedChanges: run("git status --porcelain -- src migrations wrangler.toml") !== "",
  };
}

/** Writes `bench/results/<name>-<timestamp>.json` and returns its path relative to the repository. */
export async function writeResults(name, data) {
  const dir = join(ROOT, "bench/results");
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await writeFile(file, JSON.stringify(data, null, 2) + "\n");
  return relative(ROOT, file);
}
