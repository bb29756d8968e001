import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema } from "../lib/ids";
import { LIVE_LIMITS } from "./limits";
import { LiveQuerySchema } from "./schemas";

const description = `Upgrades to a WebSocket that streams the note's comment thread as small JSON events. Anyone who may read the note may watch.

**Joining.** The first message is \`ready\` with \`lastEventId\`, \`viewers\`, \`counters\` and \`comments\` (the latest page of top-level comments with first replies, as GET /v1/notes/{id}/comments; page older ones there). **Resuming:** connect with \`?after=<the last event id you saw>\` to get \`ready\` (\`comments: null\`, \`replaying: n\`) followed by the n events you missed, in order, then live events: nothing lost, nothing twice. A thread keeps its last ${LIVE_LIMITS.retainedEvents} events, and logs nothing while nobody watches it (from about 30 s after its last viewer left); if yours is older than what it kept (or unknown), you get \`resync\` and then a fresh \`ready\` with comments.

**Events** (each logged event has an \`id\`, increasing by one): \`comment.created\` and \`comment.edited\` \`{ id, comment }\` (replies have \`parentId\`); \`comment.deleted\` \`{ id, commentId }\` (deleting a top-level comment retracts its replies with it); \`receipt.created\` \`{ id, receipt }\` (cat tax). State, without ids: \`counters\` \`{ likeCount, commentCount, receiptCount }\` when they change; \`viewers\` \`{ count }\` (at most once a second); \`note.deleted\`, then the socket closes.

**Language.** With \`?language=zh-Hans\` every comment not already in that language carries \`translation: { language, status: "translated", body }\`, or \`{ language, status: "failed" }\` when it could not be translated in time: the stream never waits long for a translation. To change language, reconnect with \`after\`.

**Posting.** Send \`{"type":"auth","token":"<bearer token>"}\` as a message (never put the token in the URL, where it would be logged); the answer is \`authenticated\` \`{ userId }\`. Then \`{"type":"comment","ref":"c1","body":"好可爱!","replyTo":"<comment id>"}\` posts exactly as POST /v1/notes/{id}/comments does (same validation, same write rate limit) and is answered \`comment.accepted\` \`{ ref, commentId, eventId }\` (\`eventId\` is null if the thread could not log it yet; it follows shortly); everyone, you included, also gets the \`comment.created\` event. \`{"type":"ping"}\` is answered \`{"type":"pong"}\`. A refused message gets \`error\` \`{ ref, error: { code, message, requestId, details? } }\` and the socket stays open.

**Limits.** ${LIVE_LIMITS.socketsPerThread} sockets per thread (then 503); ${LIVE_LIMITS.connectsPerMinute} upgrades per minute per client address (then 429); messages up to ${LIVE_LIMITS.messageBytes} bytes (larger: error event; over ${LIVE_LIMITS.frameBytes} bytes: closed with 1009); ${LIVE_LIMITS.messagesPerSecond} messages a second per socket with bursts of ${LIVE_LIMITS.messagesBurst}; a socket with more than ${LIVE_LIMITS.refusalsPerMinute} refused messages a minute is closed with 1008. A socket closed with 1011, 1012 or 1013 should reconnect with \`after\`.`;

export const liveThreadRoute = createRoute({
  method: "get",
  path: "/v1/notes/{id}/live",
  operationId: "watchNoteThread",
  security: [],
  tags: ["Live threads"],
  summary: "Watch a note's comments live over a WebSocket",
  description,
  request: { params: IdParamsSchema, query: LiveQuerySchema },
  responses: {
    101: { description: "Switching Protocols: the WebSocket is open and its first message is `ready` (or `resync`)" },
    426: {
      description: "Upgrade Required: the request has no `Upgrade: websocket` header",
      content: errorResponses(426)[426]!.content,
    },
    ...errorResponses(404, 429, 503),
    default: { description: "Never a 2xx: a WebSocket answers 101, anything else is an error", content: errorResponses()[400]!.content },
  },
});
