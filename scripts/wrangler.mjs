// Runs wrangler offline: no telemetry and no fetch of the `cf` object, so
// `wrangler dev` never waits on the network (the config flag alone does not stop it).
// Local tracing is off too: it stores a span per request and per D1 query under
// .wrangler and halves local D1 throughput (measured by bench/).
import { spawn } from "node:child_process";

export const offlineEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  X_LOCAL_OBSERVABILITY: "false",
};

/** Runs `wrangler <args>`, resolving when it exits 0 and rejecting otherwise. */
export function wrangler(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("wrangler", args, { stdio: "inherit", env: offlineEnv, ...options });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`wrangler ${args.join(" ")} exited ${code}`))));
  });
}

/** Starts `wrangler <args>` and returns the child, for long-running `dev`. */
export const startWrangler = (args, options = {}) =>
  spawn("wrangler", args, { stdio: "inherit", env: offlineEnv, ...options });
