// `npm run bench:translation-memory`: what the translation feature costs an isolate,
// measured in Node's V8 (the engine workerd runs): heap and time for each piece on
// first use. The worker's modules are bundled as wrangler bundles them (Text
// modules for the CC-CEDICT tables), then loaded and exercised one by one.
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { fixed, markdownTable } from "./lib/report.mjs";

if (typeof globalThis.gc !== "function") {
  console.error("run with node --expose-gc (npm run bench:translation-memory does)");
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "notebridge-memory-"));
const entry = join(dir, "entry.ts");
const src = new URL("../src/", import.meta.url).pathname;
writeFileSync(
  entry,
  `export const steps = {
  "language detection (eld extrasmall + OpenCC table)": async () => (await import("${src}language/detect.ts")).detectLanguage("歡迎來到小紅書 welcome"),
  "CC-CEDICT engine, zh → en": async () => (await import("${src}translation/engines/cedict-dictionary.ts")).cedictDictionary.translate(["我今天去夜市吃东西"], "zh-Hans", "en"),
  "CC-CEDICT engine, en → zh-Hans": async () => (await import("${src}translation/engines/cedict-dictionary.ts")).cedictDictionary.translate(["This is my backyard"], "en", "zh-Hans"),
  "OpenCC Simplified → Traditional": async () => (await import("${src}translation/chinese-script.ts")).convertChineseScript("这只猫好可爱", "zh-Hant"),
  "pinyin-pro reading aid": async () => (await import("${src}translation/pinyin.ts")).pinyinReading("这是我的后院"),
};`,
);
const outfile = join(dir, "bundle.mjs");
await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "neutral", outfile, loader: { ".txt": "text" }, splitting: false, logLevel: "error" });

const heap = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
try {
  const before = heap();
  const { steps } = await import(pathToFileURL(outfile).href);
  const rows = [{ piece: "loading the bundle (module evaluation)", bytes: heap() - before, ms: null }];
  for (const [piece, run] of Object.entries(steps)) {
    const start = heap();
    const t0 = performance.now();
    await run();
    rows.push({ piece, bytes: heap() - start, ms: performance.now() - t0 });
  }
  rows.push({ piece: "total", bytes: heap() - before, ms: null });
  console.log(
    markdownTable(rows, [
      ["piece, first use", (r) => r.piece],
      ["heap added", (r) => `${fixed(1)(r.bytes / 1e6)} MB`],
      ["time", (r) => (r.ms === null ? "–" : `${fixed(0)(r.ms)} ms`)],
    ]),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
