import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { ApiError, errorResponses, errorResponse } from "../../lib/errors";
import { t } from "../../lib/i18n";
import { jsonResponse } from "../../lib/openapi";
import { ImportAcceptedSchema, MAX_WEBHOOK_BODY_BYTES, VerdictResultSchema, WebhookHeadersSchema } from "./schemas";

// Any name is looked up, so a sender with a wrong one gets 404 like any unknown app.
const WebhookParamsSchema = z.object({
  app: z.string().max(100).openapi({ param: { name: "app", in: "path" }, example: "potato-migrator" }),
});

const errors = errorResponses(401, 403, 404, 409, 413, 422, 503);

export const receiveWebhookRoute = createRoute({
  method: "post",
  path: "/v1/webhooks/{app}",
  operationId: "receiveWebhook",
  tags: ["Webhooks"],
  summary: "Receive a signed webhook from an external app",
  description: `Standard Webhooks (standardwebhooks.com): the app signs \`\${webhook-id}.\${webhook-timestamp}.\${body}\` (the raw bytes) with HMAC-SHA256 and one of its \`whsec_\` secrets, and sends \`webhook-id\`, \`webhook-timestamp\` (within 5 minutes of now) and \`webhook-signature\` (\`v1,<base64>\`, several space-separated allowed).

Each delivery is applied exactly once per app and \`webhook-id\`: a retry, even at the same moment or days later (re-signed with a fresh timestamp), gets the first answer again and changes nothing. Reusing an id for a different body is refused (409).

**Events.** \`moderation.verdict\` \`{ target: { type: "note"|"comment", id }, action: "keep"|"hide"|"remove", reason? }\` is applied at once (200). \`content.import\` \`{ account, source, posts: [...] }\` (1-100 posts, for an account that linked the app with PUT /v1/me/apps/{app}/link) is recorded and answered 202; the posts are then imported in the background, each whole or not at all. A post already imported from the same source (\`originalId\`) is never imported twice. Posts that fail validation are listed in \`rejected\`; the others go ahead.

Rejections change nothing: bad or missing signature or stale timestamp 401, unknown app 404, an event type the app may not send 403, malformed payload 422 (naming the field), body over ${MAX_WEBHOOK_BODY_BYTES} bytes 413.`,
  security: [],
  middleware: [
    bodyLimit({
      maxSize: MAX_WEBHOOK_BODY_BYTES,
      onError: (c) => errorResponse(c, new ApiError("payload_too_large", t("webhooks.bodyTooLarge", { bytes: MAX_WEBHOOK_BODY_BYTES }))),
    }),
  ],
  request: {
    params: WebhookParamsSchema,
    headers: WebhookHeadersSchema,
    // Documented, not validated by the framework: the signature covers the raw bytes, so the handler reads them itself.
    body: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/IncomingWebhook" } } } },
  },
  responses: {
    200: jsonResponse(VerdictResultSchema, "A verdict, applied (or its replay)"),
    202: jsonResponse(ImportAcceptedSchema, "An import, recorded and queued (or its replay)"),
    ...errors,
    422: { ...errors[422]!, description: "Malformed payload: `details` names the field" },
  },
});
