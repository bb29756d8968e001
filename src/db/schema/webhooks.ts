import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt } from "./columns";

/*
 * External apps and their webhooks (Standard Webhooks, both ways). An app's
 * signing secrets are stored only encrypted (AES-GCM, key in a Workers secret).
 */

export const webhookApps = sqliteTable(
  "webhook_apps",
  {
    id: text("id").primaryKey(),
    /** Lower-case slug, the `{app}` in /v1/webhooks/{app}. */
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Event types the app may send us. */
    incomingEvents: text("incoming_events", { mode: "json" }).$type<string[]>().notNull().default([]),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("webhook_apps_name_unique").on(t.name)],
);

/** Several at once, so an app can rotate: any one verifies, all sign. */
export const webhookAppSecrets = sqliteTable(
  "webhook_app_secrets",
  {
    id: text("id").primaryKey(),
    appId: text("app_id")
      .notNull()
      .references(() => webhookApps.id, { onDelete: "cascade" }),
    /** "v1.<iv>.<ciphertext>" (base64url), AES-256-GCM bound to the app id. */
    ciphertext: text("ciphertext").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_app_secrets_app_idx").on(t.appId)],
);

export const webhookSubscriptions = sqliteTable(
  "webhook_subscriptions",
  {
    id: text("id").primaryKey(),
    appId: text("app_id")
      .notNull()
      .references(() => webhookApps.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    eventTypes: text("event_types", { mode: "json" }).$type<string[]>().notNull(),
    /** Start of the current run of failed attempts; cleared by a success. */
    failingSince: integer("failing_since"),
    disabledAt: integer("disabled_at"),
    /** Why deliveries stopped, for the app's admins to read. */
    disabledReason: text("disabled_reason"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_subscriptions_app_idx").on(t.appId)],
);

/** An account owner's consent that an app may import posts into their account. */
export const webhookAppLinks = sqliteTable(
  "webhook_app_links",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    appId: text("app_id")
      .notNull()
      .references(() => webhookApps.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.appId] })],
);

/** `applying`: a verdict whose claim won and whose decision is being applied; its copies wait for the answer. */
export const RECEIPT_STATUSES = ["applying", "applied", "queued", "imported"] as const;

/**
 * One row per incoming delivery (app, webhook-id): claimed with one INSERT in the
 * same D1 batch as the delivery's effect, so a duplicate changes nothing and is
 * answered with the stored response.
 */
export const webhookReceipts = sqliteTable(
  "webhook_receipts",
  {
    appId: text("app_id")
      .notNull()
      .references(() => webhookApps.id, { onDelete: "cascade" }),
    webhookId: text("webhook_id").notNull(),
    /** Random per attempt: the batch's effects apply only if this attempt's claim won. */
    claimToken: text("claim_token").notNull(),
    eventType: text("event_type").notNull(),
    bodyHash: text("body_hash").notNull(),
    status: text("status", { enum: RECEIPT_STATUSES }).notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: text("response_body").notNull(),
    /** Imports: the validated posts, until the queue has applied them. */
    payload: text("payload", { mode: "json" }),
    /** Imports: what became of each post. */
    result: text("result", { mode: "json" }),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.webhookId] }), index("webhook_receipts_status_idx").on(t.status, t.receivedAt)],
);

/** An outgoing event as first sent: every attempt sends the same body under the same webhook-id. */
export const webhookEvents = sqliteTable("webhook_events", {
  /** "msg_<ULID>", the webhook-id. */
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  payload: text("payload").notNull(),
  createdAt: createdAt(),
});

export const DELIVERY_STATUSES = ["pending", "retrying", "delivered", "dead", "cancelled"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The delivery log: one row per event and subscription. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    appId: text("app_id")
      .notNull()
      .references(() => webhookApps.id, { onDelete: "cascade" }),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastResponseStatus: integer("last_response_status"),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_subscription_unique").on(t.eventId, t.subscriptionId),
    index("webhook_deliveries_app_idx").on(t.appId, t.id),
  ],
);
