import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../../lib/auth";
import { errorResponses } from "../../lib/errors";
import { jsonBody, jsonResponse } from "../../lib/openapi";
import { PageQuerySchema, pageSchema } from "../../lib/pagination";
import { limitWrites } from "../../lib/rate-limit";
import { requireRole } from "../../lib/roles";
import {
  AppCreateSchema,
  AppCreatedSchema,
  AppLinkSchema,
  AppParamsSchema,
  AppSchema,
  AppSecretParamsSchema,
  AppSubscriptionParamsSchema,
  NewSecretSchema,
  SubscriptionCreateSchema,
  SubscriptionSchema,
} from "./schemas";
import { t } from "../../lib/i18n";

const tags = ["Webhook apps"];
const adminOnly = [requireAuth, requireRole(["admin"], t("webhooks.adminsOnlyApps"))];

export const AppPageSchema = pageSchema(AppSchema, "WebhookAppPage");

export const createWebhookAppRoute = createRoute({
  method: "post",
  path: "/v1/admin/webhook-apps",
  operationId: "createWebhookApp",
  tags,
  summary: "Register an external app",
  description:
    "Admins only. The app gets its first signing secret (`whsec_…`), shown in this answer and never again: it signs the webhooks the app sends to `POST /v1/webhooks/{app}` and verifies the ones NoteBridge sends to its subscriptions. Subscription targets must be https URLs on public hosts.",
  security: bearerSecurity,
  middleware: adminOnly,
  request: { body: jsonBody(AppCreateSchema) },
  responses: { 201: jsonResponse(AppCreatedSchema, "The app and its secret"), ...errorResponses(401, 403, 409, 413, 415, 503) },
});

export const listWebhookAppsRoute = createRoute({
  method: "get",
  path: "/v1/admin/webhook-apps",
  operationId: "listWebhookApps",
  tags,
  summary: "List registered apps",
  description: "Admins only. Oldest first, with each app's secrets (ids only), subscriptions and why any was disabled.",
  security: bearerSecurity,
  middleware: adminOnly,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(AppPageSchema, "Apps"), ...errorResponses(401, 403) },
});

export const addWebhookAppSecretRoute = createRoute({
  method: "post",
  path: "/v1/admin/webhook-apps/{app}/secrets",
  operationId: "addWebhookAppSecret",
  tags,
  summary: "Add a signing secret (rotation, step one)",
  description:
    "Admins only. The new secret is shown once. Until the old one is removed both verify incoming webhooks, and outgoing ones carry a signature from each, so the app can switch over without losing a delivery. At most 5 at once.",
  security: bearerSecurity,
  middleware: adminOnly,
  request: { params: AppParamsSchema },
  responses: { 201: jsonResponse(NewSecretSchema, "The new secret"), ...errorResponses(401, 403, 404, 409, 503) },
});

export const removeWebhookAppSecretRoute = createRoute({
  method: "delete",
  path: "/v1/admin/webhook-apps/{app}/secrets/{secretId}",
  operationId: "removeWebhookAppSecret",
  tags,
  summary: "Remove a signing secret (rotation, step two)",
  description: "Admins only. From now on it neither verifies nor signs. The last secret can't be removed (409).",
  security: bearerSecurity,
  middleware: adminOnly,
  request: { params: AppSecretParamsSchema },
  responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404, 409) },
});

export const addWebhookSubscriptionRoute = createRoute({
  method: "post",
  path: "/v1/admin/webhook-apps/{app}/subscriptions",
  operationId: "addWebhookSubscription",
  tags,
  summary: "Subscribe an app to events",
  security: bearerSecurity,
  middleware: adminOnly,
  request: { params: AppParamsSchema, body: jsonBody(SubscriptionCreateSchema) },
  responses: { 201: jsonResponse(SubscriptionSchema, "The subscription"), ...errorResponses(401, 403, 404, 409, 413, 415) },
});

export const removeWebhookSubscriptionRoute = createRoute({
  method: "delete",
  path: "/v1/admin/webhook-apps/{app}/subscriptions/{subscriptionId}",
  operationId: "removeWebhookSubscription",
  tags,
  summary: "Remove a subscription",
  description: "Admins only. Its pending deliveries are dropped with it.",
  security: bearerSecurity,
  middleware: adminOnly,
  request: { params: AppSubscriptionParamsSchema },
  responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404) },
});

export const enableWebhookSubscriptionRoute = createRoute({
  method: "put",
  path: "/v1/admin/webhook-apps/{app}/subscriptions/{subscriptionId}/enabled",
  operationId: "enableWebhookSubscription",
  tags,
  summary: "Turn a disabled subscription back on",
  description: "Admins only, once the app has fixed its endpoint. Events from now on are delivered again.",
  security: bearerSecurity,
  middleware: adminOnly,
  request: { params: AppSubscriptionParamsSchema },
  responses: { 204: { description: "Enabled" }, ...errorResponses(401, 403, 404) },
});

export const linkAppRoute = createRoute({
  method: "put",
  path: "/v1/me/apps/{app}/link",
  operationId: "linkApp",
  tags,
  summary: "Let an app import posts into your account",
  description:
    "Your explicit consent: a migration tool may send `content.import` webhooks for your account only while it is linked. Idempotent. Unlink to withdraw.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites] as const,
  request: { params: AppParamsSchema },
  responses: { 200: jsonResponse(AppLinkSchema, "Linked"), ...errorResponses(401, 404, 429) },
});

export const listLinkedAppsRoute = createRoute({
  method: "get",
  path: "/v1/me/apps",
  operationId: "listLinkedApps",
  tags,
  summary: "The apps you have let into your account",
  description: "Most recently linked first; all of them in one page.",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse(pageSchema(AppLinkSchema, "WebhookAppLinkPage"), "Linked apps"), ...errorResponses(401) },
});

export const unlinkAppRoute = createRoute({
  method: "delete",
  path: "/v1/me/apps/{app}/link",
  operationId: "unlinkApp",
  tags,
  summary: "Withdraw an app's access to your account",
  description: "Imports already queued for your account are not applied after this. Notes imported earlier stay yours.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites] as const,
  request: { params: AppParamsSchema },
  responses: { 204: { description: "Unlinked (or was not linked)" }, ...errorResponses(401, 404, 429) },
});
