// Validates the served AsyncAPI document (dumped by dump-documents.mjs) with the
// AsyncAPI parser: schema errors and rule warnings both fail.
import { readFile } from "node:fs/promises";
import { Parser } from "@asyncapi/parser";

const file = process.argv[2] ?? "build/asyncapi.json";
const { document, diagnostics } = await new Parser().parse(await readFile(file, "utf8"));
const problems = diagnostics.filter((d) => d.severity <= 1); // 0 error, 1 warning
for (const d of diagnostics) console.log(`${["error", "warning", "info", "hint"][d.severity]} ${d.code} ${d.path.join(".")}: ${d.message}`);
if (!document || problems.length > 0) {
  console.error(`${file}: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()}, ${document.channels().length} channel(s), ${document.messages().length} messages`);
