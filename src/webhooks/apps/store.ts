import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { webhookAppLinks, webhookApps, webhookAppSecrets, webhookReceipts, webhookSubscriptions } from "../../db/schema";
import { isUniqueViolation } from "../../lib/db-errors";
import { ApiError } from "../../lib/errors";
import { afterCursor, toPage } from "../../lib/pagination";
import { iso } from "../../lib/time";
import type { AppView } from "./schemas";
import { t } from "../../lib/i18n";

export type AppRow = typeof webhookApps.$inferSelect;
type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

export const appNotFound = () => new ApiError("not_found", t("webhooks.appNotFound"));

export const findApp = (db: Db, name: string) => db.select().from(webhookApps).where(eq(webhookApps.name, name)).get();

export async function requireApp(db: Db, name: string): Promise<AppRow> {
  const app = await findApp(db, name);
  if (!app) throw appNotFound();
  return app;
}

const appIdByName = (db: Db, name: string) => db.select({ id: webhookApps.id }).from(webhookApps).where(eq(webhookApps.name, name));

/**
 * What receiving a webhook needs, in one round trip: the app, its encrypted
 * secrets and any earlier delivery with this webhook-id (used only once the
 * signature has been verified).
 */
export async function appForDelivery(db: Db, name: string, webhookId: string) {
  const [apps, secrets, earlier] = await db.batch([
    db.select().from(webhookApps).where(eq(webhookApps.name, name)),
    db
      .select({ ciphertext: webhookAppSecrets.ciphertext })
      .from(webhookAppSecrets)
      .where(inArray(webhookAppSecrets.appId, appIdByName(db, name))),
    db
      .select({
        bodyHash: webhookReceipts.bodyHash,
        status: webhookReceipts.status,
        responseStatus: webhookReceipts.responseStatus,
        responseBody: webhookReceipts.responseBody,
      })
      .from(webhookReceipts)
      .where(and(inArray(webhookReceipts.appId, appIdByName(db, name)), eq(webhookReceipts.webhookId, webhookId))),
  ]);
  const app = apps[0];
  return app ? { app, ciphertexts: secrets.map((s) => s.ciphertext), earlier: earlier[0] ?? null } : null;
}

export type NewSubscription = { id: string; url: string; events: string[] };

export const subscriptionValues = (appId: string, subscription: NewSubscription, now: number) => ({
  id: subscription.id,
  appId,
  url: subscription.url,
  eventTypes: subscription.events,
  createdAt: now,
});

