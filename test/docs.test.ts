import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { api } from "./helpers";

describe("API documentation", () => {
  it("documents every route in an OpenAPI 3.1 document, with summaries and error responses", async () => {
    const { status, body: doc } = await api("GET", "/openapi.json");
    expect(status).toBe(200);
    expect(doc.openapi).toBe("3.1.0");
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        expect(operation.summary, `${method} ${path}`).toEqual(expect.any(String));
        if (path.startsWith("/v1/")) {
          expect(Object.keys(operation.responses), `${method} ${path}`).toContain("400");
          expect(operation.responses["400"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
        }
      }
    }
    const served = createApp()
      .routes.filter((route) => route.method !== "ALL")
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/v1/notes"].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.schemas.Note.properties.title).toBeDefined();
  });

  it("serves an interactive reference whose scripts come from this worker, not a CDN", async () => {
    const page = await api("GET", "/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toContain("text/html");
    const sources = [...String(page.body).matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      expect(source.startsWith("/")).toBe(true);
      const asset = await api("GET", source);
      expect(asset.status, source).toBe(200);
    }
    expect(String((await api("GET", "/docs/init.js")).body)).toContain('"/openapi.json"');
    expect(String((await api("GET", "/docs/swagger-ui-bundle.js")).body).length).toBeGreaterThan(500_000);
  });
});
