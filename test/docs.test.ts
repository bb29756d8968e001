import { describe, expect, it } from "vitest";
import { api } from "./helpers";

describe("API documentation", () => {
  it("serves an OpenAPI 3.1 document covering every route with its errors", async () => {
    const response = await api("GET", "/openapi.json");
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths);
    console.log(paths.join("\n"));
    expect(paths).toEqual(expect.arrayContaining(["/v1/notes", "/v1/notes/{id}", "/v1/users", "/v1/sessions"]));
  });
});
