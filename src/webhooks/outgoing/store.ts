import { and, desc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  type DeliveryStatus,
  webhookApps,
  webhookAppSecrets,
  webhookDeliveries,
  webhookEvents,
  webhookSubscriptions,
} from "../../db/schema";
import { afterCursor, toPage } from "../../lib/pagination";
import { DAY_MS, iso } from "../../lib/time";

/** A subscription whose every attempt has failed this long is disabled. */
export const DISABLE_AFTER_MS = 3 * DAY_MS;

/** Active subscriptions to an event type. */
export const subscribersOf = (db: Db, type: string) =>
  db
    .select({ id: webhookSubscriptions.id, appId: webhookSubscriptions.appId })
    .from(webhookSubscriptions)
    .where(
      and(
        isNull(webhookSubscriptions.disabledAt),
        sql`exists (select 1 from json_each(${webhookSubscriptions.eventTypes}) where value = ${type})`,
      ),
    );

const ROWS_PER_INSERT = 10; // 9 bound parameters a delivery, under D1's 100 a query

/** Records the event and one pending delivery per subscriber, and returns the deliveries not yet tried. */
export async function recordEvent(
  db: Db,
  event: { id: string; type: string; payload: string },
  subscribers: { id: string; appId: string }[],
  newDeliveryId: () => string,
) {
  const now = Date.now();
  const rows = subscribers.map((s) => ({
    id: newDeliveryId(),
    eventId: event.id,
    subscriptionId: s.id,
    appId: s.appId,
    status: "pending" as const,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  const chunks = Array.from({ length: Math.ceil(rows.length / ROWS_PER_INSERT) }, (_, i) =>
    rows.slice(i * ROWS_PER_INSERT, (i + 1) * ROWS_PER_INSERT),
  );
  const results = await db.batch([
    db.insert(webhookEvents).values({ ...event, createdAt: now }).onConflictDoNothing(),
    ...chunks.map((chunk) => db.insert(webhookDeliveries).values(chunk).onConflictDoNothing()),
    // A re-run of the same event message finds the deliveries it made before.
    db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.eventId, event.id), eq(webhookDeliveries.status, "pending"), eq(webhookDeliveries.attempts, 0))),
  ]);
  return results.at(-1) as { id: string }[];
}

/** Everything one attempt needs, in one round trip. */
export async function loadDelivery(db: Db, deliveryId: string) {
  const [rows, secrets] = await db.batch([
    db
      .select({
        status: webhookDeliveries.status,
        appId: webhookDeliveries.appId,
        subscriptionId: webhookDeliveries.subscriptionId,
        eventId: webhookDeliveries.eventId,
        type: webhookEvents.type,
        payload: webhookEvents.payload,
        url: webhookSubscriptions.url,
        disabledAt: webhookSubscriptions.disabledAt,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(eq(webhookDeliveries.id, deliveryId)),
    db
      .select({ ciphertext: webhookAppSecrets.ciphertext })
      .from(webhookAppSecrets)
      .where(
        inArray(
          webhookAppSecrets.appId,
          db.select({ appId: webhookDeliveries.appId }).from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)),
        ),
      ),
  ]);
  const row = rows[0];
  return row ? { ...row, ciphertexts: secrets.map((s) => s.ciphertext) } : null;
}

const FINAL: DeliveryStatus[] = ["delivered", "dead", "cancelled"];

/** Ends a delivery that must not be sent (subscription disabled, content no longer public, target refused). */
export const cancelDelivery = (db: Db, deliveryId: string, reason: string) =>
  db
    .update(webhookDeliveries)
    .set({ status: "cancelled", lastError: reason, nextAttemptAt: null, updatedAt: Date.now() })
    .where(and(eq(webhookDeliveries.id, deliveryId), notInArray(webhookDeliveries.status, FINAL)));

export async function recordSuccess(db: Db, deliveryId: string, subscriptionId: string, responseStatus: number) {
  const now = Date.now();
  await db.batch([
    db
      .update(webhookDeliveries)
      .set({
        status: "delivered",
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastResponseStatus: responseStatus,
        lastError: null,
        nextAttemptAt: null,
        updatedAt: now,
      })
      .where(eq(webhookDeliveries.id, deliveryId)),
    db.update(webhookSubscriptions).set({ failingSince: null }).where(eq(webhookSubscriptions.id, subscriptionId)),
  ]);
}

/**
 * A failed attempt: the log shows it and when the next comes (null: none), and
 * the subscription's failure run grows; a run older than DISABLE_AFTER_MS
 * disables it, with the reason for the app.
 */
