import { createRouter } from "../lib/router";
import { webhookAppsRouter } from "./apps";
import { incomingWebhooksRouter } from "./incoming";
import { outgoingWebhooksRouter } from "./outgoing";

/** External apps: their registration and consent, incoming webhooks, and the outgoing delivery log. */
export const webhooksRouter = createRouter()
  .route("/", webhookAppsRouter)
  .route("/", incomingWebhooksRouter)
  .route("/", outgoingWebhooksRouter);

export { handleWebhookQueue, webhookHousekeeping } from "./queue";