export async function insertApp(
  db: Db,
  app: { id: string; name: string; description: string; incomingEvents: string[]; createdBy: string },
  secret: { id: string; ciphertext: string },
  subscriptions: NewSubscription[],
  now: number,
) {
  try {
    await db.batch([
      db.insert(webhookApps).values({ ...app, createdAt: now }),
      db.insert(webhookAppSecrets).values({ ...secret, appId: app.id, createdAt: now }),
      ...subscriptions.map((subscription) => db.insert(webhookSubscriptions).values(subscriptionValues(app.id, subscription, now))),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("conflict", t("webhooks.appExists"));
    throw error;
  }
}

function presentSubscription(row: SubscriptionRow) {
  return {
    id: row.id,
    url: row.url,
    events: row.eventTypes,
    status: row.disabledAt === null ? ("active" as const) : ("disabled" as const),
    failingSince: row.failingSince === null ? null : iso(row.failingSince),
    disabledAt: row.disabledAt === null ? null : iso(row.disabledAt),
    disabledReason: row.disabledReason,
    createdAt: iso(row.createdAt),
  };
}

/** Apps as admins see them (never their secrets), in the order of `apps`, in one round trip. */
export async function loadAppViews(db: Db, apps: AppRow[]): Promise<AppView[]> {
  if (apps.length === 0) return [];
  const ids = apps.map((app) => app.id);
  const [secrets, subscriptions] = await db.batch([
    db
      .select({ id: webhookAppSecrets.id, appId: webhookAppSecrets.appId, createdAt: webhookAppSecrets.createdAt })
      .from(webhookAppSecrets)
      .where(inArray(webhookAppSecrets.appId, ids))
      .orderBy(asc(webhookAppSecrets.id)),
    db.select().from(webhookSubscriptions).where(inArray(webhookSubscriptions.appId, ids)).orderBy(asc(webhookSubscriptions.id)),
  ]);
  return apps.map((app) => ({
    id: app.id,
    name: app.name,
    description: app.description,
    incomingEvents: app.incomingEvents,
    webhookUrl: `/v1/webhooks/${app.name}`,
    secrets: secrets.filter((s) => s.appId === app.id).map((s) => ({ id: s.id, createdAt: iso(s.createdAt) })),
    subscriptions: subscriptions.filter((s) => s.appId === app.id).map(presentSubscription),
    createdAt: iso(app.createdAt),
  }));
}

export async function pageOfApps(db: Db, page: { cursor?: string; limit: number }) {
  const rows = await db
    .select()
    .from(webhookApps)
    .where(afterCursor(page.cursor, "asc", webhookApps.id))
    .orderBy(asc(webhookApps.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => [row.id, row.id], (row) => row);
}

/** Adds a secret unless the app already holds `limit`; false when it does. */
export async function insertSecret(db: Db, appId: string, secret: { id: string; ciphertext: string }, limit: number, now: number) {
  const rows = await db.all<{ id: string }>(sql`
    insert into ${webhookAppSecrets} (id, app_id, ciphertext, created_at)
    select ${secret.id}, ${appId}, ${secret.ciphertext}, ${now}
    where (select count(*) from ${webhookAppSecrets} where app_id = ${appId}) < ${limit}
    returning id`);
  return rows.length > 0;
}

/** Removes one secret, never the last: an app without a secret could neither sign nor verify. */
export async function deleteSecret(db: Db, appId: string, secretId: string): Promise<"deleted" | "not_found" | "last"> {
  const [deleted, remaining] = await db.batch([
    db
      .delete(webhookAppSecrets)
      .where(
        and(
          eq(webhookAppSecrets.appId, appId),
          eq(webhookAppSecrets.id, secretId),
          sql`(select count(*) from ${webhookAppSecrets} where ${webhookAppSecrets.appId} = ${appId}) > 1`,
        ),
      )
      .returning({ id: webhookAppSecrets.id }),
    db.select({ n: count() }).from(webhookAppSecrets).where(and(eq(webhookAppSecrets.appId, appId), eq(webhookAppSecrets.id, secretId))),
  ]);
  if (deleted.length > 0) return "deleted";
  return remaining[0]!.n > 0 ? "last" : "not_found";
}

export async function insertSubscription(db: Db, appId: string, subscription: NewSubscription, now: number) {
  await db.insert(webhookSubscriptions).values(subscriptionValues(appId, subscription, now));
}

export async function deleteSubscription(db: Db, appId: string, subscriptionId: string) {
  const rows = await db
    .delete(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.appId, appId), eq(webhookSubscriptions.id, subscriptionId)))
    .returning({ id: webhookSubscriptions.id });
  return rows.length > 0;
}

/** Turns a disabled subscription back on, with a clean failure record. */
export async function enableSubscription(db: Db, appId: string, subscriptionId: string) {
  const rows = await db
    .update(webhookSubscriptions)
    .set({ disabledAt: null, disabledReason: null, failingSince: null })
    .where(and(eq(webhookSubscriptions.appId, appId), eq(webhookSubscriptions.id, subscriptionId)))
    .returning({ id: webhookSubscriptions.id });
  return rows.length > 0;
}

export async function linkApp(db: Db, userId: string, appName: string, now: number) {
  const [app, link] = await db.batch([
    db.select({ name: webhookApps.name, description: webhookApps.description }).from(webhookApps).where(eq(webhookApps.name, appName)),
    db
      .insert(webhookAppLinks)
      .select(sql`select ${userId}, ${webhookApps.id}, ${now} from ${webhookApps} where ${webhookApps.name} = ${appName}`)
      .onConflictDoUpdate({ target: [webhookAppLinks.userId, webhookAppLinks.appId], set: { userId: sql`excluded.user_id` } })
      .returning({ createdAt: webhookAppLinks.createdAt }),
  ]);
  const linked = link[0];
  if (!app[0] || !linked) return null;
  return { app: app[0].name, description: app[0].description, linkedAt: iso(linked.createdAt) };
}

/** The apps a person has let into their account, most recent first. */
export const linkedApps = (db: Db, userId: string) =>
  db
    .select({ app: webhookApps.name, description: webhookApps.description, linkedAt: webhookAppLinks.createdAt })
    .from(webhookAppLinks)
    .innerJoin(webhookApps, eq(webhookApps.id, webhookAppLinks.appId))
    .where(eq(webhookAppLinks.userId, userId))
    .orderBy(desc(webhookAppLinks.createdAt))
    .limit(100);

export async function unlinkApp(db: Db, userId: string, appName: string) {
  const [app] = await db.batch([
    db.select({ id: webhookApps.id }).from(webhookApps).where(eq(webhookApps.name, appName)),
    db.delete(webhookAppLinks).where(and(eq(webhookAppLinks.userId, userId), inArray(webhookAppLinks.appId, appIdByName(db, appName)))),
  ]);
  return app.length > 0;
}

export const isLinked = async (db: Db, userId: string, appId: string) =>
  (await db
    .select({ userId: webhookAppLinks.userId })
    .from(webhookAppLinks)
    .where(and(eq(webhookAppLinks.userId, userId), eq(webhookAppLinks.appId, appId)))
    .get()) !== undefined;
