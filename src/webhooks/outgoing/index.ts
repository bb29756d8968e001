import { ApiError } from "../../lib/errors";
import type { WebhookQueueMessage } from "../../lib/events";
import { createRouter } from "../../lib/router";
import { listWebhookDeliveriesRoute, resendWebhookDeliveryRoute } from "./routes";
import { loadDeliveryView, pageOfDeliveries, requeueDelivery } from "./store";
import { t } from "../../lib/i18n";

export const outgoingWebhooksRouter = createRouter()
  .openapi(listWebhookDeliveriesRoute, async (c) => {
    const page = await pageOfDeliveries(c.var.db, c.req.valid("param").app, c.req.valid("query"));
    if (!page) throw new ApiError("not_found", t("webhooks.appNotFound"));
    return c.json(page, 200);
  })
  .openapi(resendWebhookDeliveryRoute, async (c) => {
    const { app, deliveryId } = c.req.valid("param");
    const outcome = await requeueDelivery(c.var.db, app, deliveryId);
    if (outcome === "not_found") throw new ApiError("not_found", t("webhooks.deliveryNotFound"));
    if (outcome === "disabled") throw new ApiError("conflict", t("webhooks.subscriptionDisabled"));
    await c.env.WEBHOOKS_QUEUE.send({ kind: "delivery", deliveryId } satisfies WebhookQueueMessage);
    return c.json((await loadDeliveryView(c.var.db, deliveryId))!, 202);
  });
