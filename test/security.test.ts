import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, type ApiResponse, createUser, expectError } from "./helpers";

const someId = "01JH7Z3V6N1Q2M8W4K5T9R0XYZ";

describe("authorisation matrix", () => {
  it("another user can't edit or delete my note, my comment or my profile", async () => {
    const me = await createUser();
    const other = await createUser();
    const note = (await api("POST", "/v1/notes", { token: me.token, body: { title: "mine" } })).body;
    const myComment = (await api("POST", `/v1/notes/${note.id}/comments`, { token: me.token, body: { body: "mine too" } })).body;
    const otherNote = (await api("POST", "/v1/notes", { token: other.token, body: { title: "theirs" } })).body;
    const myCommentOnTheirs = (await api("POST", `/v1/notes/${otherNote.id}/comments`, { token: me.token, body: { body: "hi" } })).body;

    expectError(await api("PATCH", `/v1/notes/${note.id}`, { token: other.token, body: { title: "pwned" } }), 403, "forbidden");
    expectError(await api("DELETE", `/v1/notes/${note.id}`, { token: other.token }), 403, "forbidden");
    expectError(await api("PATCH", `/v1/comments/${myComment.id}`, { token: other.token, body: { body: "pwned" } }), 403, "forbidden");
    expectError(await api("DELETE", `/v1/comments/${myComment.id}`, { token: other.token }), 403, "forbidden");
    // The note's author may delete comments on their note, but not edit them.
    expectError(await api("PATCH", `/v1/comments/${myCommentOnTheirs.id}`, { token: other.token, body: { body: "pwned" } }), 403, "forbidden");
    // Profiles change only through /v1/me, which is always the caller's own.
    await api("PATCH", "/v1/me", { token: other.token, body: { nickname: "other" } });
    expect((await api("GET", `/v1/users/${me.id}`)).body.nickname).toBe(me.nickname);
    expect((await api("GET", `/v1/notes/${note.id}`)).body.title).toBe("mine");
    expect((await api("GET", `/v1/comments/${myComment.id}`)).body.body).toBe("mine too");
  });

  it("every write refuses anonymous callers with 401 before looking at the body", async () => {
    const writes: [string, string][] = [
      ["POST", "/v1/notes"],
      ["PATCH", `/v1/notes/${someId}`],
      ["DELETE", `/v1/notes/${someId}`],
      ["PUT", `/v1/notes/${someId}/like`],
      ["DELETE", `/v1/notes/${someId}/like`],
      ["PUT", `/v1/notes/${someId}/collect`],
      ["DELETE", `/v1/notes/${someId}/collect`],
      ["POST", `/v1/notes/${someId}/comments`],
      ["PATCH", `/v1/comments/${someId}`],
      ["DELETE", `/v1/comments/${someId}`],
      ["PUT", `/v1/users/${someId}/follow`],
      ["DELETE", `/v1/users/${someId}/follow`],
      ["PATCH", "/v1/me"],
      ["DELETE", "/v1/sessions/current"],
    ];
    for (const [method, path] of writes) {
      const response = await api(method, path, { body: { junk: true } });
      expectError(response, 401, "unauthorized");
    }
  });
});

describe("nothing secret leaks", () => {
  it("no response carries a phone number, password hash or token hash; the token only comes back at sign-in", async () => {
    const responses: ApiResponse[] = [];
    const record = async (promise: Promise<ApiResponse>) => {
      const response = await promise;
      responses.push(response);
      return response;
    };
    const me = await createUser({ nickname: "Lili's owner" });
    const fan = await createUser();
    const note = (await record(api("POST", "/v1/notes", { token: me.token, body: { title: "Lili #cattax" } }))).body;
    const top = (await record(api("POST", `/v1/notes/${note.id}/comments`, { token: fan.token, body: { body: "🧾" } }))).body;
    await record(api("POST", `/v1/notes/${note.id}/comments`, { token: me.token, body: { body: "谢谢", replyTo: top.id } }));
    await record(api("PUT", `/v1/notes/${note.id}/like`, { token: fan.token }));
    await record(api("PUT", `/v1/users/${me.id}/follow`, { token: fan.token }));
    for (const path of [
      `/v1/users/${me.id}`, `/v1/users/${me.id}/notes`, `/v1/users/${me.id}/followers`, `/v1/users/${fan.id}/following`,
      `/v1/notes/${note.id}`, `/v1/notes/${note.id}/comments`, `/v1/comments/${top.id}/replies`, `/v1/topics/cattax/notes`,
      "/v1/me/liked-notes", "/openapi.json",
    ]) {
      await record(api("GET", path, { token: fan.token }));
    }
    await record(api("GET", "/v1/me", { token: me.token }));

    const secrets = await env.DB.prepare(
      "SELECT phone_e164 AS secret FROM users UNION ALL SELECT password_hash FROM users UNION ALL SELECT token_hash FROM sessions",
    ).all<{ secret: string }>();
    const everything = responses.map((r) => JSON.stringify(r.body)).join("\n");
    for (const { secret } of secrets.results) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.replace(/^\+86/, ""));
    }
    expect(everything).not.toContain(me.token);
    expect(everything).not.toContain(fan.token);
    expect(everything).not.toMatch(/pbkdf2/i);
  });
});
