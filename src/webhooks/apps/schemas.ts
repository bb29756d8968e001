import { z } from "@hono/zod-openapi";
import { OUTGOING_EVENT_TYPES } from "../../lib/events";

export const INCOMING_EVENT_TYPES = ["moderation.verdict", "content.import"] as const;
export const MAX_SUBSCRIPTIONS = 10;
export const MAX_SECRETS = 5;

export const AppNameSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, "3-40 lower-case letters, digits and '-'")
  .openapi({ description: "The app's name, used in its webhook URL", example: "potato-migrator" });

export const AppParamsSchema = z.object({
  app: AppNameSchema.openapi({ param: { name: "app", in: "path" }, example: "potato-migrator" }),
});

const SecretIdSchema = z.string().min(1).max(40).openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" });

export const AppSecretParamsSchema = AppParamsSchema.extend({
  secretId: SecretIdSchema.openapi({ param: { name: "secretId", in: "path" } }),
});

export const AppSubscriptionParamsSchema = AppParamsSchema.extend({
  subscriptionId: SecretIdSchema.openapi({ param: { name: "subscriptionId", in: "path" } }),
});

export const SubscriptionCreateSchema = z
  .object({
    url: z.string().max(2048).openapi({
      description: "Where deliveries are POSTed: an https URL on a public host",
      example: "https://hooks.example.com/notebridge",
    }),
    events: z
      .array(z.enum(OUTGOING_EVENT_TYPES))
      .min(1)
      .max(OUTGOING_EVENT_TYPES.length)
      .openapi({ description: "Event types sent to it", example: ["note.created", "comment.created"] }),
  })
  .openapi("WebhookSubscriptionCreate");

export const AppCreateSchema = z
  .object({
    name: AppNameSchema,
    description: z.string().max(500).default("").openapi({ example: "Brings creators' TikTok posts along" }),
    incomingEvents: z
      .array(z.enum(INCOMING_EVENT_TYPES))
      .max(INCOMING_EVENT_TYPES.length)
      .default([])
      .openapi({ description: "Event types the app may send to POST /v1/webhooks/{app}", example: ["content.import"] }),
    subscriptions: z.array(SubscriptionCreateSchema).max(MAX_SUBSCRIPTIONS).default([]),
  })
  .openapi("WebhookAppCreate");

export const SubscriptionSchema = z
  .object({
    id: z.string().openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    url: z.string().openapi({ example: "https://hooks.example.com/notebridge" }),
    events: z.array(z.string()).openapi({ example: ["note.created"] }),
    status: z.enum(["active", "disabled"]).openapi({ example: "active" }),
    failingSince: z.string().nullable().openapi({ description: "Every attempt since then has failed", format: "date-time" }),
    disabledAt: z.string().nullable().openapi({ format: "date-time" }),
    disabledReason: z
      .string()
      .nullable()
      .openapi({ description: "Why deliveries stopped", example: "Every delivery failed for 3 days (last: HTTP 500)" }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("WebhookSubscription");

export const AppSchema = z
  .object({
    id: z.string().openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    name: AppNameSchema,
    description: z.string(),
    incomingEvents: z.array(z.string()).openapi({ example: ["content.import"] }),
    webhookUrl: z.string().openapi({ description: "Where the app sends its webhooks", example: "/v1/webhooks/potato-migrator" }),
    secrets: z
      .array(z.object({ id: z.string(), createdAt: z.string().openapi({ format: "date-time" }) }))
      .openapi({ description: "The app's signing secrets (never shown again after creation)" }),
    subscriptions: z.array(SubscriptionSchema),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("WebhookApp");

export type AppView = z.infer<typeof AppSchema>;

export const NewSecretSchema = z
  .object({
    id: z.string().openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    secret: z.string().openapi({
      description: "Shown only now: store it in the app. It signs incoming and verifies outgoing webhooks.",
      example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("WebhookSecret");

export const AppCreatedSchema = z.object({ app: AppSchema, secret: NewSecretSchema }).openapi("WebhookAppCreated");

export const AppLinkSchema = z
  .object({
    app: AppNameSchema,
    description: z.string(),
    linkedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("WebhookAppLink");
