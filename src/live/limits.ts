/** Limits of a live thread; GET /v1/notes/{id}/live documents them. */
export const LIVE_LIMITS = {
  /** Sockets one thread holds; further upgrades are refused with 503. */
  socketsPerThread: 2_000,
  /** A client message larger than this gets an error event; the socket stays open. */
  messageBytes: 16 * 1024,
  /** A client message larger than this closes the socket with 1009. */
  frameBytes: 64 * 1024,
  /** Client messages per socket: a burst of `messagesBurst`, refilled at `messagesPerSecond`. */
  messagesPerSecond: 5,
  messagesBurst: 10,
  /** Refused messages (malformed, oversized, over the rate, bad token…) a socket may send per minute before it is closed with 1008. */
  refusalsPerMinute: 10,
  /** Events a thread keeps for resuming; a client further behind is told to resync. */
  retainedEvents: 1_000,
  /** Translations a thread caches (one per comment and language). */
  retainedTranslations: 5_000,
  /** Upgrades per client IP per minute (RATE_LIMIT_LIVE in wrangler.toml). */
  connectsPerMinute: 60,
} as const;

export const CLOSE = { normal: 1000, internalError: 1011, policy: 1008, tooBig: 1009, restart: 1012, tryAgainLater: 1013 } as const;

/** Comments in a new viewer's first page. */
export const SNAPSHOT_COMMENTS = 20;
/** A new viewer shares the last first page read while the thread has moved on by at most this many events (they are replayed after it). */
export const SNAPSHOT_REUSE_EVENTS = 50;
/** Viewer counts and note counters are sent at most this often (a viral thread changes them many times a second). */
export const STATE_EVERY_MS = 1_000;
/** While anyone watches, the thread re-reads its outbox this often, in case a change was never announced to it. */
export const SWEEP_EVERY_MS = 30_000;
/** A comment waits at most this long for its translation before it is sent flagged untranslated. */
export const TRANSLATION_WAIT_MS = 2_000;
/** A failed translation is not asked for again (for any viewer) for this long. */
export const TRANSLATION_RETRY_MS = 60_000;

/** Answered by the runtime without waking the thread. */
export const PING = '{"type":"ping"}';
export const PONG = '{"type":"pong"}';
