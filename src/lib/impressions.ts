/** Impression buffers: readers are spread over this many FeedImpressions shards. */
export const IMPRESSION_SHARDS = 8;

function shardOf(readerKey: string): number {
  let hash = 0;
  for (let i = 0; i < readerKey.length; i++) hash = (Math.imul(hash, 31) + readerKey.charCodeAt(i)) >>> 0;
  return hash % IMPRESSION_SHARDS;
}

export const impressionShard = (env: Env, shard: number) =>
  env.FEED_IMPRESSIONS.get(env.FEED_IMPRESSIONS.idFromName(`impressions-${shard}`));

/**
 * Counts notes as seen by one reader (a user id, or an address when signed out).
 * Call it in `waitUntil`: it never delays or fails the answer.
 */
export async function recordImpressions(env: Env, readerKey: string, noteIds: string[]): Promise<void> {
  if (noteIds.length === 0) return;
  try {
    await impressionShard(env, shardOf(readerKey)).record(noteIds);
  } catch (error) {
    console.error(JSON.stringify({ level: "warn", message: "impressions not recorded", error: String(error) }));
  }
}
