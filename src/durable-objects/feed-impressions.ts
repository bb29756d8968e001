import { DurableObject } from "cloudflare:workers";

/** How long impressions wait in a shard before one D1 write carries them all. */
export const FLUSH_AFTER_MS = 5_000;
/** Notes per D1 write; the rest go in the next alarm straight after. */
const FLUSH_BATCH = 2_000;

/**
 * One shard of the impression buffer. Feeds (and note opens) tell a shard which
 * notes its readers were shown (each isolate sends what it gathered over a
 * second, src/lib/impressions.ts); the shard adds them up in its own SQLite and, five
 * seconds after the first, writes the sums to D1 in one batch: `notes.view_count`
 * and `topics.view_count` for every topic of those notes. A hot note therefore
 * costs D1 one row update per shard every five seconds, however many readers see
 * it. Counts survive eviction (they are in the shard's storage) and a failed D1
 * write is retried by the alarm, so views are late by seconds, never lost.
 */
export class FeedImpressions extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec("CREATE TABLE IF NOT EXISTS pending (note_id TEXT PRIMARY KEY, views INTEGER NOT NULL)");
  }

  /** Adds impressions per note id. */
  async record(views: Record<string, number>): Promise<void> {
    for (const [id, count] of Object.entries(views)) {
      if (!Number.isInteger(count) || count <= 0) continue;
      this.sql.exec(
        "INSERT INTO pending (note_id, views) VALUES (?, ?) ON CONFLICT (note_id) DO UPDATE SET views = views + excluded.views",
        id,
        count,
      );
    }
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + FLUSH_AFTER_MS);
  }

  override async alarm(): Promise<void> {
    await this.flush();
  }

  /** Writes what is pending to D1 now; returns how many notes it updated. */
  async flush(): Promise<number> {
    const rows = this.sql
      .exec<{ note_id: string; views: number }>("SELECT note_id, views FROM pending LIMIT ?", FLUSH_BATCH)
      .toArray();
    if (rows.length === 0) return 0;
    const views = JSON.stringify(Object.fromEntries(rows.map((r) => [r.note_id, r.views])));
    await this.env.DB.batch([
      this.env.DB.prepare(
        "UPDATE notes SET view_count = notes.view_count + v.value FROM json_each(?1) AS v WHERE notes.id = v.key",
      ).bind(views),
      this.env.DB.prepare(
        `UPDATE topics SET view_count = topics.view_count + v.views
         FROM (SELECT nt.topic AS topic, sum(j.value) AS views FROM json_each(?1) AS j
               JOIN note_topics AS nt ON nt.note_id = j.key GROUP BY nt.topic) AS v
         WHERE topics.name = v.topic`,
      ).bind(views),
    ]);
    // Impressions recorded while D1 was writing stay pending for the next flush.
    for (const r of rows) this.sql.exec("UPDATE pending SET views = views - ? WHERE note_id = ?", r.views, r.note_id);
    this.sql.exec("DELETE FROM pending WHERE views <= 0");
    const left = this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM pending").one().n;
    if (left > 0) await this.ctx.storage.setAlarm(Date.now() + (rows.length === FLUSH_BATCH ? 0 : FLUSH_AFTER_MS));
    return rows.length;
  }
}
