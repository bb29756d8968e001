// `npm start`: apply migrations to the local D1, seed the demo data (idempotent),
// then serve the API on http://127.0.0.1:8787 with local D1, KV and Durable Objects.
import { seedLocal } from "./seed.mjs";
import { startWrangler, wrangler } from "./wrangler.mjs";

await wrangler(["d1", "migrations", "apply", "DB", "--local"]);
await seedLocal();
const dev = startWrangler(["dev", ...process.argv.slice(2)]);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
