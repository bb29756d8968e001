// Writes the documents the worker serves (/openapi.json, /asyncapi.json) to files, so
// linters and client generators read exactly what clients get. Starts the worker in
// workerd on a free loopback port, offline, and stops it again.
import { mkdir, writeFile } from "node:fs/promises";
import { unstable_startWorker } from "wrangler";

Object.assign(process.env, {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  X_LOCAL_OBSERVABILITY: "false",
});

const outDir = process.argv[2] ?? "build";
const worker = await unstable_startWorker({
  config: "wrangler.toml",
  dev: { server: { hostname: "127.0.0.1", port: 0 }, inspector: false, logLevel: "warn" },
});
try {
  await mkdir(outDir, { recursive: true });
  for (const name of ["openapi.json", "asyncapi.json"]) {
    const response = await worker.fetch(`http://127.0.0.1/${name}`);
    if (response.status === 404) continue;
    if (!response.ok) throw new Error(`GET /${name} answered ${response.status}`);
    const document = await response.json();
    await writeFile(`${outDir}/${name}`, JSON.stringify(document, null, 2) + "\n");
    console.log(`wrote ${outDir}/${name}`);
  }
} finally {
  await worker.dispose();
}
