import { LIVE_LIMITS } from "./limits";

export type Counters = { likeCount: number; commentCount: number; receiptCount: number };

/** An event to log: its type, what it is about (comment id or receipt serial), and its fields. */
export type NewEvent = { type: string; subject: string; fields: Record<string, unknown> };

/** A logged event; `data` is the JSON sent to viewers, `{"type":…,"id":…,…}`. */
export type LoggedEvent = { id: number; type: string; subject: string; data: string };

export type StoredTranslation = { body: string | null; failedAt: number | null };

/**
 * A thread's own SQLite: the event log viewers resume from, the thread's
 * position in the D1 outbox, the counters last sent, and cached translations.
 * Event ids only grow: the last one is kept even when the log is pruned.
 */
export class ThreadStorage {
  private lastEventId = 0;
  private prunedThrough = 0;
  /** thread_state as stored: this object is its only writer, and every comment read it several times. */
  private readonly settings = new Map<string, string | null>();

  constructor(private readonly storage: DurableObjectStorage) {
    this.open();
  }

  private get sql() {
    return this.storage.sql;
  }

  private open() {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS events (
      id INTEGER PRIMARY KEY, type TEXT NOT NULL, subject TEXT NOT NULL, data TEXT NOT NULL)`);
    this.sql.exec("CREATE TABLE IF NOT EXISTS thread_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    this.sql.exec(`CREATE TABLE IF NOT EXISTS translations (
      comment_id TEXT NOT NULL, language TEXT NOT NULL, revision TEXT NOT NULL,
      body TEXT, failed_at INTEGER, PRIMARY KEY (comment_id, language))`);
    // eventIdOf runs for every comment posted and every outbox row taken: without it, a scan of the whole log.
    this.sql.exec("CREATE INDEX IF NOT EXISTS events_by_subject ON events (subject, type, id)");
    this.settings.clear();
    this.lastEventId = Number(this.setting("last_event_id") ?? 0);
    this.prunedThrough = Number(this.setting("pruned_through") ?? 0);
  }

  /** Forgets everything (the note was deleted). */
  async wipe() {
    await this.storage.deleteAll();
    this.open();
  }

  private setting(key: string): string | null {
    let value = this.settings.get(key);
    if (value === undefined) {
      value = this.sql.exec<{ value: string }>("SELECT value FROM thread_state WHERE key = ?", key).toArray()[0]?.value ?? null;
      this.settings.set(key, value);
    }
    return value;
  }

  private setSetting(key: string, value: string) {
    this.sql.exec("INSERT OR REPLACE INTO thread_state (key, value) VALUES (?, ?)", key, value);
    this.settings.set(key, value);
  }

  get noteId(): string | null {
    return this.setting("note_id");
  }

  remember(noteId: string) {
    if (this.noteId !== noteId) this.setSetting("note_id", noteId);
  }

  get lastId() {
    return this.lastEventId;
  }

  /** Whether this thread counts as watched (src/live/watching.ts); D1's live_threads row is added before and removed after this says so. */
  get watching(): boolean {
    return this.setting("watching") === "1";
  }

  /** Stopped watching: what happens from here on isn't logged, so the log ends here for resuming viewers. */
  stopWatching() {
    this.setSetting("watching", "0");
  }

  /**
   * Watching again: changes made while nobody watched were never logged, so no
   * viewer may resume across them. The next event id is skipped and every
   * earlier one counts as pruned: a viewer coming back gets a fresh page.
   */
  startWatching() {
    this.inTransaction(() => {
      this.lastEventId += 1;
      this.prunedThrough = this.lastEventId;
      this.setSetting("last_event_id", String(this.lastEventId));
      this.setSetting("pruned_through", String(this.prunedThrough));
      this.setSetting("watching", "1");
    });
  }

  /** One SQLite transaction; if it rolls back, what memory holds of the log and settings is re-read from what SQLite kept. */
  private inTransaction<T>(work: () => T): T {
    try {
      return this.storage.transactionSync(work);
    } catch (error) {
      this.settings.clear();
      this.lastEventId = Number(this.setting("last_event_id") ?? 0);
      this.prunedThrough = Number(this.setting("pruned_through") ?? 0);
      throw error;
    }
  }

  /** Whether every event after `eventId` is still kept, so a viewer that saw `eventId` can resume. */
  covers(eventId: number) {
    return eventId >= this.prunedThrough && eventId <= this.lastEventId;
  }

  /** The last D1 outbox row taken into the log. */
  get outboxThrough(): number {
    return Number(this.setting("outbox_through") ?? 0);
  }

  get counters(): Counters | null {
    const value = this.setting("counters");
    return value ? (JSON.parse(value) as Counters) : null;
  }

  set counters(counters: Counters) {
    this.setSetting("counters", JSON.stringify(counters));
  }

  /**
   * Logs events and the outbox position they came from (none for a comment
   * logged as it was posted) in one transaction, keeping the newest `retainedEvents`.
   */
  append(events: NewEvent[], outboxThrough?: number): LoggedEvent[] {
    return this.inTransaction(() => {
      const logged = events.map(({ type, subject, fields }) => {
        if (type === "comment.deleted" || (fields.comment as { deleted?: boolean } | undefined)?.deleted) this.forgetComment(subject);
        const id = ++this.lastEventId;
        const data = JSON.stringify({ type, id, ...fields });
        this.sql.exec("INSERT INTO events (id, type, subject, data) VALUES (?, ?, ?, ?)", id, type, subject, data);
        return { id, type, subject, data };
      });
      this.setSetting("last_event_id", String(this.lastEventId));
      if (outboxThrough !== undefined) this.setSetting("outbox_through", String(outboxThrough));
      const oldestKept = this.lastEventId - LIVE_LIMITS.retainedEvents;
      if (oldestKept > this.prunedThrough) {
        this.sql.exec("DELETE FROM events WHERE id <= ?", oldestKept);
        this.prunedThrough = oldestKept;
        this.setSetting("pruned_through", String(oldestKept));
      }
      return logged;
    });
  }

  /**
   * A deleted comment (or one left as a deleted account's placeholder) leaves no
   * copy of its text here: its earlier events and translations are dropped. A
   * viewer resuming past them gets the deletion (or placeholder) alone.
   */
  private forgetComment(commentId: string) {
    this.sql.exec("DELETE FROM events WHERE subject = ? AND type IN ('comment.created', 'comment.edited')", commentId);
    this.sql.exec("DELETE FROM translations WHERE comment_id = ?", commentId);
  }

  /**
   * Someone deleted their account: events that name them are rewritten as D1 now
   * has them (a reply no longer mentions them, a receipt no longer says who
   * stamped it); their own comments' events were already dropped with the comments.
   */
  forgetPerson(userId: string) {
    const named = this.sql
      .exec<{ id: number; data: string }>("SELECT id, data FROM events WHERE instr(data, ?) > 0", userId)
      .toArray();
    for (const { id, data } of named) {
      const event = JSON.parse(data) as {
        comment?: { author?: { id: string }; replyTo?: { user?: { id: string } } | null };
        receipt?: { stamper?: { id: string } | null };
      };
      if (event.comment?.author?.id === userId) {
        this.sql.exec("DELETE FROM events WHERE id = ?", id);
        continue;
      }
      if (event.comment?.replyTo?.user?.id === userId) event.comment.replyTo = null;
      if (event.receipt?.stamper?.id === userId) event.receipt.stamper = null;
      this.sql.exec("UPDATE events SET data = ? WHERE id = ?", JSON.stringify(event), id);
    }
  }

  eventsAfter(eventId: number): LoggedEvent[] {
    return this.sql.exec<LoggedEvent>("SELECT id, type, subject, data FROM events WHERE id > ? ORDER BY id", eventId).toArray();
  }

  eventIdOf(type: string, subject: string): number | null {
    const row = this.sql
      .exec<{ id: number }>("SELECT id FROM events WHERE type = ? AND subject = ? ORDER BY id DESC LIMIT 1", type, subject)
      .toArray()[0];
    return row?.id ?? null;
  }

  translation(commentId: string, language: string, revision: string): StoredTranslation | null {
    return (
      this.sql
        .exec<StoredTranslation>(
          "SELECT body, failed_at AS failedAt FROM translations WHERE comment_id = ? AND language = ? AND revision = ?",
          commentId,
          language,
          revision,
        )
        .toArray()[0] ?? null
    );
  }

  /** Caches a translation outcome, keeping the most recent `retainedTranslations`. */
  saveTranslation(commentId: string, language: string, revision: string, outcome: StoredTranslation) {
    this.sql.exec(
      "INSERT OR REPLACE INTO translations (comment_id, language, revision, body, failed_at) VALUES (?, ?, ?, ?, ?)",
      commentId,
      language,
      revision,
      outcome.body,
      outcome.failedAt,
    );
    this.sql.exec(
      "DELETE FROM translations WHERE rowid <= (SELECT max(rowid) FROM translations) - ?",
      LIVE_LIMITS.retainedTranslations,
    );
  }
}
