import { createRoute, z } from "@hono/zod-openapi";
import swaggerUiBundle from "swagger-ui-dist/swagger-ui-bundle.js";
import swaggerUiCss from "swagger-ui-dist/swagger-ui.css";
import { badTokenResponse } from "../lib/errors";
import { asyncApiDocument } from "./asyncapi";
import { createRouter } from "../lib/router";

/*
 * The interactive API reference (Swagger UI) works offline: its script and styles
 * are bundled into the worker and served from here, never from a CDN. They are plain
 * routes, not API operations, so they stay out of the OpenAPI document.
 */

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>NoteBridge API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <style>.nb-docs-links{font-family:sans-serif;margin:12px 20px}</style>
</head>
<body>
  <nav class="nb-docs-links">
    Machine-readable: <a href="/openapi.json">OpenAPI 3.1 (HTTP API)</a> ·
    <a href="/asyncapi.json">AsyncAPI 3 (live-thread WebSocket protocol)</a>
  </nav>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>`;

// validatorUrl: null stops Swagger UI from sending the document to validator.swagger.io.
const init = `window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  validatorUrl: null,
});`;

const assetHeaders = (contentType: string) => ({
  "Content-Type": contentType,
  "Cache-Control": "public, max-age=86400",
});

const docsPageRoute = createRoute({
  method: "get",
  path: "/docs",
  operationId: "getApiReference",
  security: [],
  tags: ["Service"],
  summary: "Interactive API reference (works offline)",
  responses: {
    200: { description: "HTML page", content: { "text/html": { schema: z.string() } } },
    ...badTokenResponse,
  },
});

const asyncApiDocumentRoute = createRoute({
  method: "get",
  path: "/asyncapi.json",
  operationId: "getAsyncApiDocument",
  security: [],
  tags: ["Service"],
  summary: "The live threads' WebSocket protocol, as an AsyncAPI 3 document",
  responses: {
    200: {
      description: "AsyncAPI 3.0 document",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
    ...badTokenResponse,
  },
});

export const docs = createRouter()
  .openapi(docsPageRoute, (c) => {
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'",
    );
    return c.html(page, 200);
  })
  .openapi(asyncApiDocumentRoute, (c) => c.json(asyncApiDocument(new URL(c.req.url).origin), 200))
  .get("/docs/init.js", (c) => c.body(init, 200, assetHeaders("text/javascript; charset=utf-8")))
  .get("/docs/swagger-ui-bundle.js", (c) => c.body(swaggerUiBundle, 200, assetHeaders("text/javascript; charset=utf-8")))
  .get("/docs/swagger-ui.css", (c) => c.body(swaggerUiCss, 200, assetHeaders("text/css; charset=utf-8")));
