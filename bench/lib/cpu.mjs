// How busy the machine was with work other than the benchmark's own, from
// /proc (Linux). The machines are shared: a test suite running beside a cell
// takes CPU from workerd and makes that cell's numbers low.
import { readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";

const read = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // the process ended, or this isn't Linux
  }
};

/** User + system CPU ticks used by all processes since boot. */
function machineTicks() {
  const [, user, nice, system] = read("/proc/stat")?.split("\n")[0].trim().split(/\s+/).map(Number) ?? [];
  return user === undefined ? null : user + nice + system;
}

/** CPU ticks used by this process and by every process in the given process groups. */
function ownTicks(groups) {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    // Fields after "(comm)": state, ppid, pgrp, ... utime is field 14 and stime 15 overall.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pid) === process.pid || groups.includes(Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}

/**
 * Starts measuring; the returned function gives the share of all cores (0-1)
 * used by processes outside `groups` and this process since then, or null
 * where /proc is not available.
 */
export function otherCpuMeter(groups) {
  const start = { at: process.hrtime.bigint(), machine: machineTicks(), own: ownTicks(groups) };
  return () => {
    const machine = machineTicks();
    if (machine === null || start.machine === null) return null;
    const seconds = Number(process.hrtime.bigint() - start.at) / 1e9;
    const other = machine - start.machine - (ownTicks(groups) - start.own);
    // /proc counts in USER_HZ ticks, 100 per second on Linux.
    return Math.max(0, other / 100 / seconds / cpus().length);
  };
}

/**
 * Waits, one second at a time and for at most `maxMs`, until processes outside
 * `groups` use less than `threshold` of the cores; resolves to the milliseconds waited.
 * Test suites on a shared machine come in bursts: waiting one out is cheaper than a spoiled cell.
 */
export async function waitForQuiet(groups, { threshold = 0.1, maxMs }) {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    const meter = otherCpuMeter(groups);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const share = meter();
    if (share === null || share < threshold) break;
  }
  return Date.now() - started;
}
