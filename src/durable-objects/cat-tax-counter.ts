import { DurableObject } from "cloudflare:workers";
import { receiptText } from "../cat-tax/receipt-text";
import { type IssuedReceipt, mirrorReceipts, receiptsOfNote } from "../cat-tax/store";
import { type Db, createDb } from "../db/client";
import { coalesced } from "../lib/coalesce";
import { notifyThread } from "../live/notify";
import { noteExists } from "../notes/store";

export type StampRequest = {
  noteId: string;
  stamperId: string;
  /** Shown with the receipt until D1 has it (D1 then shows the stamper's nickname as it is). */
  stamperNickname: string;
  catName: string | null;
  /** The request's Idempotency-Key: stamping again with it is a replay of the first answer. */
  idempotencyKey: string | null;
};

/** A receipt as this counter holds it, before and after D1 has a copy. */
export type CounterReceipt = IssuedReceipt & { stamperNickname: string | null };

export type StampResult = { receipt: CounterReceipt; created: boolean; replayed: boolean };

/** The first D1 write is tried at once; this alarm re-tries it if that try is lost (a crash, an eviction). */
export const MIRROR_SAFETY_NET_MS = 2_000;
/** Waits before re-sending receipts D1 refused, by attempt; the last repeats. */
const MIRROR_RETRY_MS = [2_000, 10_000, 60_000, 300_000];

type StoredReceipt = CounterReceipt & { mirrored: number; idempotencyKey: string | null };

const RECEIPT_COLUMNS =
  "serial, stamper_id AS stamperId, stamper_nickname AS stamperNickname, text, created_at AS createdAt, mirrored, idempotency_key AS idempotencyKey";

/**
 * Issues one cat note's receipt serials and mirrors them to D1.
 *
 * Serials come from this object's own SQLite, read and written with no await
 * in between, so concurrent stamps get 1, 2, 3… with no gap or duplicate, and
 * each stamper at most one. A stamp is acknowledged once this object's storage
 * holds it (the output gate holds the answer until the write, and the alarm
 * set with it, are durable): the receipts table is the outbox.
 *
 * D1 mirror, exactly once: right after the answer, one D1 write carries every
 * receipt not yet mirrored, in one transaction (INSERT … ON CONFLICT DO
 * NOTHING on note + serial, so a write repeated after an unknown outcome adds
 * nothing and counts nothing twice). D1 therefore always holds a gap-free
 * prefix 1..m. If that write is lost the alarm sends it within
 * MIRROR_SAFETY_NET_MS; if D1 refuses it, the alarm retries with backoff
 * until D1 has it. So D1 (the list, the note's receipt count, the
 * leaderboard) trails the counter by one D1 write normally, by 2 s after a
 * crash, and by the outage plus at most 5 minutes when D1 is down. Until
 * then the receipt list merges `unmirrored()` in for its first page.
 * If the note is gone, its receipts are forgotten here too.
 */
