// The key that encrypts webhook apps' signing secrets in local D1. Production reads
// WEBHOOK_SECRETS_KEY from a Workers secret (`wrangler secret put WEBHOOK_SECRETS_KEY`);
// locally a WEBHOOK_SECRETS_KEY line in .dev.vars wins over this development-only default.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DEV_WEBHOOK_SECRETS_KEY = "bG9jYWwtZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLWs";

const devVarsFile = fileURLToPath(new URL("../.dev.vars", import.meta.url));

/** The key from .dev.vars, or null when it has none. */
export function devVarsWebhookKey() {
  if (!existsSync(devVarsFile)) return null;
  const match = /^WEBHOOK_SECRETS_KEY\s*=\s*"?([^"\n]+)"?\s*$/m.exec(readFileSync(devVarsFile, "utf8"));
  return match ? match[1].trim() : null;
}

export const localWebhookKey = () => devVarsWebhookKey() ?? DEV_WEBHOOK_SECRETS_KEY;
