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
    // The docs page's own script and styles are served but are not API operations.
    const served = createApp()
      .routes.filter((route) => route.method !== "ALL" && !route.path.startsWith("/docs/"))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => route.includes("/docs/"))).toEqual([]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/v1/notes"].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.schemas.Note.properties.title).toBeDefined();
  });

  it("names every operation, states who may call it and which tag it belongs to, as client generators need", async () => {
    const { body: doc } = await api("GET", "/openapi.json");
    const tags = new Map<string, string>(doc.tags.map((tag: { name: string; description: string }) => [tag.name, tag.description]));
    const operationIds: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        expect(operation.operationId, where).toMatch(/^[a-z][a-zA-Z]+$/);
        operationIds.push(operation.operationId);
        expect(operation.security, `${where}: explicit security`).toEqual(expect.any(Array));
        expect(operation.tags.every((tag: string) => tags.get(tag)), `${where}: tags declared with descriptions`).toBe(true);
        expect(Object.keys(operation.responses).some((code) => /^4/.test(code)), `${where}: a 4xx response`).toBe(true);
      }
    }
    expect(new Set(operationIds).size).toBe(operationIds.length);
    expect(operationIds).toEqual(expect.arrayContaining(["getNote", "listNoteComments", "stampCatTaxReceipt", "signUp"]));
    expect(doc.paths["/v1/notes/{id}"].get.security).toEqual([{}, { bearerAuth: [] }]);
    expect(doc.paths["/v1/comments/{id}"].get.security).toEqual([]);
    // Newcomer order: accounts first, then posting.
    expect([...tags.keys()].slice(0, 2)).toEqual(["Accounts", "Notes"]);
    expect(doc.servers).toEqual([{ url: "https://api.notebridge.test", description: expect.any(String) }]);
    expect(doc.info.license.name).toEqual(expect.any(String));
    for (const feature of ["translation", "glossary", "live", "cat tax", "Accept-Language", "ETag"]) {
      expect(doc.info.description.toLowerCase()).toContain(feature.toLowerCase());
    }
  });

  it("lets clients leave out body fields that have defaults", async () => {
    const { body: doc } = await api("GET", "/openapi.json");
    const body = doc.paths["/v1/notes"].post.requestBody.content["application/json"].schema;
    expect(body.$ref).toBeUndefined();
    expect(body.properties.media.default).toEqual([]);
    expect(body.properties.isCatNote.default).toBe(false);
    expect(body.required ?? []).not.toContain("media");
    expect(doc.components.schemas.NoteCreate).toBeUndefined();
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
