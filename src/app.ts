import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { accounts } from "./accounts";
import { blocksRouter } from "./blocks";
import { catTaxRouter } from "./cat-tax";
import { commentsRouter } from "./comments";
import { docs } from "./docs";
import { apiDescription, apiTags, inlineRequestBodies } from "./docs/openapi";
import { feedRouter } from "./feed";
import type { AppEnv } from "./env";
import { glossaryRouter } from "./glossary";
import { health } from "./health";
import { liveRouter } from "./live";
import { mediaRouter } from "./media";
import { draftsRouter } from "./drafts";
import { moderationRouter } from "./moderation";
import { notesRouter } from "./notes";
import { privacyRouter } from "./privacy";
import { reactionsRouter } from "./reactions";
import { staffRouter } from "./staff";
import { searchRouter } from "./search";
import { topicsRouter } from "./topics";
import { translationRouter } from "./translation";
import { trendingRouter } from "./trending";
import { usersRouter } from "./users";
import { webhooksRouter } from "./webhooks";
import { authenticate } from "./lib/auth";
import { ApiError, badTokenResponse, errorResponse, validationError } from "./lib/errors";
import { negotiateLocale, t } from "./lib/i18n";
import { newId } from "./lib/ids";
import { countRoundTrips } from "./lib/instrumentation";
import { BOOKMARK_HEADER, d1Session } from "./lib/d1-session";

export const MAX_BODY_BYTES = 64 * 1024;

const openApiDocumentRoute = createRoute({
  method: "get",
  path: "/openapi.json",
  operationId: "getOpenApiDocument",
  security: [],
  tags: ["Service"],
  summary: "This API's OpenAPI 3.1 document",
  responses: {
    200: {
      description: "OpenAPI document",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
    ...badTokenResponse,
  },
});

/** Answers 405 with Allow when the path exists under other methods, else 404. */
function notFoundOrWrongMethod(app: OpenAPIHono<AppEnv>) {
  let routes: { pattern: RegExp; method: string }[] | undefined;
  return (c: Context<AppEnv>) => {
    routes ??= app.routes
      .filter((route) => route.method !== "ALL")
      .map((route) => ({
        method: route.method,
        pattern: new RegExp(`^${route.path.replace(/:[^/]+/g, "[^/]+")}$`),
      }));
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method))];
    if (allowed.length > 0) {
      throw new ApiError("method_not_allowed", t("request.methodNotAllowed", { method: c.req.method, allowed: allowed.join(", ") }), {
        headers: { Allow: allowed.join(", ") },
      });
    }
    throw new ApiError("not_found", t("request.noRoute", { method: c.req.method, path: c.req.path }));
  };
}

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target, result.error);
    },
  });

  app.use(async (c, next) => {
    c.set("requestId", newId());
    c.set("locale", negotiateLocale(c.req.header("Accept-Language")));
    await next();
    c.header("X-Request-Id", c.var.requestId);
    c.header("Content-Language", c.var.locale);
    c.header("Vary", "Accept-Language", { append: true });
  });
  app.use(
    cors({
      origin: "*",
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", BOOKMARK_HEADER],
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      exposeHeaders: ["X-Request-Id", "Retry-After", "Idempotent-Replayed", BOOKMARK_HEADER, "RateLimit-Policy", "RateLimit", "ETag"],
      maxAge: 86400,
    }),
  );
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, new ApiError("payload_too_large", t("request.overLimit", { bytes: MAX_BODY_BYTES }))),
  });
  // Uploads (20 MB images, 200 MB videos) and incoming webhooks (imports of up to
  // 100 posts, 1 MiB) check their own, larger limits as they read.
  const ownBodyLimit = (method: string, path: string) =>
    method === "POST" && (path === "/v1/media" || path.startsWith("/v1/webhooks/"));
  app.use((c, next) => (ownBodyLimit(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next)));
  app.use(countRoundTrips);
  app.use(d1Session);
  app.use(authenticate);

  app.route("/", health);
  app.route("/", docs);
  app.route("/", accounts);
  app.route("/", usersRouter);
  app.route("/", blocksRouter);
  app.route("/", privacyRouter);
  app.route("/", notesRouter);
  app.route("/", reactionsRouter);
  app.route("/", commentsRouter);
  app.route("/", trendingRouter);
  app.route("/", topicsRouter);
  app.route("/", liveRouter);
  app.route("/", catTaxRouter);
  app.route("/", translationRouter);
  app.route("/", glossaryRouter);
  app.route("/", mediaRouter);
  app.route("/", draftsRouter);
  app.route("/", moderationRouter);
  app.route("/", staffRouter);
  app.route("/", feedRouter);
  app.route("/", searchRouter);
  app.route("/", webhooksRouter);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "A session token, from signing up (POST /v1/users) or signing in (POST /v1/sessions)",
  });
  app.openapi(openApiDocumentRoute, (c) => {
    const document = app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "NoteBridge API",
        version: "1.0.0",
        description: apiDescription,
      },
      servers: [{ url: new URL(c.req.url).origin, description: "This deployment" }],
      tags: apiTags,
    });
    // OpenAPI 3.1 licences name an SPDX identifier; the generator's types know only 3.0's url.
    Object.assign(document.info, { license: { name: "Proprietary: NoteBridge's own code", identifier: "LicenseRef-NoteBridge" } });
    return c.json(inlineRequestBodies(document), 200);
  });

  app.notFound(notFoundOrWrongMethod(app));
  app.onError((err, c) => errorResponse(c, err));
  return app;
}
