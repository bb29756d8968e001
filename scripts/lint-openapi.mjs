// Lints the served OpenAPI document with Redocly's recommended rules. Redocly fails
// only on errors; the contract is kept at zero warnings too, so any problem fails here.
import { spawnSync } from "node:child_process";

const file = process.argv[2] ?? "build/openapi.json";
const run = spawnSync("redocly", ["lint", file, "--format=json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
for (const problem of report.problems) {
  const where = problem.location?.[0]?.pointer ?? "";
  console.error(`${problem.severity} ${problem.ruleId} ${where}: ${problem.message}`);
}
const { errors, warnings } = report.totals;
console.log(`${file}: Redocly recommended rules, ${errors} errors, ${warnings} warnings`);
if (errors + warnings > 0) process.exit(1);
