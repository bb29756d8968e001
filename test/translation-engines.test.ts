import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OPEN_SECONDS } from "../src/translation/breaker";
import { workersAi } from "../src/translation/engines/workers-ai";
import { cedictDictionary } from "../src/translation/engines/cedict-dictionary";
import { translateWithChain } from "../src/translation/chain";
import {
  DEEPL_KEY,
  DEEPL_QUOTA_EXCEEDED,
  DEEPL_TOO_MANY,
  DEEPL_UNAVAILABLE,
  LIBRE_ERROR,
  LIBRE_TOO_MANY,
  fakeProviders,
} from "./fake-providers";
import { type TestUser, api, createUser, expectError } from "./helpers";
import { comment, createNote, createUsers, watchReady } from "./live-helpers";

// This file's worker is configured with TRANSLATION_ENGINES = deepl, libretranslate,
// cedict-dictionary (vitest.config.ts). Circuit breakers live in the isolate, so each
// test starts an hour after the previous one: every circuit has closed again.
let clock = Date.now();
beforeEach(() => {
  clock += 3_600_000;
  vi.useFakeTimers({ toFake: ["Date"], now: clock });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

// Translations are cached for the whole file: each test writes sentences of its own.
let sentenceNumber = 0;
const fresh = (text: string) => `${text} ${++sentenceNumber}`;

async function postNote(user: TestUser, body: string) {
  const note = await api("POST", "/v1/notes", { token: user.token, body: { body } });
  expect(note.status, JSON.stringify(note.body)).toBe(201);
  return note.body.id as string;
}

const translateNote = (user: TestUser, id: string, to = "en") =>
  api("GET", `/v1/notes/${id}/translation?to=${to}`, { token: user.token });

describe("DeepL, first in the chain", () => {
  it("is called through its HTTP API with the key, and named in the response", async () => {
    const providers = fakeProviders();
    const user = await createUser();
    const text = fresh("我今天去夜市吃东西");
    const response = await translateNote(user, await postNote(user, text));
    expect(response.status).toBe(200);
    expect(response.body.engine).toMatchObject({ id: "deepl", name: "DeepL" });
    expect(response.body.texts[0].translated).toBe(`I today go to the night market to eat ${sentenceNumber}`);
    const [call] = providers.callsTo("deepl");
    expect(call!.url).toBe("https://api-free.deepl.com/v2/translate");
    expect(call!.headers.get("Authorization")).toBe(`DeepL-Auth-Key ${DEEPL_KEY}`);
    expect(call!.body).toMatchObject({ text: [text], source_lang: "ZH", target_lang: "EN-US", tag_handling: "xml" });
    expect(JSON.stringify(response.body)).not.toContain(DEEPL_KEY);
  });
});

describe("text that needs no translation", () => {
  it("never reaches an engine: the reader's own language, emoji only, Chinese script conversion", async () => {
    const providers = fakeProviders();
    const user = await createUser();
    for (const [body, to] of [["My cat Lili pays her cat tax 🐱", "en"], ["🐱🐱🐱 666", "en"], ["这只猫好可爱", "zh-Hant"]] as const) {
      const response = await translateNote(user, await postNote(user, fresh(body)), to);
      expect(response.body.engine).toBeNull();
    }
    expect(providers.calls).toEqual([]);
  });
});

describe("the snippet cache", () => {
  it("calls the engine once for a note read by many people", async () => {
    const providers = fakeProviders();
    const author = await createUser();
    const id = await postNote(author, fresh("我今天去夜市吃东西。内卷太严重了。"));
    const readers = [await createUser(), await createUser(), await createUser()];
    const responses = [];
    for (const reader of readers) responses.push(await translateNote(reader, id));
    expect(providers.callsTo("deepl")).toHaveLength(1);
    expect(responses.map((r) => r.body.fromCache)).toEqual([false, true, true]);
    expect(responses[2]!.body.texts).toEqual(responses[0]!.body.texts);
  });

  it("re-translates only the sentence that was edited", async () => {
    const providers = fakeProviders();
    const author = await createUser();
    const n = ++sentenceNumber;
    const id = await postNote(author, `我今天去夜市吃东西${n}。内卷太严重了${n}。我选择躺平${n}。`);
    await translateNote(author, id);
    await api("PATCH", `/v1/notes/${id}`, { token: author.token, body: { body: `我今天去夜市吃东西${n}。好有烟火气。我选择躺平${n}。` } });
    const response = await translateNote(author, id);
    const calls = providers.callsTo("deepl");
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body.text).toEqual(['好有<x id="0"/>。']);
    expect(response.body.segments).toEqual({ total: 3, translated: 3, fromCache: 2 });
    expect(response.body.texts[0].translated).toContain("the vibe of daily life");
  });

  it("calls the engine once for a comment translated by a thousand readers' worth of requests", async () => {
    const providers = fakeProviders();
    const author = await createUser();
    const id = await postNote(author, "Lili 🐱");
    const comment = await api("POST", `/v1/notes/${id}/comments`, { token: author.token, body: { body: fresh("我今天去夜市吃东西") } });
    const reader = await createUser();
    for (let i = 0; i < 20; i++) {
      const response = await api("GET", `/v1/comments/${comment.body.id}/translation?to=en`, { token: reader.token });
      expect(response.status).toBe(200);
    }
    expect(providers.callsTo("deepl")).toHaveLength(1);
  });

  it("sends a long note in batches of at most 50 sentences, as DeepL accepts", async () => {
    const providers = fakeProviders();
    const user = await createUser();
    const n = ++sentenceNumber;
    const body = Array.from({ length: 60 }, (_, i) => `我今天去夜市吃东西${n}-${i}。`).join("");
    const response = await translateNote(user, await postNote(user, body));
    expect(response.body.segments).toEqual({ total: 60, translated: 60, fromCache: 0 });
    expect(providers.callsTo("deepl").map((call) => call.body.text.length)).toEqual([50, 10]);
  });
});

describe("the fallback chain", () => {
  it.each([
    ["DeepL's quota error (456)", DEEPL_QUOTA_EXCEEDED],
    ["a 429 from DeepL", DEEPL_TOO_MANY],
    ["a 5xx from DeepL", DEEPL_UNAVAILABLE],
    ["a DeepL timeout", "timeout" as const],
  ])("falls through to LibreTranslate on %s", async (_, reply) => {
    const providers = fakeProviders();
    providers.reply("deepl", reply);
    const user = await createUser();
    const text = fresh("我今天去夜市吃东西");
    const response = await translateNote(user, await postNote(user, text));
    expect(response.status).toBe(200);
    expect(response.body.engine.id).toBe("libretranslate");
    const [call] = providers.callsTo("libretranslate");
    expect(call!.url).toBe("https://libretranslate.test/translate");
    expect(call!.body).toEqual({ q: [text], source: "zh", target: "en", format: "text" });
  });

  it("answers 503 with Retry-After when no engine can, and stores nothing", async () => {
    const providers = fakeProviders();
    providers.reply("deepl", DEEPL_UNAVAILABLE);
    providers.reply("libretranslate", LIBRE_TOO_MANY);
    const user = await createUser();
    // The offline dictionary has no Spanish, so only the two services could answer.
    const id = await postNote(user, fresh("Hola amigos, mi gato se llama Lili"));
    const failed = await translateNote(user, id);
    expectError(failed, 503, "service_unavailable");
    expect(Number(failed.headers.get("Retry-After"))).toBeGreaterThan(0);
    const retried = await translateNote(user, id);
    expect(retried.status).toBe(200);
    expect(retried.body.fromCache).toBe(false);
    expect(providers.callsTo("deepl")).toHaveLength(2);
  });

  it("does not cache a garbled answer: lost placeholders fall through, and the next request asks again", async () => {
    const providers = fakeProviders();
    providers.reply("deepl", DEEPL_QUOTA_EXCEEDED);
    providers.loseLibrePlaceholders();
    const user = await createUser();
    const id = await postNote(user, fresh("我选择躺平"));
    const first = await translateNote(user, id);
    expect(first.body.engine.id).toBe("cedict-dictionary");
    expect(first.body.texts[0].translated).toContain("躺平");
    expect(providers.callsTo("libretranslate")).toHaveLength(1);
    await translateNote(user, id);
    expect(providers.callsTo("libretranslate")).toHaveLength(2);
  });

  it("opens DeepL's circuit after repeated failures, and tries it again after the pause", async () => {
    const providers = fakeProviders();
    providers.reply("deepl", DEEPL_UNAVAILABLE, DEEPL_UNAVAILABLE, DEEPL_UNAVAILABLE);
    const user = await createUser();
    const texts = ["我今天去夜市吃东西", "内卷太严重了", "我选择躺平", "好有烟火气", "今天又是打工人的一天"];
    const ids = [];
    for (const text of texts) ids.push(await postNote(user, fresh(text)));
    for (const id of ids.slice(0, 4)) expect((await translateNote(user, id)).body.engine.id).toBe("libretranslate");
    expect(providers.callsTo("deepl")).toHaveLength(3);
    vi.setSystemTime(Date.now() + (OPEN_SECONDS + 1) * 1000);
    expect((await translateNote(user, ids[4]!)).body.engine.id).toBe("deepl");
    expect(providers.callsTo("deepl")).toHaveLength(4);
  });

  it("skips LibreTranslate too when it errors, ending at the offline dictionary", async () => {
    const providers = fakeProviders();
    providers.reply("deepl", DEEPL_QUOTA_EXCEEDED);
    providers.reply("libretranslate", LIBRE_ERROR);
    const user = await createUser();
    const response = await translateNote(user, await postNote(user, fresh("我今天去夜市吃东西")));
    expect(response.body.engine).toMatchObject({ id: "cedict-dictionary", quality: expect.stringContaining("not a fluent translation") });
  });

  it("keeps the API key out of logs", async () => {
    const providers = fakeProviders();
    providers.reply("deepl", DEEPL_UNAVAILABLE);
    const logged: unknown[] = [];
    for (const level of ["log", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((...args) => void logged.push(...args));
    const user = await createUser();
    await translateNote(user, await postNote(user, fresh("我今天去夜市吃东西")));
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain(DEEPL_KEY);
    expect(providers.calls).toHaveLength(2);
  });
});

describe("the glossary through an engine that would mangle its terms", () => {
  it("keeps terms marked untranslated and uses curated renderings, whatever the engine would say", async () => {
    const providers = fakeProviders();
    const user = await createUser();
    const response = await translateNote(user, await postNote(user, fresh("内卷太严重了，我选择躺平。好有烟火气。")));
    const sent = providers.callsTo("deepl")[0]!.body.text.join(" ");
    expect(sent).not.toMatch(/躺平|内卷|烟火气/);
    const translated: string = response.body.texts[0].translated;
    expect(translated).not.toMatch(/lie flat|involution|smoke and fire/);
    expect(translated).toContain("躺平");
    expect(translated).toContain("the vibe of daily life");
    const lyingFlat = response.body.glossaryTerms.find((t: { term: string }) => t.term === "躺平");
    expect(lyingFlat).toMatchObject({ handling: "kept", rendering: null, explanation: { language: "en" } });
    const { start, end } = lyingFlat.occurrences[0];
    expect(translated.slice(start, end)).toBe("躺平");
  });

  it("re-translates when a glossary change changes what the engine sees, and applies new renderings without it", async () => {
    const providers = fakeProviders();
    const user = await createUser();
    const curator = await createUser();
    await env.DB.prepare("INSERT INTO staff_roles (user_id, role, granted_at) VALUES (?, 'curator', 0)").bind(curator.id).run();
    const id = await postNote(user, fresh("今天又是打工人的一天"));
    const terms = await api("GET", "/v1/glossary/terms?q=打工人");
    const termId = terms.body.items[0].id;

    expect((await translateNote(user, id)).body.texts[0].translated).toContain("working stiff");
    await api("DELETE", `/v1/glossary/terms/${termId}/decisions/en`, { token: curator.token });
    expect((await translateNote(user, id)).body.texts[0].translated).toContain("working person");
    expect(providers.callsTo("deepl")).toHaveLength(2);

    await api("PUT", `/v1/glossary/terms/${termId}/decisions/en`, { token: curator.token, body: { decision: "render", rendering: "wage slave" } });
    const renamed = await translateNote(user, id);
    expect(renamed.body.texts[0].translated).toContain("wage slave");
    expect(renamed.body.fromCache).toBe(true);
    expect(providers.callsTo("deepl")).toHaveLength(2);
  });
});

describe("Workers AI (m2m100), through its binding", () => {
  it("passes the source language, which m2m100 can't detect, and writes Traditional Chinese through OpenCC", async () => {
    const runs: unknown[] = [];
    const ai = { run: async (_model: string, input: unknown) => (runs.push(input), { translated_text: "这只猫好可爱" }) } as unknown as Ai;
    const engine = workersAi(ai);
    const [translated] = await engine.translate(["This cat is so cute"], "en", "zh-Hant", AbortSignal.timeout(1000));
    expect(runs).toEqual([{ text: "This cat is so cute", source_lang: "en", target_lang: "zh" }]);
    expect(translated).toBe("這隻貓好可愛");
  });

  it("falls through and rests behind the circuit breaker when the binding keeps failing", async () => {
    let runs = 0;
    const ai = { run: async () => (runs++, Promise.reject(new Error("AiError: 5007: upstream timed out"))) } as unknown as Ai;
    const engines = [workersAi(ai), cedictDictionary];
    const request = { kv: env.TRANSLATIONS, engines, source: "en", target: "zh-Hans", timeoutMs: 1000, beforeEngineCall: async () => {}, waitUntil: () => {} };
    for (let i = 0; i < 6; i++) {
      const result = await translateWithChain({ ...request, segments: [`my cat number ${i}`] });
      expect(result.engine.id).toBe("cedict-dictionary");
    }
    // Three failures open the circuit: later requests don't call the failing binding at all.
    expect(runs).toBe(3);
  });
});

describe("live threads, through the same engines", () => {
  it("ask the engine once per comment and language, however many watch in that language", async () => {
    const providers = fakeProviders();
    const [author, fan] = await createUsers(2);
    const note = await createNote(author!);
    const readers = await Promise.all([0, 1, 2].map(() => watchReady(note.id, { language: "en" })));
    const text = fresh("我今天去夜市");
    await comment(fan!, note.id, text);
    for (const { watcher } of readers) {
      const live = await watcher.waitFor((m) => m.comment?.body === text);
      expect(live.comment.translation).toEqual({ language: "en", status: "translated", body: `I today go to the night market ${sentenceNumber}` });
    }
    expect(providers.callsTo("deepl")).toHaveLength(1);
  });
});
