// Command-line options shared by the benchmarks.
import { parseArgs } from "node:util";

export const USAGE = `Options:
  --quick                 short cells (2 s, 0.5 s warm-up) for a smoke run; also BENCH_QUICK=1
  --duration <s>          seconds measured per cell (default 10; quick 2)
  --warmup <s>            unmeasured seconds before each cell (default 1; quick 0.5)
  --connections <list>    concurrencies, comma-separated (default 1,10,50)
  --quiet-wait <s>        before each cell, wait (up to 15 s) while other processes use over
                          10% of the cores; at most this long in all (default 120; quick 30)
  --retries <n>           measure a cell once more (keeping the quieter attempt) when other
                          processes used over 20% of the cores during it; at most this many
                          cells in all (default 4; quick 2)
  --only <list>           run only the routes whose name contains one of these words
                          (the baseline always runs)
  --port <n>              port for wrangler dev (default 8801)
  --inspector-port <n>    its devtools port (default 8811)
  --help`;

const positive = (name, text) => {
  const value = Number(text);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number, not "${text}"`);
  return value;
};

export function benchOptions(argv = process.argv.slice(2), env = process.env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: env.BENCH_QUICK === "1" || env.BENCH_QUICK === "true" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string", default: "1,10,50" },
      only: { type: "string" },
      "quiet-wait": { type: "string" },
      retries: { type: "string" },
      port: { type: "string", default: "8801" },
      "inspector-port": { type: "string", default: "8811" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    quick: values.quick,
    duration: positive("duration", values.duration ?? (values.quick ? "2" : "10")),
    warmup: values.warmup === "0" ? 0 : positive("warmup", values.warmup ?? (values.quick ? "0.5" : "1")),
    connections: values.connections.split(",").map((c) => Math.round(positive("connections", c))),
    quietWait: Number(values["quiet-wait"] ?? (values.quick ? 30 : 120)),
    retries: Number(values.retries ?? (values.quick ? 2 : 4)),
    only: values.only?.split(",").map((word) => word.trim().toLowerCase()),
    port: positive("port", values.port),
    inspectorPort: positive("inspector-port", values["inspector-port"]),
  };
}
