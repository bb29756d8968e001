// Command-line options shared by the benchmarks.
import { parseArgs } from "node:util";

const CELL_USAGE = `  --duration <s>          seconds measured per cell (default 10; quick 2)
  --warmup <s>            unmeasured seconds before each cell (default 1; quick 0.5)
  --connections <list>    concurrencies, comma-separated (default 1,10,50)
  --quiet-wait <s>        before each cell, wait (up to 15 s) while other processes use over
                          10% of the cores; at most this long in all (default 120; quick 30)
  --retries <n>           measure a cell once more (keeping the quieter attempt) when other
                          processes used over 20% of the cores during it; at most this many
                          cells in all (default 4; quick 2)
  --only <list>           run only the routes whose name contains one of these words
                          (the baseline always runs)`;

const usage = ({ port, inspectorPort, cells, quick }) => `Options:
  --quick                 ${quick}; also BENCH_QUICK=1
${cells ? `${CELL_USAGE}\n` : ""}  --port <n>              port for wrangler dev (default ${port})
  --inspector-port <n>    its devtools port (default ${inspectorPort})
  --help`;

const positive = (name, text) => {
  const value = Number(text);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number, not "${text}"`);
  return value;
};

const CELL_OPTIONS = {
  duration: { type: "string" },
  warmup: { type: "string" },
  connections: { type: "string", default: "1,10,50" },
  only: { type: "string" },
  "quiet-wait": { type: "string" },
  retries: { type: "string" },
};

/**
 * Parses a benchmark's command line. Each benchmark has its own default ports,
 * so two of them never collide. `cells: false` for a benchmark that doesn't
 * measure autocannon cells (it gets only --quick, the ports and --help);
 * `quick` says what --quick does there.
 */
export function benchOptions(
  { port, inspectorPort, cells = true, quick = "short cells (2 s, 0.5 s warm-up) for a smoke run" },
  argv = process.argv.slice(2),
  env = process.env,
) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: env.BENCH_QUICK === "1" || env.BENCH_QUICK === "true" },
      ...(cells ? CELL_OPTIONS : {}),
      port: { type: "string", default: String(port) },
      "inspector-port": { type: "string", default: String(inspectorPort) },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage({ port, inspectorPort, cells, quick }));
    process.exit(0);
  }
  const ports = {
    quick: values.quick,
    port: positive("port", values.port),
    inspectorPort: positive("inspector-port", values["inspector-port"]),
  };
  if (!cells) return ports;
  return {
    ...ports,
    duration: positive("duration", values.duration ?? (values.quick ? "2" : "10")),
    warmup: values.warmup === "0" ? 0 : positive("warmup", values.warmup ?? (values.quick ? "0.5" : "1")),
    connections: values.connections.split(",").map((c) => Math.round(positive("connections", c))),
    quietWait: Number(values["quiet-wait"] ?? (values.quick ? 30 : 120)),
    retries: Number(values.retries ?? (values.quick ? 2 : 4)),
    only: values.only?.split(",").map((word) => word.trim().toLowerCase()),
  };
}
