/*
 * The best explanation of each glossary term for a reader's language, as
 * translations attach them. Kept in the isolate for a minute: a translation may
 * show a vote count a minute old, and a note read by many doesn't query D1 for
 * its terms' explanations on every read. The term's own page is always live.
 */
import type { Db } from "../db/client";
import { baseLanguage } from "../language/tags";
import { bestExplanationsFor } from "./store";

const TTL_MS = 60_000;
const MAX_ENTRIES = 5000;

type Explanation = { id: string; body: string; language: string; voteCount: number };
const cache = new Map<string, { explanation: Explanation | null; expires: number }>();

export async function bestExplanations(db: Db, termIds: string[], readerLanguage: string): Promise<Map<string, Explanation | null>> {
  const now = Date.now();
  const keyOf = (termId: string) => `${termId}:${baseLanguage(readerLanguage)}`;
  const missing = termIds.filter((id) => (cache.get(keyOf(id))?.expires ?? 0) <= now);
  if (missing.length) {
    const loaded = await bestExplanationsFor(db, missing, readerLanguage);
    for (const id of missing) {
      const found = loaded.get(id);
      const explanation = found ? { id: found.id, body: found.body, language: found.language, voteCount: found.voteCount } : null;
      cache.set(keyOf(id), { explanation, expires: now + TTL_MS });
    }
    while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return new Map(termIds.map((id) => [id, cache.get(keyOf(id))?.explanation ?? null]));
}
