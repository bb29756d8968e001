import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { accounts } from "./accounts";
import { blocksRouter } from "./blocks";
import { catTaxRouter } from "./cat-tax";
import { commentsRouter } from "./comments";
import { docs } from "./docs";
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
import { ApiError, errorResponse, validationError } from "./lib/errors";
import { newId } from "./lib/ids";
import { countRoundTrips } from "./lib/instrumentation";
import { BOOKMARK_HEADER, d1Session } from "./lib/d1-session";

export const MAX_BODY_BYTES = 64 * 1024;

const openApiDocumentRoute = createRoute({
  method: "get",
  path: "/openapi.json",
  tags: ["Service"],
  summary: "This API's OpenAPI 3.1 document",
  responses: {
    200: {
      description: "OpenAPI document",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
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
      throw new ApiError("method_not_allowed", `${c.req.method} is not allowed here; use ${allowed.join(", ")}`, {
        headers: { Allow: allowed.join(", ") },
      });
    }
    throw new ApiError("not_found", `No route for ${c.req.method} ${c.req.path}`);
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
    await next();
    c.header("X-Request-Id", c.var.requestId);
  });
  app.use(
    cors({
      origin: "*",
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", BOOKMARK_HEADER],
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      exposeHeaders: ["X-Request-Id", "Retry-After", "Idempotent-Replayed", BOOKMARK_HEADER, "RateLimit-Policy", "RateLimit"],
      maxAge: 86400,
    }),
  );
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, new ApiError("payload_too_large", `The request body is over ${MAX_BODY_BYTES} bytes`)),
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
    description: "A token from POST /v1/sessions",
  });
  app.openapi(openApiDocumentRoute, (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: "3.1.0",
        info: {
          title: "NoteBridge API",
          version: "1.0.0",
          description:
            "Cross-cultural note sharing: notes, comments, likes, collects and follows for people writing in any language. Errors always have the shape `{ error: { code, message, requestId, details? } }`. Lists are cursor-paginated.",
        },
      }),
      200,
    ),
  );

  app.notFound(notFoundOrWrongMethod(app));
  app.onError((err, c) => errorResponse(c, err));
  return app;
}
