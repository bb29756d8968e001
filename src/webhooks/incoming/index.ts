import type { Db } from "../../db/client";
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
import { applyVerdict } from "./apply-verdict";
import { sortPosts } from "./import-posts";
import { receiveWebhookRoute } from "./routes";
import { EnvelopeSchema, ImportDataSchema, IncomingWebhookSchema, VerdictDataSchema } from "./schemas";
import { type Claim, answerReceipt, claimReceipt, findReceipt, releaseAbandonedClaim, releaseReceipt, targetVisibility } from "./store";
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

type Earlier = { bodyHash: string; status: string; responseStatus: number; responseBody: string };

/** How long a copy of a delivery waits for the first one's verdict to be applied before answering 409. */
const APPLYING_WAIT_MS = 5_000;

/** A verdict still "applying" after this long was abandoned by a dead isolate: its next copy applies it. */
const ABANDONED_CLAIM_MS = 60_000;

/** The first delivery's answer again; the same id with another body is refused. */
async function answerAgain(db: Db, claim: Pick<Claim, "appId" | "webhookId">, earlier: Earlier, bodyHash: string) {
  if (earlier.bodyHash !== bodyHash) throw new ApiError("conflict", t("webhooks.idReused"));
  const deadline = Date.now() + APPLYING_WAIT_MS;
  let settled: Earlier | undefined = earlier;
  while (settled?.status === "applying" && Date.now() < deadline) {
    await scheduler.wait(100);
    settled = await findReceipt(db, claim.appId, claim.webhookId);
  }
  if (!settled || settled.status === "applying") {
    throw new ApiError("idempotency_request_in_progress", t("webhooks.stillApplying"));
  }
  return replay(settled.responseStatus, settled.responseBody);
}

/** Writes the receipt (with `effects` in the same batch) and answers; a duplicate gets the stored answer. */
async function settle(c: Context<AppEnv>, claim: Claim, effects: Parameters<typeof c.var.db.batch>[0][number][] = []) {
  const [won] = await c.var.db.batch([claimReceipt(c.var.db, claim), ...effects]);
  if ((won as unknown[]).length > 0) {
    return { first: true, response: new Response(claim.responseBody, { status: claim.responseStatus, headers: { "Content-Type": "application/json" } }) };
  }
  // Lost the claim to a copy of this delivery that arrived at the same moment.
  const earlier = await findReceipt(c.var.db, claim.appId, claim.webhookId);
  return { first: false, response: await answerAgain(c.var.db, claim, earlier!, claim.bodyHash) };
}

type Base = Pick<Claim, "appId" | "webhookId" | "claimToken" | "eventType" | "bodyHash">;

/**
 * A moderation service's verdict, answered 200. The receipt is claimed first, so
 * only one copy of a delivery goes on to apply the verdict; the final answer is
 * then stored on the receipt for every replay.
 */
async function receiveVerdict(c: Context<AppEnv>, base: Base, data: unknown) {
  const verdict = parseOr422(VerdictDataSchema, data, "data");
  const before = await targetVisibility(c.var.db, verdict.target);
  const answer = (outcome: string, visibility: string | null, caseId: string | null) =>
    JSON.stringify({ webhookId: base.webhookId, type: "moderation.verdict", outcome, target: verdict.target, action: verdict.action, visibility, caseId });
  const claim: Claim = {
    ...base,
    status: before === null ? "applied" : "applying",
    responseStatus: 200,
    responseBody: answer("target_not_found", null, null),
  };
  const { first, response } = await settle(c, claim);
  if (!first || before === null) return response;
  const result = await applyVerdict(c.env, c.var.db, base.appId, verdict, (promise) => c.executionCtx.waitUntil(promise)).catch(
    async (error: unknown) => {
      // Nothing was applied: give the claim back so the sender's retry can apply it.
      await releaseReceipt(c.var.db, base.appId, base.webhookId);
      throw error;
    },
  );
  const body = answer(result.outcome, result.visibility, result.caseId);
  await answerReceipt(c.var.db, base.appId, base.webhookId, body);
  return new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });
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
  const abandoned = earlier?.status === "applying" && earlier.bodyHash === bodyHash
    ? (await releaseAbandonedClaim(c.var.db, app.id, headers.id!, ABANDONED_CLAIM_MS)).length > 0
    : false;
  if (earlier && !abandoned) return (await answerAgain(c.var.db, { appId: app.id, webhookId: headers.id! }, earlier, bodyHash)) as never;

  const envelope = parseOr422(EnvelopeSchema, parseJson(raw), "");
  if (!app.incomingEvents.includes(envelope.type)) throw new ApiError("forbidden", t("webhooks.eventNotAllowed", { type: envelope.type }));
  const base = { appId: app.id, webhookId: headers.id!, claimToken: crypto.randomUUID(), eventType: envelope.type, bodyHash };
  // An app can only be allowed the two incoming types.
  const response = envelope.type === "moderation.verdict" ? await receiveVerdict(c, base, envelope.data) : await receiveImport(c, base, envelope.data);
  return response as never;
});

// The route documents its body by reference; the schema itself is registered here.
incomingWebhooksRouter.openAPIRegistry.register("IncomingWebhook", IncomingWebhookSchema);
