import type { Viewer } from "../env";
import type { Locale } from "../lib/i18n";
import type { IpRegion } from "../lib/ip-region";
import { TokenBucket } from "../lib/token-bucket";
import { LIVE_LIMITS } from "./limits";

/** What a thread keeps about each socket; it survives hibernation as the socket's attachment. */
export type SocketState = {
  language: string | null;
  /** The language of error events (the upgrade's Accept-Language); absent on sockets from before it was kept. */
  locale?: Locale;
  ip: IpRegion;
  /** Set by an `auth` message; needed to post. */
  viewer: Viewer | null;
  /** False until the socket has been sent its first page or missed events; it gets no live events before. */
  live: boolean;
};

/** A thread's sockets: their state, and the message limits on each (kept in memory; they reset on wake). */
export class ThreadSockets {
  private readonly states = new WeakMap<WebSocket, SocketState>();
  private readonly buckets = new WeakMap<WebSocket, { messages: TokenBucket; refusals: TokenBucket }>();

  constructor(private readonly ctx: DurableObjectState) {}

  accept(socket: WebSocket, state: SocketState) {
    this.ctx.acceptWebSocket(socket);
    this.save(socket, state);
  }

  state(socket: WebSocket): SocketState {
    let state = this.states.get(socket);
    if (!state) {
      state = socket.deserializeAttachment() as SocketState;
      this.states.set(socket, state);
    }
    return state;
  }

  save(socket: WebSocket, state: SocketState) {
    socket.serializeAttachment(state);
    this.states.set(socket, state);
  }

  get count() {
    return this.ctx.getWebSockets().length;
  }

  private live(): WebSocket[] {
    return this.ctx.getWebSockets().filter((socket) => socket.readyState === WebSocket.OPEN && this.state(socket).live);
  }

  get liveCount() {
    return this.live().length;
  }

  /** Live sockets grouped by the language they read in (null: as written). */
  liveByLanguage(): Map<string | null, WebSocket[]> {
    const groups = new Map<string | null, WebSocket[]>();
    for (const socket of this.live()) {
      const language = this.state(socket).language;
      const group = groups.get(language);
      if (group) group.push(socket);
      else groups.set(language, [socket]);
    }
    return groups;
  }

  private bucketsOf(socket: WebSocket) {
    let buckets = this.buckets.get(socket);
    if (!buckets) {
      buckets = {
        messages: new TokenBucket(LIVE_LIMITS.messagesBurst, LIVE_LIMITS.messagesPerSecond),
        refusals: new TokenBucket(LIVE_LIMITS.refusalsPerMinute, LIVE_LIMITS.refusalsPerMinute / 60),
      };
      this.buckets.set(socket, buckets);
    }
    return buckets;
  }

  /** Counts a message against the socket's rate; false when it is over. */
  takeMessage(socket: WebSocket) {
    return this.bucketsOf(socket).messages.take();
  }

  /** Counts a refused message; false once the socket has had too many and must be closed. */
  takeRefusal(socket: WebSocket) {
    return this.bucketsOf(socket).refusals.take();
  }
}
