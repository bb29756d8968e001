import type { Db } from "../../db/client";
import { decryptSecrets } from "../secret-box";
import { signatureHeader } from "../standard-webhooks";
import { stillPublic } from "./payloads";
import { cancelDelivery, loadDelivery, recordFailure, recordSuccess } from "./store";
import { allowsPrivateTargets, checkTarget } from "./target-guard";

/** Waits before retry n (after the n-th failed attempt); after the last, the message goes to the dead-letter queue. */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600];
const TIMEOUT_MS = 10_000;
const encoder = new TextEncoder();

/** ±20% jitter, so endpoints that fail together don't get their retries all at once. */
export const retryDelay = (failedAttempt: number, random = Math.random()) =>
  Math.round(RETRY_DELAYS_SECONDS[failedAttempt - 1]! * (0.8 + 0.4 * random));

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function post(url: URL, headers: Record<string, string>, body: Uint8Array): Promise<Attempt> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      // Never follow a redirect: it could point at a private address the guard refused.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    if (response.status >= 300 && response.status < 400) return { ok: false, status: response.status, error: `HTTP ${response.status}: redirects are not followed` };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, status: null, error: timedOut ? `No answer within ${TIMEOUT_MS / 1000} s` : "Could not connect" };
  }
}

/**
 * One attempt of one delivery, from its queue message. Success acks; failure
 * retries the message after the next delay (message.retry), and after the last
 * try lets it go to the dead-letter queue, whose consumer marks it dead.
 */
export async function attemptDelivery(env: Env, db: Db, message: Message<{ deliveryId: string }>): Promise<void> {
  const { deliveryId } = message.body;
  const delivery = await loadDelivery(db, deliveryId);
  if (!delivery || delivery.status === "delivered" || delivery.status === "dead" || delivery.status === "cancelled") {
    return message.ack();
  }
  const payload = JSON.parse(delivery.payload) as { data: Parameters<typeof stillPublic>[2] };
  const target = checkTarget(delivery.url, allowsPrivateTargets(env));
  const refusal =
    delivery.disabledAt !== null
      ? "The subscription is disabled"
      : !target.ok
        ? `Target refused: ${target.reason}`
        : !(await stillPublic(db, delivery.type, payload.data))
          ? "The content is no longer public"
          : null;
  if (refusal || !target.ok) {
    await cancelDelivery(db, deliveryId, refusal ?? "Target refused");
    return message.ack();
  }

  const body = encoder.encode(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const secrets = await decryptSecrets(env, delivery.appId, delivery.ciphertexts);
  const result = await post(
    target.url,
    {
      "Content-Type": "application/json",
      "User-Agent": "NoteBridge-Webhooks/1.0",
      "webhook-id": delivery.eventId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": await signatureHeader(secrets, delivery.eventId, timestamp, body),
    },
    body,
  );
  if (result.ok) {
    await recordSuccess(db, deliveryId, delivery.subscriptionId, result.status);
    return message.ack();
  }
  const lastTry = message.attempts > RETRY_DELAYS_SECONDS.length;
  const delaySeconds = lastTry ? 0 : retryDelay(message.attempts);
  await recordFailure(
    db,
    { id: deliveryId, subscriptionId: delivery.subscriptionId },
    { responseStatus: result.status, error: result.error, nextAttemptAt: lastTry ? null : Date.now() + delaySeconds * 1000 },
  );
  // Past the last delay the queue (max_retries = 6) hands the message to the dead-letter queue.
  message.retry(lastTry ? {} : { delaySeconds });
}
