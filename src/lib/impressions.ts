/** Impression buffers: readers are spread over this many FeedImpressions shards. */
export const IMPRESSION_SHARDS = 8;
/** An isolate gathers impressions this long before one call per shard carries them. */
export const GATHER_MS = 1_000;

function shardOf(readerKey: string): number {
  let hash = 0;
  for (let i = 0; i < readerKey.length; i++) hash = (Math.imul(hash, 31) + readerKey.charCodeAt(i)) >>> 0;
  return hash % IMPRESSION_SHARDS;
}

export const impressionShard = (env: Env, shard: number) =>
  env.FEED_IMPRESSIONS.get(env.FEED_IMPRESSIONS.idFromName(`impressions-${shard}`));

/** Shard → note → impressions gathered by this isolate and not yet sent. */
let gathered: Map<number, Map<string, number>> | null = null;

async function sendGathered(env: Env): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
  const batch = gathered ?? new Map<number, Map<string, number>>();
  gathered = null;
  await Promise.all(
    [...batch].map(async ([shard, counts]) => {
      try {
        await impressionShard(env, shard).record(Object.fromEntries(counts));
      } catch (error) {
        console.error(JSON.stringify({ level: "warn", message: "impressions not recorded", shard, error: String(error) }));
      }
    }),
  );
}

/**
 * Counts notes as seen by one reader (a user id, or an address when signed out).
 * Never delays the answer: impressions gather in the isolate for a second and
 * then go to their shards in one call each, kept alive by the `waitUntil` of the
 * request that started the second (no request waits on another's promise).
 */
export function recordImpressions(env: Env, waitUntil: (promise: Promise<unknown>) => void, readerKey: string, noteIds: string[]) {
  if (noteIds.length === 0) return;
  const starting = gathered === null;
  gathered ??= new Map();
  const shard = shardOf(readerKey);
  const counts = gathered.get(shard) ?? new Map<string, number>();
  gathered.set(shard, counts);
  for (const id of noteIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  if (starting) waitUntil(sendGathered(env));
}