export class CatTaxCounter extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly db: Db;
  private noteId: string | null = null;
  private readonly mirror = coalesced(() => this.mirrorPending());

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.db = createDb(env.DB);
    // Only counters that stamp get tables: a receipt list read asks every note's counter, cat note or not.
    if (this.hasTables()) this.createTables();
  }

  private hasTables() {
    return this.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'receipts'").toArray().length > 0;
  }

  async stamp(request: StampRequest): Promise<StampResult> {
    await this.load(request.noteId);
    const existing = this.receiptOf(request.stamperId);
    const receipt = existing ?? this.issue(request);
    if (!receipt.mirrored) {
      await this.ctx.storage.setAlarm(Date.now() + MIRROR_SAFETY_NET_MS);
      this.ctx.waitUntil(this.mirror());
    }
    const replayed = !!existing && request.idempotencyKey !== null && existing.idempotencyKey === request.idempotencyKey;
    return { receipt: publicReceipt(receipt), created: !existing, replayed };
  }

  /** Receipts D1 may not have yet, newest first (for the receipt list's first page). */
  async unmirrored(): Promise<CounterReceipt[]> {
    if (!this.hasTables()) return [];
    const pending = this.sql.exec<StoredReceipt>(`SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE mirrored = 0 ORDER BY serial DESC`).toArray();
    if (pending.length) this.ctx.waitUntil(this.mirror());
    return pending.map(publicReceipt);
  }

  override async alarm(): Promise<void> {
    if (this.hasTables()) await this.mirror();
  }

  /** A stamper deleted their account: their receipts stay (serials keep no gaps) but no longer say who stamped them. */
  async forgetStamper(stamperId: string): Promise<void> {
    this.sql.exec("UPDATE receipts SET stamper_id = NULL WHERE stamper_id = ?", stamperId);
  }

  /** The note was deleted (with its author's account): nothing kept for it stays here. */
  async forgetNote(): Promise<void> {
    await this.forget();
  }

  private createTables() {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS receipts (
      serial INTEGER PRIMARY KEY,
      stamper_id TEXT UNIQUE,
      text TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      mirrored INTEGER NOT NULL DEFAULT 0
    )`);
    // Added when stamps began to be acknowledged before D1 has them.
    const columns = new Set(this.sql.exec<{ name: string }>("PRAGMA table_info(receipts)").toArray().map((c) => c.name));
    if (!columns.has("stamper_nickname")) this.sql.exec("ALTER TABLE receipts ADD COLUMN stamper_nickname TEXT");
    if (!columns.has("idempotency_key")) this.sql.exec("ALTER TABLE receipts ADD COLUMN idempotency_key TEXT");
    this.sql.exec("CREATE TABLE IF NOT EXISTS counter_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  }

  private setting(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM counter_state WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  private setSetting(key: string, value: string) {
    this.sql.exec("INSERT OR REPLACE INTO counter_state (key, value) VALUES (?, ?)", key, value);
  }

  /** On first use, takes over the receipts D1 already holds (none for a new note), so serials continue from them. */
  private async load(noteId: string) {
    if (this.noteId) return;
    this.createTables();
    await this.ctx.blockConcurrencyWhile(async () => {
      if (!this.setting("note_id")) {
        for (const r of await receiptsOfNote(this.db, noteId)) {
          this.sql.exec(
            "INSERT INTO receipts (serial, stamper_id, text, created_at, mirrored) VALUES (?, ?, ?, ?, 1)",
            r.serial,
            r.stamperId,
            r.text,
            r.createdAt,
          );
        }
        this.setSetting("note_id", noteId);
      }
      this.noteId = this.setting("note_id");
    });
  }

  private receiptOf(stamperId: string): StoredReceipt | undefined {
    return this.sql.exec<StoredReceipt>(`SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE stamper_id = ?`, stamperId).toArray()[0];
  }

  private issue({ stamperId, stamperNickname, catName, idempotencyKey }: StampRequest): StoredReceipt {
    const { next } = this.sql.exec<{ next: number }>("SELECT coalesce(max(serial), 0) + 1 AS next FROM receipts").one();
    const receipt = { serial: next, stamperId, stamperNickname, text: receiptText(next, catName), createdAt: Date.now(), mirrored: 0, idempotencyKey };
    this.sql.exec(
      "INSERT INTO receipts (serial, stamper_id, stamper_nickname, text, created_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?)",
      receipt.serial,
      receipt.stamperId,
      receipt.stamperNickname,
      receipt.text,
      receipt.createdAt,
      receipt.idempotencyKey,
    );
    return receipt;
  }

  /**
   * One D1 write for every receipt not yet mirrored. Callers waiting on the same
   * write share its outcome, so a failure is handled (and backed off) once.
   */
  private async mirrorPending(): Promise<void> {
    if (!this.hasTables()) return; // forgotten meanwhile
    const noteId = this.noteId ?? this.setting("note_id");
    const pending = this.sql.exec<StoredReceipt>(`SELECT ${RECEIPT_COLUMNS} FROM receipts WHERE mirrored = 0 ORDER BY serial`).toArray();
    if (!noteId || pending.length === 0) return;
    let watched: boolean;
    try {
      ({ watched } = await mirrorReceipts(this.db, noteId, pending));
    } catch (error) {
      return this.mirrorFailed(noteId, error);
    }
    this.sql.exec("UPDATE receipts SET mirrored = 1 WHERE mirrored = 0 AND serial <= ?", pending.at(-1)!.serial);
    this.sql.exec("DELETE FROM counter_state WHERE key = 'retries'");
    // Only a thread someone watches is told (src/live/watching.ts).
    if (watched) this.ctx.waitUntil(notifyThread(this.env, noteId));
  }

  /** Forgets the receipts if the note is gone, else schedules another try. */
  private async mirrorFailed(noteId: string, error: unknown): Promise<void> {
    if (!(await noteExists(this.db, noteId).catch(() => true))) return this.forget();
    const attempt = Number(this.setting("retries") ?? 0);
    this.setSetting("retries", String(attempt + 1));
    await this.ctx.storage.setAlarm(Date.now() + MIRROR_RETRY_MS[Math.min(attempt, MIRROR_RETRY_MS.length - 1)]!);
    console.error(JSON.stringify({ level: "error", event: "receipt_mirror_failed", noteId, attempt, error: String(error) }));
  }

  /** The note was deleted (its receipts in D1 went with it): drop everything kept for it. */
  private async forget() {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.noteId = null;
  }
}

const publicReceipt = ({ serial, stamperId, stamperNickname, text, createdAt }: StoredReceipt): CounterReceipt => ({
  serial,
  stamperId,
  stamperNickname,
  text,
  createdAt,
});
