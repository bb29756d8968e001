import { z } from "@hono/zod-openapi";
import { ReceiptSchema } from "../cat-tax/schemas";
import { CommentSchema, ThreadCommentSchema } from "../comments/schemas";
import { ErrorSchema } from "../lib/errors";
import { LIVE_LIMITS } from "../live/limits";
import { ClientMessageSchema } from "../live/schemas";

/*
 * The live-thread WebSocket protocol (GET /v1/notes/{id}/live) as an AsyncAPI 3
 * document. OpenAPI can describe only the upgrade; this describes the messages.
 * Payload schemas come from the same zod schemas the REST routes answer with.
 */

type Json = Record<string, unknown>;

const schema = (zodSchema: z.ZodType): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(zodSchema, { io: "output", unrepresentable: "any" }) as Json;
  return rest;
};

const ref = (kind: "schemas" | "messages", name: string) => ({ $ref: `#/components/${kind}/${name}` });

const typed = (type: string, properties: Json = {}, required: string[] = []) => ({
  type: "object",
  properties: { type: { const: type }, ...properties },
  required: ["type", ...required],
});

const eventId = { type: "integer", minimum: 1, description: "The event's id, increasing by one; reconnect with ?after=<id> to resume" };
const ref_ = { type: "string", description: "The `ref` you sent, echoed" };

const translation = {
  type: "object",
  description: "On comments not already in the language asked for with ?language=",
  properties: {
    language: { type: "string", examples: ["zh-Hans"] },
    status: { enum: ["translated", "failed"] },
    body: { type: "string", description: "Present when translated" },
  },
  required: ["language", "status"],
};

const counters = {
  likeCount: { type: "integer" },
  commentCount: { type: "integer" },
  receiptCount: { type: "integer" },
};

/** Messages the server sends, by name: [summary, payload]. */
const serverMessages: Record<string, [string, Json]> = {
  ready: [
    "First message after joining: the thread's state, then (when resuming) the missed events",
    typed(
      "ready",
      {
        noteId: { type: "string" },
        lastEventId: { type: "integer", minimum: 0 },
        language: { type: ["string", "null"] },
        viewers: { type: "integer" },
        counters: { type: "object", properties: counters },
        comments: {
          oneOf: [{ type: "array", items: ref("schemas", "ThreadComment") }, { type: "null" }],
          description: "The latest page of top-level comments with first replies; null when resuming with ?after=",
        },
        replaying: { type: "integer", description: "How many missed events follow, in order" },
      },
      ["noteId", "lastEventId", "viewers", "counters", "comments", "replaying"],
    ),
  ],
  resync: [
    `?after= named an event older than the last ${LIVE_LIMITS.retainedEvents} the thread keeps, or one from before a time nobody watched the thread (nothing was logged then): a fresh ready with comments follows`,
    typed("resync", { reason: { type: "string" } }, ["reason"]),
  ],
  commentCreated: [
    "A new comment or reply (replies have parentId)",
    typed("comment.created", { id: eventId, comment: ref("schemas", "LiveComment") }, ["id", "comment"]),
  ],
  commentEdited: [
    "A comment's new text",
    typed("comment.edited", { id: eventId, comment: ref("schemas", "LiveComment") }, ["id", "comment"]),
  ],
  commentDeleted: [
    "A comment was deleted; deleting a top-level comment retracts its replies with it",
    typed("comment.deleted", { id: eventId, commentId: { type: "string" } }, ["id", "commentId"]),
  ],
  receiptCreated: [
    "A cat tax receipt was stamped",
    typed("receipt.created", { id: eventId, receipt: ref("schemas", "CatTaxReceipt") }, ["id", "receipt"]),
  ],
  counters: ["The note's counters changed (not logged, no id)", typed("counters", counters, Object.keys(counters))],
  viewers: ["How many are watching (at most once a second)", typed("viewers", { count: { type: "integer" } }, ["count"])],
  noteDeleted: ["The note was deleted; the socket closes next", typed("note.deleted")],
  authenticated: [
    "Answer to auth: you may post",
    typed("authenticated", { ref: ref_, userId: { type: "string" } }, ["userId"]),
  ],
  commentAccepted: [
    "Answer to comment: it is written; everyone also gets comment.created",
    typed(
      "comment.accepted",
      {
        ref: ref_,
        commentId: { type: "string" },
        eventId: { type: ["integer", "null"], description: "null when the thread could not log it yet; it follows shortly" },
      },
      ["commentId", "eventId"],
    ),
  ],
  pong: ["Answer to ping", typed("pong")],
  error: [
    "A refused message; the socket stays open",
    { ...typed("error", { ref: ref_ }), allOf: [ref("schemas", "Error")] },
  ],
};

