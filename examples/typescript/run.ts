// Runs the first minute against a local API (`npm start`): npx tsx examples/typescript/run.ts
import { firstMinute } from "./first-minute";

const { note, receipt, translation } = await firstMinute({ baseUrl: "http://127.0.0.1:8787" });
console.log(`Note ${note.id}: "${note.title}"`);
console.log(receipt.text);
for (const text of translation.texts) {
  console.log(`${text.original} → ${text.translated} (${translation.engine?.name ?? translation.outcome})`);
}
