// Runs the first minute against a running API (`npm start`):
//   npx tsx examples/typescript/run.ts [base URL, default http://127.0.0.1:8787]
import { firstMinute } from "./first-minute";

const argv = (globalThis as { process?: { argv: string[] } }).process?.argv ?? [];
const { note, receipt, translation } = await firstMinute({ baseUrl: argv[2] ?? "http://127.0.0.1:8787" });
console.log(`Note ${note.id}: "${note.title}"`);
console.log(receipt.text);
for (const text of translation.texts) {
  console.log(`${text.original} → ${text.translated} (${translation.engine?.name ?? translation.outcome})`);
}
