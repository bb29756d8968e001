import { describe, expect, it } from "vitest";
import { api, createUser } from "./helpers";
import { createNote, watchReady } from "./live-helpers";

type AsyncApi = {
  asyncapi: string;
  servers: Record<string, { host: string; protocol: string }>;
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; messages: { $ref: string }[] }>;
  components: { messages: Record<string, { title: string; payload: any }> };
};

const wireTypes = (doc: AsyncApi, action: "send" | "receive") =>
  Object.values(doc.operations)
    .filter((operation) => operation.action === action)
    .flatMap((operation) => operation.messages.map((m) => doc.components.messages[m.$ref.split("/").pop()!]!.title));

describe("AsyncAPI document of the live threads", () => {
  it("is served beside the OpenAPI document and linked from /docs", async () => {
    const { status, headers, body } = await api<AsyncApi>("GET", "/asyncapi.json");
    expect(status).toBe(200);
    expect(headers.get("Content-Type")).toContain("application/json");
    expect(body.asyncapi).toMatch(/^3\./);
    expect(body.servers.thisDeployment).toEqual(expect.objectContaining({ host: "api.notebridge.test", protocol: "wss" }));
    expect(body.channels.noteThread!.address).toBe("/v1/notes/{noteId}/live");
    expect(wireTypes(body, "receive").sort()).toEqual(["auth", "comment", "ping"]);
    for (const ref of Object.values(body.channels.noteThread!.messages)) {
      expect(body.components.messages[ref.$ref.split("/").pop()!], ref.$ref).toBeDefined();
    }
    expect(String((await api("GET", "/docs")).body)).toContain('href="/asyncapi.json"');
    const openapi = (await api("GET", "/openapi.json")).body;
    expect(openapi.info.description).toContain("/asyncapi.json");
  });

  it("names every message a real session sends, with the fields it carries", async () => {
    const { body: doc } = await api<AsyncApi>("GET", "/asyncapi.json");
    const documented = new Map(Object.values(doc.components.messages).map((m) => [m.title, m.payload]));
    const owner = await createUser();
    const guest = await createUser();
    const note = await createNote(owner, { body: "Lili #cattax" });
    const { watcher } = await watchReady(note.id);
    watcher.send({ type: "ping" });
    watcher.send({ type: "auth", token: guest.token, ref: "a1" });
    await watcher.waitFor((m) => m.type === "authenticated");
    watcher.send({ type: "comment", ref: "c1", body: "好可爱!" });
    watcher.send({ type: "comment", ref: "bad", body: "" });
    await watcher.waitFor((m) => m.type === "comment.created");
    await watcher.waitFor((m) => m.type === "error");
    expect((await api("POST", `/v1/notes/${note.id}/cat-tax-receipts`, { token: guest.token })).status).toBe(201);
    await watcher.waitFor((m) => m.type === "receipt.created");
    await watcher.waitFor((m) => m.type === "counters" && m.receiptCount === 1);
    expect((await api("DELETE", `/v1/notes/${note.id}`, { token: owner.token })).status).toBe(204);
    await watcher.waitFor((m) => m.type === "note.deleted");

    const seen = new Set(watcher.messages.map((m) => m.type));
    expect(seen.size).toBeGreaterThanOrEqual(9);
    for (const message of watcher.messages) {
      const payload = documented.get(message.type);
      expect(payload, `${message.type} is documented`).toBeDefined();
      for (const field of payload.required ?? []) expect(message, `${message.type}.${field}`).toHaveProperty(field);
    }
    expect(wireTypes(doc, "send")).toEqual(expect.arrayContaining([...seen]));
  });
});
