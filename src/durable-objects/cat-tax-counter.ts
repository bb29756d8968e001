import { DurableObject } from "cloudflare:workers";
import { receiptNumber, receiptText } from "../cat-tax/receipt-text";
import { type IssuedReceipt, mirrorReceipts, receiptsOfNote } from "../cat-tax/store";
import { type Db, createDb } from "../db/client";
import { coalesced } from "../lib/coalesce";
import { notifyThread } from "../live/notify";
import { type LocalText, t } from "../lib/i18n";
import { noteExists } from "../notes/store";

export type StampRequest = { noteId: string; stamperId: string; catName: string | null };

export type StampResult =
  | { ok: true; serial: number; created: boolean }
  | { ok: false; code: "not_found" | "service_unavailable"; message: LocalText };

/** Waits before re-sending receipts D1 refused, by attempt; the last repeats. */
const MIRROR_RETRY_MS = [2_000, 10_000, 60_000, 300_000];

type StoredReceipt = IssuedReceipt & { mirrored: number };

type MirrorOutcome = "mirrored" | "note gone" | "retrying";

/**
 * Issues one cat note's receipt serials and mirrors them to D1.
 *
 * Serials come from this object's own SQLite, read and written with no await
 * in between, so concurrent stamps get 1, 2, 3… with no gap or duplicate, and
 * each stamper at most one. D1 mirror policy: a stamp is acknowledged only once
 * D1 holds it. Every D1 write carries all receipts not yet mirrored, in one
 * transaction, so D1 always holds a gap-free prefix 1..m of the serials issued
 * here. When a write fails, the stamper is told 503 and keeps the reserved
 * serial (stamping again returns it); the receipts are re-sent by the next
 * stamp or by an alarm with backoff until D1 has them (reconciled, never
 * dropped). If the note itself is gone, its receipts are forgotten here too.
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
    this.createTables();
  }

  async stamp(request: StampRequest): Promise<StampResult> {
    await this.load(request.noteId);
    const existing = this.receiptOf(request.stamperId);
    const receipt = existing ?? this.issue(request);
    const outcome = receipt.mirrored ? "mirrored" : await this.mirror();
    if (outcome === "note gone") return { ok: false, code: "not_found", message: t("notes.notFound") };
    if (outcome === "retrying") {
      return {
        ok: false,
        code: "service_unavailable",
        message: t("catTax.receiptPending", { number: receiptNumber(receipt.serial) }),
      };
    }
    return { ok: true, serial: receipt.serial, created: !existing };
  }

  override async alarm(): Promise<void> {
    await this.mirror();
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
    return this.sql
      .exec<StoredReceipt>(
        "SELECT serial, stamper_id AS stamperId, text, created_at AS createdAt, mirrored FROM receipts WHERE stamper_id = ?",
        stamperId,
      )
      .toArray()[0];
  }

  private issue({ stamperId, catName }: StampRequest): StoredReceipt {
    const { next } = this.sql.exec<{ next: number }>("SELECT coalesce(max(serial), 0) + 1 AS next FROM receipts").one();
    const receipt = { serial: next, stamperId, text: receiptText(next, catName), createdAt: Date.now(), mirrored: 0 };
    this.sql.exec(
      "INSERT INTO receipts (serial, stamper_id, text, created_at) VALUES (?, ?, ?, ?)",
      receipt.serial,
      receipt.stamperId,
      receipt.text,
      receipt.createdAt,
    );
    return receipt;
  }

  /**
   * One D1 write for every receipt not yet mirrored. Stampers waiting on the same
   * write share its outcome, so a failure is handled (and backed off) once.
   */
  private async mirrorPending(): Promise<MirrorOutcome> {
    const noteId = this.noteId ?? this.setting("note_id");
    const pending = this.sql
      .exec<StoredReceipt>(
        "SELECT serial, stamper_id AS stamperId, text, created_at AS createdAt, mirrored FROM receipts WHERE mirrored = 0 ORDER BY serial",
      )
      .toArray();
    if (!noteId || pending.length === 0) return "mirrored";
    try {
      await mirrorReceipts(this.db, noteId, pending);
    } catch (error) {
      return this.mirrorFailed(noteId, error);
    }
    this.sql.exec("UPDATE receipts SET mirrored = 1 WHERE mirrored = 0 AND serial <= ?", pending.at(-1)!.serial);
    this.sql.exec("DELETE FROM counter_state WHERE key = 'retries'");
    this.ctx.waitUntil(notifyThread(this.env, noteId));
    return "mirrored";
  }

  /** Forgets the receipts if the note is gone, else schedules another try. */
  private async mirrorFailed(noteId: string, error: unknown): Promise<MirrorOutcome> {
    if (!(await noteExists(this.db, noteId).catch(() => true))) {
      await this.forget();
      return "note gone";
    }
    const attempt = Number(this.setting("retries") ?? 0);
    this.setSetting("retries", String(attempt + 1));
    await this.ctx.storage.setAlarm(Date.now() + MIRROR_RETRY_MS[Math.min(attempt, MIRROR_RETRY_MS.length - 1)]!);
    console.error(JSON.stringify({ level: "error", event: "receipt_mirror_failed", noteId, attempt, error: String(error) }));
    return "retrying";
  }

  /** The note was deleted (its receipts in D1 went with it): drop everything kept for it. */
  private async forget() {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.noteId = null;
    this.createTables();
  }
}
