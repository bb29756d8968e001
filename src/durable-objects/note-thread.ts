import { DurableObject } from "cloudflare:workers";
import type { CommentView } from "../comments/schemas";
import { type Db, createDb } from "../db/client";
import { coalesced } from "../lib/coalesce";
import { render, t } from "../lib/i18n";
import { readConnectRequest } from "../live/connect";
import { Delivery } from "../live/delivery";
import { ClientMessages } from "../live/client-messages";
import {
  CLOSE,
  LIVE_LIMITS,
  PING,
  PONG,
  STATE_EVERY_MS,
  SWEEP_EVERY_MS,
} from "../live/limits";
import { OUTBOX_PAGE, eventsFor, forgetOutbox, readOutbox } from "../live/outbox";
import { ThreadSnapshots } from "../live/snapshot";
import { ThreadSockets } from "../live/sockets";
import { ThreadStorage } from "../live/thread-storage";
import { Throttled } from "../live/throttle";
import { ThreadTranslator } from "../live/translations";
import { ThreadWatching } from "../live/thread-watching";
import { removeLiveThread } from "../live/watching";

const json = (message: Record<string, unknown>) => JSON.stringify(message);

/**
 * One note's live comment thread. D1 is the source of truth: every change is
 * queued in the D1 thread outbox by triggers, in the same transaction as the
 * change; this object takes the outbox in commit order into its own event log
 * (ids 1, 2, 3…, the newest LIVE_LIMITS.retainedEvents kept) and broadcasts.
 * New comments skip the wait: their writers announce them once committed, and
 * they are logged and broadcast before the outbox is read (see `changed`).
 * A socket is sent its first page or its missed events and goes live in one
 * synchronous step, so it misses nothing and gets nothing twice.
 */