/** Messages a client sends. */
const clientMessages: Record<string, [string, Json]> = {
  auth: [
    "Sign in on this socket (never put a token in the URL); answered by authenticated or error",
    typed("auth", { token: { type: "string", maxLength: 200 }, ref: ref_ }, ["token"]),
  ],
  comment: [
    "Post a comment or reply exactly as POST /v1/notes/{id}/comments does; answered by comment.accepted or error",
    schema(ClientMessageSchema.options[1]),
  ],
  ping: ["Keep-alive; answered by pong", typed("ping")],
};

/** The wire `type` of a payload built by `typed` or from a zod message schema. */
const wireType = (payload: Json) => ((payload.properties as Record<string, { const?: string }>).type?.const ?? "");

const messages = (entries: Record<string, [string, Json]>) =>
  Object.fromEntries(
    Object.entries(entries).map(([name, [summary, payload]]) => [
      name,
      { name, title: wireType(payload), summary, contentType: "application/json", payload },
    ]),
  );

const channelMessages = (names: string[]) => Object.fromEntries(names.map((name) => [name, ref("messages", name)]));

const description = `Watch a note's comment thread live, and post to it, over one WebSocket per note.

Open \`GET /v1/notes/{noteId}/live\` as a WebSocket (see the OpenAPI document for the upgrade and its errors). Every message is a JSON text frame with a \`type\`. Logged events carry an \`id\` that increases by one: reconnect with \`?after=<last id>\` to get every event you missed, in order, with no gap and no duplicate. With \`?language=\` every comment arrives with its translation attached.

Limits: ${LIVE_LIMITS.socketsPerThread} sockets per thread; ${LIVE_LIMITS.connectsPerMinute} upgrades a minute per client address; messages up to ${LIVE_LIMITS.messageBytes} bytes (over ${LIVE_LIMITS.frameBytes} bytes closes with 1009); ${LIVE_LIMITS.messagesPerSecond} messages a second per socket, bursts of ${LIVE_LIMITS.messagesBurst}; more than ${LIVE_LIMITS.refusalsPerMinute} refused messages a minute closes with 1008. A socket closed with 1011, 1012 or 1013 should reconnect with \`after\`.`;

/** The AsyncAPI 3 document for a deployment at `origin`. */
export function asyncApiDocument(origin: string) {
  const url = new URL(origin);
  const comment = schema(CommentSchema) as { properties: Json };
  return {
    asyncapi: "3.1.0",
    info: {
      title: "NoteBridge live threads",
      version: "1.0.0",
      description,
      license: { name: "Proprietary: NoteBridge's own code" },
      externalDocs: { description: "The HTTP API (OpenAPI 3.1)", url: `${url.origin}/openapi.json` },
    },
    defaultContentType: "application/json",
    servers: {
      thisDeployment: {
        host: url.host,
        protocol: url.protocol === "https:" ? "wss" : "ws",
        description: "This deployment",
      },
    },
    channels: {
      noteThread: {
        address: "/v1/notes/{noteId}/live",
        title: "A note's live comment thread",
        servers: [{ $ref: "#/servers/thisDeployment" }],
        parameters: { noteId: { description: "The note's id (a ULID)" } },
        messages: channelMessages([...Object.keys(serverMessages), ...Object.keys(clientMessages)]),
        bindings: {
          ws: {
            method: "GET",
            query: {
              type: "object",
              properties: {
                after: { type: "integer", minimum: 0, description: "Resume after this event id" },
                language: { type: "string", description: "Attach translations into this language", examples: ["zh-Hans"] },
              },
            },
          },
        },
      },
    },
    operations: {
      sendThreadEvents: {
        action: "send",
        title: "The thread's events and answers, to every viewer",
        channel: { $ref: "#/channels/noteThread" },
        messages: Object.keys(serverMessages).map((name) => ({ $ref: `#/channels/noteThread/messages/${name}` })),
      },
      receiveClientMessages: {
        action: "receive",
        title: "What a viewer may send",
        channel: { $ref: "#/channels/noteThread" },
        messages: Object.keys(clientMessages).map((name) => ({ $ref: `#/channels/noteThread/messages/${name}` })),
      },
    },
    components: {
      messages: { ...messages(serverMessages), ...messages(clientMessages) },
      schemas: {
        LiveComment: { ...comment, properties: { ...comment.properties, translation } },
        ThreadComment: schema(ThreadCommentSchema),
        CatTaxReceipt: schema(ReceiptSchema),
        Error: schema(ErrorSchema),
      },
    },
  };
}
