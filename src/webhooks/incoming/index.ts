import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../env";
import { toHex } from "../../lib/crypto";
import { ApiError } from "../../lib/errors";
import type { WebhookQueueMessage } from "../../lib/events";
import { createRouter } from "../../lib/router";
import { appForDelivery, isLinked } from "../apps/store";
import { decryptSecrets } from "../secret-box";
import { verifySignature } from "../standard-webhooks";
import { applyVerdict, visibilityAfter } from "./apply-verdict";
import { sortPosts } from "./import-posts";
import { receiveWebhookRoute } from "./routes";
import { EnvelopeSchema, ImportDataSchema, IncomingWebhookSchema, VerdictDataSchema } from "./schemas";
import { type Claim, claimReceipt, findReceipt, targetVisibility } from "./store";
import { t } from "../../lib/i18n";

const malformed = (field: string, message: string) =>
  new ApiError("invalid_webhook_payload", t("webhooks.malformed", { fields: field }), { details: [{ field, location: "body", message }] });

function parseOr422<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(root)",
    location: "body" as const,
    message: issue.message,
  }));
  throw new ApiError("invalid_webhook_payload", t("webhooks.malformed", { fields: [...new Set(details.map((d) => d.field))].join(", ") }), { details });
}

function parseJson(raw: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(raw));
  } catch {
    throw malformed("(root)", "The body is not UTF-8 JSON");
  }
}

const replay = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "application/json", "Webhook-Replayed": "true" } });

type Earlier = { bodyHash: string; responseStatus: number; responseBody: string };

/** The first delivery's answer again; the same id with another body is refused. */
function answerAgain(earlier: Earlier, bodyHash: string) {
  if (earlier.bodyHash !== bodyHash) throw new ApiError("conflict", t("webhooks.idReused"));
  return replay(earlier.responseStatus, earlier.responseBody);
}

/** Writes the receipt (with `effects` in the same batch) and answers; a duplicate gets the stored answer. */
async function settle(c: Context<AppEnv>, claim: Claim, effects: Parameters<typeof c.var.db.batch>[0][number][] = []) {
  const [won] = await c.var.db.batch([claimReceipt(c.var.db, claim), ...effects]);
  if ((won as unknown[]).length > 0) {
    return { first: true, response: new Response(claim.responseBody, { status: claim.responseStatus, headers: { "Content-Type": "application/json" } }) };
  }
  // Lost the claim to a copy of this delivery that arrived at the same moment.
  const earlier = await findReceipt(c.var.db, claim.appId, claim.webhookId);
  return { first: false, response: answerAgain(earlier!, claim.bodyHash) };
}

type Base = Pick<Claim, "appId" | "webhookId" | "claimToken" | "eventType" | "bodyHash">;

/** A moderation service's verdict: applied in the same batch as the receipt, answered 200. */
async function receiveVerdict(c: Context<AppEnv>, base: Base, data: unknown) {
  const verdict = parseOr422(VerdictDataSchema, data, "data");
  const before = await targetVisibility(c.var.db, verdict.target);
  const body = {
    webhookId: base.webhookId,
    type: "moderation.verdict" as const,
    outcome: before === null ? ("target_not_found" as const) : ("applied" as const),
    target: verdict.target,
    action: verdict.action,
    visibility: before === null ? null : visibilityAfter(verdict.action, before),
  };
  const claim: Claim = { ...base, status: "applied", responseStatus: 200, responseBody: JSON.stringify(body) };
  return (await settle(c, claim, before === null ? [] : applyVerdict(c.var.db, claim, verdict))).response;
}

/** A migration tool's posts: recorded with the receipt, answered 202, imported by the queue. */
async function receiveImport(c: Context<AppEnv>, base: Base, data: unknown) {
  const request = parseOr422(ImportDataSchema, data, "data");
  if (!(await isLinked(c.var.db, request.account, base.appId))) {
    throw new ApiError("forbidden", t("webhooks.notLinked", { call: "PUT /v1/me/apps/{app}/link" }));
  }
  const { accepted, rejected } = sortPosts(request.posts);
  const queued = accepted.length > 0;
  const body = { webhookId: base.webhookId, type: "content.import" as const, status: queued ? "queued" : "nothing_to_import", accepted: accepted.length, rejected };
  const { first, response } = await settle(c, {
    ...base,
    status: queued ? "queued" : "imported",
    responseStatus: 202,
    responseBody: JSON.stringify(body),
    payload: queued ? { account: request.account, source: request.source, posts: accepted } : null,
    result: queued ? null : [],
  });
  if (first && queued) {
    // Recorded first, so a lost send is only late: the hourly sweep queues stalled imports again.
    const message: WebhookQueueMessage = { kind: "import", appId: base.appId, webhookId: base.webhookId };
    await c.env.WEBHOOKS_QUEUE.send(message).catch((error: unknown) =>
      console.error(JSON.stringify({ level: "error", message: "import not queued; the sweep will retry", error: String(error) })),
    );
  }
  return response;
}

export const incomingWebhooksRouter = createRouter().openapi(receiveWebhookRoute, async (c) => {
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const headers = { id: c.req.header("webhook-id"), timestamp: c.req.header("webhook-timestamp"), signature: c.req.header("webhook-signature") };
  const found = await appForDelivery(c.var.db, c.req.valid("param").app, headers.id ?? "");
  if (!found) throw new ApiError("not_found", t("webhooks.appNotFound"));
  const { app, ciphertexts, earlier } = found;

  const verified = await verifySignature(await decryptSecrets(c.env, app.id, ciphertexts), headers, raw);
  if (!verified.ok) throw new ApiError("invalid_signature", verified.message);
  const bodyHash = toHex(await crypto.subtle.digest("SHA-256", raw));
  if (earlier) return answerAgain(earlier, bodyHash) as never;

  const envelope = parseOr422(EnvelopeSchema, parseJson(raw), "");
  if (!app.incomingEvents.includes(envelope.type)) throw new ApiError("forbidden", t("webhooks.eventNotAllowed", { type: envelope.type }));
  const base = { appId: app.id, webhookId: headers.id!, claimToken: crypto.randomUUID(), eventType: envelope.type, bodyHash };
  // An app can only be allowed the two incoming types.
  const response = envelope.type === "moderation.verdict" ? await receiveVerdict(c, base, envelope.data) : await receiveImport(c, base, envelope.data);
  return response as never;
});

// The route documents its body by reference; the schema itself is registered here.
incomingWebhooksRouter.openAPIRegistry.register("IncomingWebhook", IncomingWebhookSchema);