export class NoteThread extends DurableObject<Env> {
  private readonly db: Db;
  private readonly storage: ThreadStorage;
  private readonly sockets: ThreadSockets;
  private readonly delivery: Delivery;
  private readonly catchUp = coalesced(() => this.pull());
  private readonly snapshots: ThreadSnapshots;
  private readonly viewerCountUpdates = new Throttled(
    STATE_EVERY_MS,
    () => this.sockets.liveCount,
    (count) => this.broadcast([json({ type: "viewers", count })]),
  );
  private readonly counterUpdates = new Throttled(
    STATE_EVERY_MS,
    () => this.storage.counters,
    (counters) => this.broadcast([json({ type: "counters", ...counters })]),
  );
  private unforgotten = 0;
  private sweeping = false;
  private readonly watching: ThreadWatching;
  private readonly messages: ClientMessages;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = createDb(env.DB);
    this.storage = new ThreadStorage(ctx.storage);
    this.snapshots = new ThreadSnapshots(this.db, this.storage, () => this.catchUp());
    this.watching = new ThreadWatching(this.db, this.storage, {
      viewers: () => this.sockets.count,
      started: () => this.snapshots.forget(),
      drain: async () => {
        await this.catchUp();
        if (this.storage.noteId) this.forgetTaken(this.storage.noteId);
      },
    });
    this.sockets = new ThreadSockets(ctx);
    this.delivery = new Delivery(new ThreadTranslator(env, this.storage, (promise) => ctx.waitUntil(promise)));
    this.messages = new ClientMessages({
      env,
      db: this.db,
      sockets: this.sockets,
      noteId: () => this.storage.noteId ?? "",
      reply: (socket, message) => this.reply(socket, message),
      commentPosted: (comment) => this.commentPosted(comment),
    });
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    // A socket whose join was cut short by an eviction never got its first page: it must start again.
    for (const socket of ctx.getWebSockets()) {
      if (!this.sockets.state(socket).live) socket.close(CLOSE.restart, "Reconnect, with ?after=<last event id> if you have one");
    }
  }

  /**
   * RPC: D1 has committed changes for this note's thread (`created`: a comment
   * just posted, as its writer answered it). A new comment is logged and
   * broadcast at once, without reading D1 first: it is committed (writers call
   * this after the commit), and its outbox row, taken later, is skipped as
   * already logged. The outbox is still read, for counters and other changes,
   * but after the broadcast rather than before it.
   */
  async changed(noteId: string, created?: CommentView): Promise<void> {
    this.storage.remember(noteId);
    if (created && !this.storage.watching) {
      // Nobody is here to show it to: a writer saw the thread watched just before it stopped, or a
      // crash left D1's row behind after this thread stopped. Either way the row goes (again).
      this.ctx.waitUntil(this.watching.stopIfAlone(noteId).catch(() => undefined));
      return;
    }
    if (created) {
      this.logCreated(created);
      this.ctx.waitUntil(this.catchUp().catch(() => undefined));
      return;
    }
    await this.catchUp();
  }

  private logCreated(comment: CommentView) {
    if (this.storage.eventIdOf("comment.created", comment.id) !== null) return;
    const logged = this.storage.append([{ type: "comment.created", subject: comment.id, fields: { comment } }]);
    this.broadcast(logged.map((event) => event.data));
  }

  /** RPC: a person deleted their account; after taking in the changes that made in D1, forget them here too. */
  async forgetPerson(noteId: string, userId: string): Promise<void> {
    await this.changed(noteId);
    this.storage.forgetPerson(userId);
    this.snapshots.forget();
  }

  /** A viewer's WebSocket, after the worker checked the note exists. */
  override async fetch(request: Request): Promise<Response> {
    const { noteId, after, language, locale, ip } = readConnectRequest(request);
    this.storage.remember(noteId);
    if (this.sockets.count >= LIVE_LIMITS.socketsPerThread) {
      return Response.json(
        { code: "service_unavailable", message: t("live.threadFull", { max: LIVE_LIMITS.socketsPerThread }) },
        { status: 503 },
      );
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.sockets.accept(server, { language: language ?? null, locale, ip, viewer: null, live: false });
    this.ctx.waitUntil(this.join(server, after));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(socket: WebSocket, message: string | ArrayBuffer): Promise<void> {
    await this.messages.handle(socket, message);
  }

  override async webSocketClose(socket: WebSocket, code: number, reason: string): Promise<void> {
    // The hibernation API leaves answering the client's close to us; 1005/1006/1015 may not be sent.
    try {
      socket.close([1005, 1006, 1015].includes(code) ? CLOSE.normal : code, reason);
    } catch {
      // already closed
    }
    this.viewerCountUpdates.changed();
    await this.keepSweeping();
  }

  override async webSocketError(): Promise<void> {
    this.viewerCountUpdates.changed();
    await this.keepSweeping();
  }

  /** The sweep: picks up any change that was committed but never announced. */
  override async alarm(): Promise<void> {
    this.sweeping = false;
    try {
      const noteId = this.storage.noteId;
      // Sockets from before threads kept live_threads rows get theirs here.
      if (noteId && this.sockets.count > 0) await this.watching.start(noteId);
      await this.catchUp();
      if (noteId) {
        this.forgetTaken(noteId);
        await this.watching.stopIfAlone(noteId);
      }
    } finally {
      await this.keepSweeping();
    }
  }

  private async join(socket: WebSocket, after: number | undefined) {
    try {
      await this.watching.start(this.storage.noteId ?? "");
      await this.catchUp();
      for (let attempt = 0; attempt < 3; attempt++) {
        const resuming = after !== undefined && this.storage.covers(after);
        const snapshot = resuming ? null : await this.snapshots.fresh();
        if (socket.readyState !== WebSocket.OPEN) return;
        const from = snapshot ? snapshot.upTo : after!;
        if (!this.storage.covers(from)) continue; // a flood of events outran the page just read
        // From here until the socket is live nothing awaits: no event can fall between replay and live.
        const replay = this.storage
          .eventsAfter(from)
          .filter((event) => !(event.type === "comment.created" && snapshot?.commentIds.has(event.subject)));
        const state = this.sockets.state(socket);
        const reason = t("live.resync", { after: after ?? "", kept: LIVE_LIMITS.retainedEvents });
        const messages = [
          ...(after !== undefined && !resuming
            ? [json({ type: "resync", reason: render(reason, state.locale ?? "en") })]
            : []),
          json({
            type: "ready",
            noteId: this.storage.noteId,
            lastEventId: this.storage.lastId,
            language: state.language,
            viewers: this.sockets.liveCount + 1,
            counters: this.storage.counters,
            comments: snapshot?.comments ?? null,
            replaying: replay.length,
          }),
          ...replay.map((event) => event.data),
        ];
        this.delivery.send([socket], state.language, messages);
        this.sockets.save(socket, { ...state, live: true });
        this.viewerCountUpdates.changed();
        await this.keepSweeping();
        return;
      }
      socket.close(CLOSE.tryAgainLater, "The thread is too busy; reconnect");
    } catch (error) {
      console.error(JSON.stringify({ level: "error", event: "thread_join_failed", error: String(error) }));
      socket.close(CLOSE.internalError, "Could not join the thread; reconnect");
    }
  }

  /** Takes new outbox rows into the log and broadcasts them, then the counters if they changed. */
  private async pull() {
    const noteId = this.storage.noteId;
    if (!noteId) return;
    for (;;) {
      const { rows, counters } = await readOutbox(this.db, noteId, this.storage.outboxThrough);
      if (!counters) return this.closeThread();
      // Comments logged as they were posted (see `changed`) are neither read again nor logged twice.
      const notLogged = (event: { kind?: string; type?: string; subject: string }) =>
        (event.kind ?? event.type) !== "comment.created" || this.storage.eventIdOf("comment.created", event.subject) === null;
      const events = (await eventsFor(this.db, noteId, rows.filter(notLogged))).filter(notLogged);
      const last = rows.at(-1);
      if (last) {
        this.broadcast(this.storage.append(events, last.id).map((event) => event.data));
        this.unforgotten += rows.length;
        if (this.unforgotten >= OUTBOX_PAGE) this.forgetTaken(noteId);
        else await this.keepSweeping();
      }
      if (JSON.stringify(this.storage.counters) !== JSON.stringify(counters)) {
        this.storage.counters = counters;
        this.counterUpdates.changed();
      }
      if (rows.length < OUTBOX_PAGE) return;
    }
  }

  /** Deletes the outbox rows already logged; batched, since each delete is a D1 write. */
  private forgetTaken(noteId: string) {
    this.unforgotten = 0;
    this.ctx.waitUntil(forgetOutbox(this.db, noteId, this.storage.outboxThrough).then(() => undefined, () => undefined));
  }

  private broadcast(messages: string[]) {
    if (messages.length === 0) return;
    for (const [language, sockets] of this.sockets.liveByLanguage()) this.delivery.send(sockets, language, messages);
  }

  private reply(socket: WebSocket, message: Record<string, unknown>) {
    this.delivery.send([socket], this.sockets.state(socket).language, [json(message)]);
  }

  /** A comment posted over a socket: broadcast it now, and say which event it became. */
  private async commentPosted(comment: CommentView): Promise<number | null> {
    // The comment is stored (committed before this runs): log and broadcast it now, read the outbox after.
    this.logCreated(comment);
    this.ctx.waitUntil(this.catchUp().catch(() => undefined));
    return this.storage.eventIdOf("comment.created", comment.id);
  }

  /** The note was deleted or hidden by moderation: tell every viewer (the same event), close, and forget the thread. */
  private async closeThread() {
    const message = json({ type: "note.deleted" });
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(message);
        socket.close(CLOSE.normal, "The note was deleted");
      } catch {
        // already closed
      }
    }
    await this.ctx.storage.deleteAlarm();
    // A hidden note keeps its row in D1 (a deleted one's went with it): nothing is queued for a closed thread.
    const noteId = this.storage.noteId;
    if (noteId) await removeLiveThread(this.db, noteId).catch(() => undefined);
    await this.storage.wipe();
    this.snapshots.forget();
  }

  /** Sweeps while anyone watches, and once more after rows were taken, so no taken row stays in D1. */
  private async keepSweeping() {
    if (this.sweeping || (this.sockets.count === 0 && this.unforgotten === 0 && !this.storage.watching)) return;
    this.sweeping = true;
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + SWEEP_EVERY_MS);
  }
}
