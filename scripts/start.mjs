// `npm start`: apply migrations to the local D1, seed the demo data (idempotent),
// then serve the API on http://127.0.0.1:8787 with local D1, KV and Durable Objects.
import { seedLocal } from "./seed.mjs";
import { DEV_WEBHOOK_SECRETS_KEY, devVarsWebhookKey } from "./webhook-secrets-key.mjs";
import { startWrangler, wrangler } from "./wrangler.mjs";

await wrangler(["d1", "migrations", "apply", "DB", "--local"]);
await seedLocal();
// Webhook apps' secrets need an encryption key; without one in .dev.vars, use the development default.
// Local webhook receivers live on loopback over http: allowed here only, never in a deployed config.
const webhookVars = [
  ...(devVarsWebhookKey() ? [] : ["--var", `WEBHOOK_SECRETS_KEY:${DEV_WEBHOOK_SECRETS_KEY}`]),
  "--var",
  "WEBHOOKS_ALLOW_PRIVATE_TARGETS:true",
];
const dev = startWrangler(["dev", ...webhookVars, ...process.argv.slice(2)]);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
