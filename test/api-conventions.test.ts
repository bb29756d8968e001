import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, createUser, expectError } from "./helpers";

describe("one error format everywhere", () => {
  it("unknown routes get 404 in the envelope", async () => {
    expectError(await api("GET", "/v1/nope"), 404, "not_found");
  });

  it("a known path with the wrong method gets 405 and Allow", async () => {
    const response = await api("PUT", "/v1/notes");
    expectError(response, 405, "method_not_allowed");
    expect(response.headers.get("Allow")).toBe("POST");
    const note = await api("POST", "/v1/me/liked-notes");
    expect(note.headers.get("Allow")).toBe("GET");
  });

  it("malformed JSON gets 400", async () => {
    const user = await createUser();
    const response = await api("POST", "/v1/notes", {
      token: user.token,
      rawBody: '{"title": "oops",',
      headers: { "Content-Type": "application/json" },
    });
    expectError(response, 400, "bad_request");
  });

  it("a body that is not JSON gets 415", async () => {
    const user = await createUser();
    const response = await api("POST", "/v1/notes", {
      token: user.token,
      rawBody: "title=hello",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expectError(response, 415, "unsupported_media_type");
  });

  it("a body over 64 KB gets 413 before anything is parsed", async () => {
    const user = await createUser();
    const response = await api("POST", "/v1/notes", { token: user.token, body: { body: "猫".repeat(40_000) } });
    expectError(response, 413, "payload_too_large");
  });

  it("validation errors name each offending field and where it was", async () => {
    const user = await createUser();
    const response = await api("POST", "/v1/notes", {
      token: user.token,
      body: { title: "x".repeat(101), media: [{ type: "gif", url: "http://insecure.example/a.png", width: 0, height: 10 }] },
    });
    const error = expectError(response, 400, "validation_failed");
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "title", location: "body" }),
        expect.objectContaining({ field: "media.0.type", location: "body" }),
        expect.objectContaining({ field: "media.0.url", location: "body" }),
        expect.objectContaining({ field: "media.0.width", location: "body" }),
      ]),
    );
    const query = expectError(await api("GET", `/v1/users/${user.id}/notes?limit=500`), 400, "validation_failed");
    expect(query.details).toEqual([expect.objectContaining({ field: "limit", location: "query" })]);
    const path = expectError(await api("GET", "/v1/notes/not-an-id"), 400, "validation_failed");
    expect(path.details).toEqual([expect.objectContaining({ field: "id", location: "path" })]);
  });

  it("the readiness check answers once the database does", async () => {
    const response = await api("GET", "/health/ready");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: "ok" });
  });

  it("every response carries a request id", async () => {
    const response = await api("GET", "/health");
    expect(response.headers.get("X-Request-Id")).toMatch(/^[0-9A-Z]{26}$/);
  });
});

describe("races with deletion", () => {
  it("a write that refers to a row deleted meanwhile gets a clear 404, not 500", async () => {
    const author = await createUser();
    const fan = await createUser();
    const note = (await api("POST", "/v1/notes", { token: author.token, body: { title: "soon gone" } })).body;
    // The note disappears as the like is inserted (the like's own foreign key is the existence check).
    await env.DB.prepare(
      "CREATE TRIGGER vanish BEFORE INSERT ON likes BEGIN DELETE FROM notes WHERE id = NEW.note_id; END",
    ).run();
    try {
      expectError(await api("PUT", `/v1/notes/${note.id}/like`, { token: fan.token }), 404, "not_found");
    } finally {
      await env.DB.prepare("DROP TRIGGER vanish").run();
    }
  });
  it("carries a D1 bookmark from answer to request, so a client reads its own writes from any replica", async () => {
    const author = await createUser();
    const created = await api("POST", "/v1/notes", { token: author.token, body: { title: "bookmarked" } });
    const bookmark = created.headers.get("X-D1-Bookmark");
    expect(bookmark).toBeTruthy();
    const read = await api("GET", `/v1/notes/${created.body.id}`, { headers: { "X-D1-Bookmark": bookmark! } });
    expect(read.status).toBe(200);
    expect(read.body.title).toBe("bookmarked");
    expect((await api("GET", `/v1/notes/${created.body.id}`, { headers: { "X-D1-Bookmark": "not a bookmark!" } })).status).toBe(200);
  });
});
