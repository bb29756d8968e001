import type { CommentView } from "../comments/schemas";
import { postComment } from "../comments/post";
import { emitEventIn } from "../lib/events";
import type { Db } from "../db/client";
import { isSessionActive, viewerForToken } from "../lib/auth";
import { ApiError, errorBody, validationError } from "../lib/errors";
import { t } from "../lib/i18n";
import { newId } from "../lib/ids";
import { enforceBudget } from "../lib/rate-limit";
import { refuseIfSuspended } from "../lib/suspension";
import { CLOSE, LIVE_LIMITS } from "./limits";
import { type ClientMessage, ClientMessageSchema } from "./schemas";
import type { ThreadSockets } from "./sockets";

/** What a client's messages need from the thread they arrive at. */
export type ThreadForMessages = {
  env: Env;
  db: Db;
  sockets: ThreadSockets;
  noteId(): string;
  reply(socket: WebSocket, message: Record<string, unknown>): void;
  /** Hands a just-stored comment to the thread; resolves with its event id once logged (null if not yet). */
  commentPosted(comment: CommentView): Promise<number | null>;
};

/**
 * A viewer's messages over a thread's socket: sign-in with a token, comments
 * posted as over REST, and the limits on both. A refused message gets an
 * error event and the socket stays open; an abusive socket is closed.
 */
export class ClientMessages {
  constructor(private readonly thread: ThreadForMessages) {}

  async handle(socket: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const { sockets } = this.thread;
    const bytes = typeof message === "string" ? new TextEncoder().encode(message).byteLength : message.byteLength;
    if (bytes > LIVE_LIMITS.frameBytes) {
      return socket.close(CLOSE.tooBig, `Messages are limited to ${LIVE_LIMITS.frameBytes} bytes`);
    }
    if (!sockets.takeMessage(socket)) {
      return this.refuse(socket, new ApiError("rate_limited", t("live.tooManyMessages", { max: LIVE_LIMITS.messagesPerSecond })));
    }
    if (bytes > LIVE_LIMITS.messageBytes) {
      return this.refuse(socket, new ApiError("payload_too_large", t("live.messageTooLarge", { bytes: LIVE_LIMITS.messageBytes })));
    }
    const received = readClientMessage(message);
    if ("error" in received) return this.refuse(socket, received.error, received.ref);
    const read = received.message;
    try {
      if (read.type === "auth") await this.authenticate(socket, read.token, read.ref);
      else await this.post(socket, read);
    } catch (error) {
      if (error instanceof ApiError) return this.refuse(socket, error, read.ref);
      const requestId = newId();
      console.error(JSON.stringify({ level: "error", event: "thread_message_failed", requestId, type: read.type, error: String(error) }));
      const failure = new ApiError("internal_error", t("request.internalError"));
      this.thread.reply(socket, { type: "error", ref: read.ref, ...errorBody(failure, requestId, this.thread.sockets.state(socket).locale) });
    }
  }

  /** Tells the client why its message was refused; a socket refused too often is closed. */
  private refuse(socket: WebSocket, error: ApiError, ref?: string) {
    this.thread.reply(socket, { type: "error", ref, ...errorBody(error, newId(), this.thread.sockets.state(socket).locale) });
    if (!this.thread.sockets.takeRefusal(socket)) {
      socket.close(CLOSE.policy, `More than ${LIVE_LIMITS.refusalsPerMinute} refused messages a minute`);
    }
  }

  private async authenticate(socket: WebSocket, token: string, ref: string | undefined) {
    const { sockets, db } = this.thread;
    const viewer = await viewerForToken(db, token);
    if (!viewer) throw new ApiError("unauthorized", t("live.tokenInvalid"));
    sockets.save(socket, { ...sockets.state(socket), viewer });
    this.thread.reply(socket, { type: "authenticated", ref, userId: viewer.id });
  }

  private async post(socket: WebSocket, { type: _, ref, ...input }: Extract<ClientMessage, { type: "comment" }>) {
    const { sockets, db, env } = this.thread;
    const state = sockets.state(socket);
    if (!state.viewer) throw new ApiError("unauthorized", t("live.authFirst", { message: '{"type":"auth","token":"…"}' }));
    if (!(await isSessionActive(db, state.viewer.sessionId))) {
      sockets.save(socket, { ...state, viewer: null });
      throw new ApiError("unauthorized", t("live.sessionEnded"));
    }
    await Promise.all([enforceBudget(env, "comment", { user: state.viewer.id }), refuseIfSuspended(db, state.viewer.id)]);
    const comment = await postComment(db, this.thread.noteId(), state.viewer.id, input, state.ip);
    const eventId = await this.thread.commentPosted(comment);
    emitEventIn({ env, waitUntil: (sending) => void sending }, "comment.created", { commentId: comment.id });
    this.thread.reply(socket, { type: "comment.accepted", ref, commentId: comment.id, eventId });
  }
}

/** A client's message, or the error to answer it with (echoing its `ref` when it has a usable one). */
export function readClientMessage(message: string | ArrayBuffer): { message: ClientMessage } | { error: ApiError; ref?: string } {
  if (typeof message !== "string") return { error: new ApiError("bad_request", t("live.binaryMessage")) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return { error: new ApiError("bad_request", t("live.invalidJson")) };
  }
  const result = ClientMessageSchema.safeParse(parsed);
  if (result.success) return { message: result.data };
  const { details } = validationError("json", result.error);
  const ref = (parsed as { ref?: unknown } | null)?.ref;
  return {
    error: new ApiError("validation_failed", t("validation.message", { fields: [...new Set(details?.map((d) => d.field))].join(", ") }), { details }),
    ref: typeof ref === "string" && /^[\x21-\x7e]{1,64}$/.test(ref) ? ref : undefined,
  };
}
