import { z } from "@hono/zod-openapi";
import { DELIVERY_STATUSES } from "../../db/schema";
import { PageQuerySchema } from "../../lib/pagination";
import { AppParamsSchema } from "../apps/schemas";

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    webhookId: z.string().openapi({ description: "The webhook-id header: the same on every attempt", example: "msg_01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
    eventType: z.string().openapi({ example: "note.created" }),
    subscriptionId: z.string(),
    url: z.string().openapi({ example: "https://hooks.example.com/notebridge" }),
    status: z.enum(DELIVERY_STATUSES).openapi({
      description: "pending (not tried yet), retrying (failed, another try is due), delivered, dead (every try failed), cancelled (not sent: content no longer public, subscription disabled or target refused)",
      example: "retrying",
    }),
    attempts: z.number().int().openapi({ example: 2 }),
    lastResponseStatus: z.number().int().nullable().openapi({ description: "null when no answer came", example: 500 }),
    lastError: z.string().nullable().openapi({ example: "HTTP 500" }),
    nextAttemptAt: z.string().nullable().openapi({ format: "date-time" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("WebhookDelivery");

export const DeliveryQuerySchema = PageQuerySchema.extend({
  status: z.enum(DELIVERY_STATUSES).optional().openapi({ description: "Only deliveries in this state", example: "dead" }),
});

export const DeliveryParamsSchema = AppParamsSchema.extend({
  deliveryId: z.string().min(1).max(40).openapi({ param: { name: "deliveryId", in: "path" }, example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
});
