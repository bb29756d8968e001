import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { firstMinute } from "../examples/typescript/first-minute";
import { uniqueIp } from "./helpers";

/*
 * The example client (examples/typescript/) drives the real worker. `npm run lint`
 * regenerates its types from the served document and type-checks it; this runs it.
 */
describe("the generated TypeScript client example", () => {
  it("walks a newcomer's first minute: sign up, post a cat, a comment and a receipt, read the comment in English", async () => {
    const result = await firstMinute({
      baseUrl: "https://api.notebridge.test",
      fetch: (request) => {
        const headers = new Headers(request.headers);
        headers.set("CF-Connecting-IP", uniqueIp());
        return exports.default.fetch(new Request(request, { headers }));
      },
    });
    expect(result.note).toMatchObject({ title: "Meet Lili 🐱", isCatNote: true, author: { id: result.ana.id } });
    expect(result.comment).toMatchObject({ body: "猫很可爱", language: "zh-Hans", author: { id: result.wei.id } });
    expect(result.receipt).toMatchObject({ serial: 1, number: "0001", stamper: { id: result.wei.id } });
    expect(result.translation).toMatchObject({ sourceLanguage: "zh-Hans", targetLanguage: "en", outcome: "translated" });
    expect(result.translation.texts[0]!.translated.toLowerCase()).toContain("cat");
  });
});
