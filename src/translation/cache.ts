/*
 * The snippet cache: one KV entry per translated segment, keyed by a hash of the
 * segment as the engine saw it (glossary terms already replaced by placeholders),
 * the languages and the engine. A note read by a thousand people is translated
 * once; an edited sentence misses alone. A small in-isolate copy of recent hits
 * spares repeated KV reads for the hottest notes.
 */
import { sha256Hex } from "../lib/crypto";

export const CACHE_TTL_SECONDS = 30 * 24 * 3600;
const MEMORY_ENTRIES = 2000;
const MEMORY_TTL_MS = 5 * 60_000;

const memory = new Map<string, { value: string; expires: number }>();

export type SnippetKey = { engine: string; source: string; target: string; segment: string };

export const cacheKey = async ({ engine, source, target, segment }: SnippetKey) =>
  `snippet:v1:${await sha256Hex([engine, source, target, segment].join("\u0000"))}`;

function remember(key: string, value: string, now: number) {
  memory.delete(key);
  memory.set(key, { value, expires: now + MEMORY_TTL_MS });
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value!);
}

/** Cached translations for `keys`, in order; null where missing. */
export async function readSnippets(kv: KVNamespace, keys: string[]): Promise<(string | null)[]> {
  const now = Date.now();
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const key of new Set(keys)) {
    const hit = memory.get(key);
    if (hit && hit.expires > now) found.set(key, hit.value);
    else missing.push(key);
  }
  // KV reads up to 100 keys at once.
  for (let i = 0; i < missing.length; i += 100) {
    const values = await kv.get(missing.slice(i, i + 100), "text");
    for (const [key, value] of values) {
      if (value === null) continue;
      found.set(key, value);
      remember(key, value, now);
    }
  }
  return keys.map((key) => found.get(key) ?? null);
}

/** Stores new translations: at once in this isolate, and in KV for every other. */
export function writeSnippets(kv: KVNamespace, entries: [key: string, value: string][]): Promise<unknown> {
  const now = Date.now();
  for (const [key, value] of entries) remember(key, value, now);
  return Promise.all(entries.map(([key, value]) => kv.put(key, value, { expirationTtl: CACHE_TTL_SECONDS })));
}
