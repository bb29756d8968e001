import { DurableObject } from "cloudflare:workers";

/** What one `take` tells the caller: whether it may go on, what is left, and when the window starts again (epoch ms). */
export type Taken = { allowed: boolean; remaining: number; resetAt: number };

/** A lock after repeated failures: `failures` counted in the current period, and until when attempts are refused. */
export type LockState = { failures: number; lockedUntil: number | null };

/** How failures turn into waits: `free` failures cost nothing, then each waits twice as long as the last, up to a lock. */
export type LockRule = { periodMs: number; free: number; firstWaitMs: number; lockAfter: number; lockMs: number };

/**
 * Exact budgets for one key (a user, a hashed IP address, a hashed phone
 * number): fixed windows of `limit` units per `windowSeconds`, counted in this
 * object's own SQLite. Each call reads and writes with no await in between, so
 * concurrent requests are counted one after another, never twice or lost.
 * One object per key keeps hot keys apart: a flood from one address queues at
 * its own object only. The object forgets everything once its windows end.
 */
export class RateLimiter extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private tables: boolean | null = null;
  /**
   * The windows as stored, read once per window name: every write goes through
   * this object, one call at a time, so the copy in memory never differs from
   * SQLite and a take needs only its write.
   */
  private readonly windows = new Map<string, { started_at: number; used: number } | null>();
  /** The alarm as set by this object, so a new window doesn't read it back each time. */
  private alarmAt: number | null | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
  }

  /** Tables are made on the first write, so a look at a key never used writes nothing. */
  private hasTables(create: boolean): boolean {
    this.tables ??= this.sql.exec("SELECT 1 FROM sqlite_master WHERE name = 'locks'").toArray().length > 0;
    if (!this.tables && create) {
      this.sql.exec("CREATE TABLE IF NOT EXISTS windows (name TEXT PRIMARY KEY, started_at INTEGER NOT NULL, used INTEGER NOT NULL)");
      this.sql.exec(
        "CREATE TABLE IF NOT EXISTS locks (name TEXT PRIMARY KEY, first_at INTEGER NOT NULL, failures INTEGER NOT NULL, locked_until INTEGER)",
      );
      this.tables = true;
    }
    return this.tables;
  }

  /** Takes `cost` units of budget `name` (cost 0 only looks). Refused takes use nothing. */
  async take(name: string, limit: number, windowSeconds: number, cost = 1): Promise<Taken> {
    const now = Date.now();
    const windowMs = windowSeconds * 1000;
    this.hasTables(cost > 0);
    const row = this.storedWindow(name);
    const current = row && now < row.started_at + windowMs ? row : { started_at: now, used: 0 };
    const allowed = current.used + cost <= limit;
    const used = allowed ? current.used + cost : current.used;
    if (cost > 0 && (used !== row?.used || current.started_at !== row?.started_at)) {
      this.sql.exec("INSERT OR REPLACE INTO windows (name, started_at, used) VALUES (?, ?, ?)", name, current.started_at, used);
      this.windows.set(name, { started_at: current.started_at, used });
    }
    // Only a new window moves the clean-up: the takes within one await nothing.
    if (cost > 0 && current.started_at !== row?.started_at) await this.forgetAfter(current.started_at + windowMs);
    return { allowed, remaining: Math.max(limit - used, 0), resetAt: current.started_at + windowMs };
  }

  private storedWindow(name: string): { started_at: number; used: number } | undefined {
    if (!this.tables) return undefined;
    let row = this.windows.get(name);
    if (row === undefined) {
      row = this.sql.exec<{ started_at: number; used: number }>("SELECT started_at, used FROM windows WHERE name = ?", name).toArray()[0] ?? null;
      this.windows.set(name, row);
    }
    return row ?? undefined;
  }

  /** The lock `name` now, without counting anything. */
  async lock(name: string, rule: LockRule): Promise<LockState> {
    return this.readLock(name, rule, Date.now());
  }

  /** Counts a failure (unless already locked: those are refused without counting) and returns the lock it leads to. */
  async fail(name: string, rule: LockRule): Promise<LockState> {
    const now = Date.now();
    this.hasTables(true);
    const state = this.readLock(name, rule, now);
    if (state.lockedUntil !== null) return state;
    const failures = state.failures + 1;
    const row = this.sql.exec<{ first_at: number }>("SELECT first_at FROM locks WHERE name = ?", name).toArray()[0];
    const firstAt = state.failures === 0 || !row ? now : row.first_at;
    let lockedUntil: number | null = null;
    if (failures >= rule.lockAfter) lockedUntil = now + rule.lockMs;
    else if (failures > rule.free) lockedUntil = now + rule.firstWaitMs * 2 ** (failures - rule.free - 1);
    this.sql.exec(
      "INSERT OR REPLACE INTO locks (name, first_at, failures, locked_until) VALUES (?, ?, ?, ?)",
      name,
      firstAt,
      failures,
      lockedUntil,
    );
    await this.forgetAfter(Math.max(firstAt + rule.periodMs, lockedUntil ?? 0));
    return { failures, lockedUntil };
  }

  /** A success: the failures counted under `name` are forgiven. */
  async clear(name: string): Promise<void> {
    if (this.hasTables(false)) this.sql.exec("DELETE FROM locks WHERE name = ?", name);
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    this.alarmAt = null;
    if (!this.hasTables(false)) return;
    const live =
      this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM locks WHERE coalesce(locked_until, 0) > ? ", now).one().n > 0;
    if (live) return this.forgetAfter(now + 60_000);
    await this.ctx.storage.deleteAll();
    this.tables = false;
    this.windows.clear();
    this.alarmAt = null;
  }

  private readLock(name: string, rule: LockRule, now: number): LockState {
    if (!this.hasTables(false)) return { failures: 0, lockedUntil: null };
    const row = this.sql
      .exec<{ first_at: number; failures: number; locked_until: number | null }>(
        "SELECT first_at, failures, locked_until FROM locks WHERE name = ?",
        name,
      )
      .toArray()[0];
    if (!row) return { failures: 0, lockedUntil: null };
    const locked = row.locked_until !== null && row.locked_until > now;
    // A lock that ran out starts a fresh period; so does a period with no lock that ran out.
    if (!locked && (row.failures >= rule.lockAfter || now >= row.first_at + rule.periodMs)) return { failures: 0, lockedUntil: null };
    return { failures: row.failures, lockedUntil: locked ? row.locked_until : null };
  }

  /** Everything here is deleted at `at` at the latest (no state about anyone outlives its windows). */
  private async forgetAfter(at: number) {
    if (this.alarmAt === undefined) this.alarmAt = await this.ctx.storage.getAlarm();
    if (this.alarmAt === null || this.alarmAt < at) {
      await this.ctx.storage.setAlarm(at);
      this.alarmAt = at;
    }
  }
}
