import { signedInViewer } from "../../lib/auth";
import { ApiError, type FieldIssue } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { createRouter } from "../../lib/router";
import { iso } from "../../lib/time";
import { allowsPrivateTargets, checkTarget } from "../outgoing/target-guard";
import { encryptSecret } from "../secret-box";
import { newSigningSecret } from "../standard-webhooks";
import {
  addWebhookAppSecretRoute,
  addWebhookSubscriptionRoute,
  createWebhookAppRoute,
  enableWebhookSubscriptionRoute,
  linkAppRoute,
  listLinkedAppsRoute,
  listWebhookAppsRoute,
  removeWebhookAppSecretRoute,
  removeWebhookSubscriptionRoute,
  unlinkAppRoute,
} from "./routes";
import { MAX_SECRETS, MAX_SUBSCRIPTIONS } from "./schemas";
import {
  appNotFound,
  deleteSecret,
  deleteSubscription,
  enableSubscription,
  findApp,
  insertApp,
  insertSecret,
  insertSubscription,
  linkApp,
  linkedApps,
  loadAppViews,
  pageOfApps,
  requireApp,
  unlinkApp,
} from "./store";
import { t } from "../../lib/i18n";

/** Refuses targets the SSRF guard would never deliver to, naming the field. */
function checkTargets(env: Env, urls: { field: string; url: string }[]) {
  const allowPrivate = allowsPrivateTargets(env);
  const details: FieldIssue[] = urls.flatMap(({ field, url }) => {
    const check = checkTarget(url, allowPrivate);
    return check.ok ? [] : [{ field, location: "body" as const, message: check.reason }];
  });
  if (details.length > 0) {
    throw new ApiError("validation_failed", t("validation.body", { fields: details.map((d) => d.field).join(", ") }), { details });
  }
}

async function newSecret(env: Env, appId: string) {
  const secret = newSigningSecret();
  return { id: newId(), secret, ciphertext: await encryptSecret(env, appId, secret) };
}

const subscriptionNotFound = () => new ApiError("not_found", t("webhooks.subscriptionNotFound"));

export const webhookAppsRouter = createRouter()
  .openapi(createWebhookAppRoute, async (c) => {
    const input = c.req.valid("json");
    checkTargets(c.env, input.subscriptions.map((s, i) => ({ field: `subscriptions.${i}.url`, url: s.url })));
    const now = Date.now();
    const id = newId(now);
    const secret = await newSecret(c.env, id);
    const subscriptions = input.subscriptions.map((s) => ({ id: newId(now), url: s.url, events: [...new Set(s.events)] }));
    await insertApp(
      c.var.db,
      { id, name: input.name, description: input.description, incomingEvents: [...new Set(input.incomingEvents)], createdBy: signedInViewer(c).id },
      { id: secret.id, ciphertext: secret.ciphertext },
      subscriptions,
      now,
    );
    const [app] = await loadAppViews(c.var.db, [(await findApp(c.var.db, input.name))!]);
    return c.json({ app: app!, secret: { id: secret.id, secret: secret.secret, createdAt: iso(now) } }, 201);
  })
  .openapi(listWebhookAppsRoute, async (c) => {
    const page = await pageOfApps(c.var.db, c.req.valid("query"));
    return c.json({ items: await loadAppViews(c.var.db, page.items), nextCursor: page.nextCursor }, 200);
  })
  .openapi(addWebhookAppSecretRoute, async (c) => {
    const app = await requireApp(c.var.db, c.req.valid("param").app);
    const now = Date.now();
    const secret = await newSecret(c.env, app.id);
    if (!(await insertSecret(c.var.db, app.id, secret, MAX_SECRETS, now))) {
      throw new ApiError("conflict", t("webhooks.tooManySecrets", { max: MAX_SECRETS }));
    }
    return c.json({ id: secret.id, secret: secret.secret, createdAt: iso(now) }, 201);
  })
  .openapi(removeWebhookAppSecretRoute, async (c) => {
    const { app: name, secretId } = c.req.valid("param");
    const app = await requireApp(c.var.db, name);
    const outcome = await deleteSecret(c.var.db, app.id, secretId);
    if (outcome === "not_found") throw new ApiError("not_found", t("webhooks.secretNotFound"));
    if (outcome === "last") throw new ApiError("conflict", t("webhooks.lastSecret"));
    return c.body(null, 204);
  })
  .openapi(addWebhookSubscriptionRoute, async (c) => {
    const input = c.req.valid("json");
    checkTargets(c.env, [{ field: "url", url: input.url }]);
    const app = await requireApp(c.var.db, c.req.valid("param").app);
    const [view] = await loadAppViews(c.var.db, [app]);
    if (view!.subscriptions.length >= MAX_SUBSCRIPTIONS) {
      throw new ApiError("conflict", t("webhooks.tooManySubscriptions", { max: MAX_SUBSCRIPTIONS }));
    }
    const now = Date.now();
    const subscription = { id: newId(now), url: input.url, events: [...new Set(input.events)] };
    await insertSubscription(c.var.db, app.id, subscription, now);
    return c.json(
      { ...subscription, status: "active" as const, failingSince: null, disabledAt: null, disabledReason: null, createdAt: iso(now) },
      201,
    );
  })
  .openapi(removeWebhookSubscriptionRoute, async (c) => {
    const { app: name, subscriptionId } = c.req.valid("param");
    const app = await requireApp(c.var.db, name);
    if (!(await deleteSubscription(c.var.db, app.id, subscriptionId))) throw subscriptionNotFound();
    return c.body(null, 204);
  })
  .openapi(enableWebhookSubscriptionRoute, async (c) => {
    const { app: name, subscriptionId } = c.req.valid("param");
    const app = await requireApp(c.var.db, name);
    if (!(await enableSubscription(c.var.db, app.id, subscriptionId))) throw subscriptionNotFound();
    return c.body(null, 204);
  })
  .openapi(linkAppRoute, async (c) => {
    const link = await linkApp(c.var.db, signedInViewer(c).id, c.req.valid("param").app, Date.now());
    if (!link) throw appNotFound();
    return c.json(link, 200);
  })
  .openapi(listLinkedAppsRoute, async (c) => {
    const links = await linkedApps(c.var.db, signedInViewer(c).id);
    return c.json({ items: links.map((link) => ({ ...link, linkedAt: iso(link.linkedAt) })), nextCursor: null }, 200);
  })
  .openapi(unlinkAppRoute, async (c) => {
    if (!(await unlinkApp(c.var.db, signedInViewer(c).id, c.req.valid("param").app))) throw appNotFound();
    return c.body(null, 204);
  });
