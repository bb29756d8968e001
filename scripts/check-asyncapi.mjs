// Validates the served AsyncAPI document (dumped by dump-documents.mjs) against the
// official AsyncAPI JSON Schema of its version (@asyncapi/specs), and checks that
// every local $ref points at something.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const file = process.argv[2] ?? "build/asyncapi.json";
const document = JSON.parse(await readFile(file, "utf8"));
const spec = createRequire(import.meta.url)(`@asyncapi/specs/schemas/${document.asyncapi}-without-$id.json`);

const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);
const problems = ajv.validate(spec, document) ? [] : ajv.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);

const resolve = (pointer) =>
  pointer
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((node, part) => (node === undefined ? undefined : node[part]), document);
(function walk(node, path) {
  if (!node || typeof node !== "object") return;
  if (typeof node.$ref === "string" && node.$ref.startsWith("#/") && resolve(node.$ref) === undefined) {
    problems.push(`${path} $ref ${node.$ref} points at nothing`);
  }
  for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
})(document, "");

if (problems.length > 0) {
  for (const problem of [...new Set(problems)].slice(0, 30)) console.error(problem);
  console.error(`${file}: ${problems.length} problem(s)`);
  process.exit(1);
}
const messages = Object.keys(document.components?.messages ?? {}).length;
console.log(`${file}: valid AsyncAPI ${document.asyncapi}, ${Object.keys(document.channels).length} channel(s), ${messages} messages`);
