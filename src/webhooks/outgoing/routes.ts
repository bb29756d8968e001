import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../../lib/auth";
import { errorResponses } from "../../lib/errors";
import { jsonResponse } from "../../lib/openapi";
import { pageSchema } from "../../lib/pagination";
import { requireRole } from "../../lib/roles";
import { AppParamsSchema } from "../apps/schemas";
import { DeliveryParamsSchema, DeliveryQuerySchema, DeliverySchema } from "./schemas";
import { t } from "../../lib/i18n";

const tags = ["Webhook apps"];
const adminOnly = [requireAuth, requireRole(["admin"], t("webhooks.adminsOnlyDeliveries"))];

export const listWebhookDeliveriesRoute = createRoute({
  method: "get",
  path: "/v1/admin/webhook-apps/{app}/deliveries",
  operationId: "listWebhookDeliveries",
  tags,
  summary: "An app's outgoing delivery log, newest first",
  description:
    "Admins only. One entry per event and subscription: its state, attempts, the last response code and when the next try is due. Failed attempts are retried after about 5 s, 5 min, 30 min, 2 h, 5 h and 10 h (±20%); after that the delivery is dead.",
  security: bearerSecurity,
  middleware: adminOnly,
  request: { params: AppParamsSchema, query: DeliveryQuerySchema },
  responses: { 200: jsonResponse(pageSchema(DeliverySchema, "WebhookDeliveryPage"), "Deliveries"), ...errorResponses(401, 403, 404) },
});

export const resendWebhookDeliveryRoute = createRoute({
  method: "post",
  path: "/v1/admin/webhook-apps/{app}/deliveries/{deliveryId}/resend",
  operationId: "resendWebhookDelivery",
  tags,
  summary: "Send a delivery again",
  description:
    "Admins only. Any delivery, dead or delivered, goes out again now with the same body and webhook-id (receivers deduplicate on it), and gets a fresh series of retries. Refused (409) while its subscription is disabled.",
  security: bearerSecurity,
  middleware: adminOnly,
  request: { params: DeliveryParamsSchema },
  responses: { 202: jsonResponse(DeliverySchema, "Queued"), ...errorResponses(401, 403, 404, 409) },
});
