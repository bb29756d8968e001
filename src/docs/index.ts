import { createRoute, z } from "@hono/zod-openapi";
import swaggerUiBundle from "swagger-ui-dist/swagger-ui-bundle.js";
import swaggerUiCss from "swagger-ui-dist/swagger-ui.css";
import { createRouter } from "../lib/router";

/*
 * The interactive API reference (Swagger UI) works offline: its script and styles
 * are bundled into the worker and served from here, never from a CDN.
 */

const tags = ["Service"];

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>NoteBridge API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
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

const asset = (path: string, description: string, contentType: string) =>
  createRoute({
    method: "get",
    path,
    tags,
    summary: description,
    responses: { 200: { description, content: { [contentType]: { schema: z.string() } } } },
  });

const docsPageRoute = createRoute({
  method: "get",
  path: "/docs",
  tags,
  summary: "Interactive API reference (works offline)",
  responses: { 200: { description: "HTML page", content: { "text/html": { schema: z.string() } } } },
});

export const docs = createRouter()
  .openapi(docsPageRoute, (c) => {
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'",
    );
    return c.html(page, 200);
  })
  .openapi(asset("/docs/init.js", "Swagger UI start-up script", "text/javascript"), (c) =>
    c.body(init, 200, assetHeaders("text/javascript; charset=utf-8")),
  )
  .openapi(asset("/docs/swagger-ui-bundle.js", "Swagger UI script", "text/javascript"), (c) =>
    c.body(swaggerUiBundle, 200, assetHeaders("text/javascript; charset=utf-8")),
  )
  .openapi(asset("/docs/swagger-ui.css", "Swagger UI styles", "text/css"), (c) =>
    c.body(swaggerUiCss, 200, assetHeaders("text/css; charset=utf-8")),
  );