export async function recordFailure(
  db: Db,
  delivery: { id: string; subscriptionId: string },
  failure: { responseStatus: number | null; error: string; nextAttemptAt: number | null },
) {
  const now = Date.now();
  const since = sql`coalesce(${webhookSubscriptions.failingSince}, ${now})`;
  const disableNow = sql`(${webhookSubscriptions.disabledAt} is null and ${since} < ${now - DISABLE_AFTER_MS})`;
  const reason = `Every delivery failed for ${DISABLE_AFTER_MS / DAY_MS} days (last: ${failure.error})`;
  await db.batch([
    db
      .update(webhookDeliveries)
      .set({
        status: "retrying",
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastResponseStatus: failure.responseStatus,
        lastError: failure.error,
        nextAttemptAt: failure.nextAttemptAt,
        updatedAt: now,
      })
      .where(eq(webhookDeliveries.id, delivery.id)),
    db
      .update(webhookSubscriptions)
      .set({
        failingSince: since,
        disabledAt: sql`case when ${disableNow} then ${now} else ${webhookSubscriptions.disabledAt} end`,
        disabledReason: sql`case when ${disableNow} then ${reason} else ${webhookSubscriptions.disabledReason} end`,
      })
      .where(eq(webhookSubscriptions.id, delivery.subscriptionId)),
  ]);
}

/** The last try failed and the message went to the dead-letter queue. */
export const markDead = (db: Db, deliveryId: string) =>
  db
    .update(webhookDeliveries)
    .set({ status: "dead", nextAttemptAt: null, updatedAt: Date.now() })
    .where(and(eq(webhookDeliveries.id, deliveryId), notInArray(webhookDeliveries.status, FINAL)));

const deliveryColumns = {
  id: webhookDeliveries.id,
  eventId: webhookDeliveries.eventId,
  subscriptionId: webhookDeliveries.subscriptionId,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  lastResponseStatus: webhookDeliveries.lastResponseStatus,
  lastError: webhookDeliveries.lastError,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  createdAt: webhookDeliveries.createdAt,
  updatedAt: webhookDeliveries.updatedAt,
  type: webhookEvents.type,
  url: webhookSubscriptions.url,
};

const selectDeliveries = (db: Db) =>
  db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId));

type DeliveryRow = Awaited<ReturnType<ReturnType<typeof selectDeliveries>["all"]>>[number];

const presentDelivery = (row: DeliveryRow) => ({
  id: row.id,
  webhookId: row.eventId,
  eventType: row.type,
  subscriptionId: row.subscriptionId,
  url: row.url,
  status: row.status,
  attempts: row.attempts,
  lastResponseStatus: row.lastResponseStatus,
  lastError: row.lastError,
  nextAttemptAt: row.nextAttemptAt === null ? null : iso(row.nextAttemptAt),
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

const appIdNamed = (db: Db, name: string) => db.select({ id: webhookApps.id }).from(webhookApps).where(eq(webhookApps.name, name));

/** An app's delivery log, newest first; null when there is no such app. */
export async function pageOfDeliveries(db: Db, appName: string, page: { cursor?: string; limit: number; status?: DeliveryStatus }) {
  const [apps, rows] = await db.batch([
    appIdNamed(db, appName),
    selectDeliveries(db)
      .where(
        and(
          inArray(webhookDeliveries.appId, appIdNamed(db, appName)),
          page.status ? eq(webhookDeliveries.status, page.status) : undefined,
          afterCursor(page.cursor, "desc", webhookDeliveries.id),
        ),
      )
      .orderBy(desc(webhookDeliveries.id))
      .limit(page.limit + 1),
  ]);
  if (apps.length === 0) return null;
  return toPage(rows, page.limit, (row) => [row.id, row.id], presentDelivery);
}

/** Puts a delivery back in line for another try; null when the app has no such delivery. */
export async function requeueDelivery(db: Db, appName: string, deliveryId: string) {
  const now = Date.now();
  const [subscription] = await db.batch([
    db
      .select({ disabledAt: webhookSubscriptions.disabledAt })
      .from(webhookSubscriptions)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.subscriptionId, webhookSubscriptions.id))
      .where(and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.appId, appIdNamed(db, appName)))),
    db
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: now, updatedAt: now })
      .where(
        and(
          eq(webhookDeliveries.id, deliveryId),
          inArray(webhookDeliveries.appId, appIdNamed(db, appName)),
          sql`exists (select 1 from ${webhookSubscriptions} where ${webhookSubscriptions.id} = ${webhookDeliveries.subscriptionId} and ${webhookSubscriptions.disabledAt} is null)`,
        ),
      ),
  ]);
  const found = subscription[0];
  if (!found) return "not_found" as const;
  if (found.disabledAt !== null) return "disabled" as const;
  return "queued" as const;
}

export async function loadDeliveryView(db: Db, deliveryId: string) {
  const row = await selectDeliveries(db).where(eq(webhookDeliveries.id, deliveryId)).get();
  return row ? presentDelivery(row) : null;
}

/** Events (and with them their delivery log) are kept this long. */
export const deleteOldEvents = (db: Db, before: number) => db.delete(webhookEvents).where(sql`${webhookEvents.createdAt} < ${before}`);
