import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { type TestUser, api, createUser, expectError } from "./helpers";

async function postNote(user: TestUser, note: Record<string, unknown>) {
  const response = await api("POST", "/v1/notes", { token: user.token, body: note });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

const translate = (user: TestUser, path: string) => api("GET", path, { token: user.token });

describe("translating a note offline, with the CC-CEDICT dictionary engine", () => {
  it("translates title, body and image descriptions, naming the engine and its quality", async () => {
    const user = await createUser();
    const id = await postNote(user, {
      title: "我的后院",
      body: "我今天去夜市吃东西。",
      media: [{ type: "image", url: "https://media.notebridge.app/cactus.jpg", width: 1080, height: 1440, alt: "我的猫" }],
    });
    const response = await translate(user, `/v1/notes/${id}/translation?to=en`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      source: { type: "note", id },
      sourceLanguage: "zh-Hans",
      targetLanguage: "en",
      outcome: "translated",
      engine: { id: "cedict-dictionary", quality: expect.stringContaining("not a fluent translation") },
      fromCache: false,
    });
    expect(response.body.texts).toEqual([
      { field: "title", original: "我的后院", translated: "My back courtyard", reading: null },
      { field: "body", original: "我今天去夜市吃东西。", translated: "I today go night market eat thing.", reading: null },
      { field: "media.0.alt", original: "我的猫", translated: "My cat", reading: null },
    ]);
    // The snippets land in KV (written after the response), not only in this isolate's memory.
    await vi.waitFor(async () => {
      const stored = await env.TRANSLATIONS.list({ prefix: "snippet:v1:" });
      const values = await Promise.all(stored.keys.map((key) => env.TRANSLATIONS.get(key.name)));
      expect(values).toEqual(expect.arrayContaining(["My back courtyard", "I today go night market eat thing.", "My cat"]));
    });
    const again = await translate(user, `/v1/notes/${id}/translation?to=en`);
    expect(again.body.fromCache).toBe(true);
    expect(again.body.texts).toEqual(response.body.texts);
  });

  it("glosses English into Chinese, in either script", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "This is my backyard, welcome Chinese friends!" });
    const simplified = await translate(user, `/v1/notes/${id}/translation?to=zh-Hans`);
    expect(simplified.body.texts[0].translated).toBe("这是我的后院，欢迎中文朋友！");
    const traditional = await translate(user, `/v1/notes/${id}/translation?to=zh-TW`);
    expect(traditional.body.targetLanguage).toBe("zh-Hant");
    expect(traditional.body.texts[0].translated).toBe("這是我的後院，歡迎中文朋友！");
  });

  it("leaves sentences already in the reader's language alone in a bilingual note", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "我们明天去夜市。 I love night markets!" });
    const response = await translate(user, `/v1/notes/${id}/translation?to=en`);
    expect(response.body.texts[0].translated).toBe("We tomorrow go night market. I love night markets!");
    expect(response.body.segments).toEqual({ total: 2, translated: 1, fromCache: 0 });
  });

  it("translates each half of a sentence that switches language mid-way", async () => {
    const user = await createUser();
    const id = await postNote(user, { title: "猫税收据 🧾 Cat tax receipts for all new friends", body: "My cat Lili says 你好 to everyone" });
    const english = await translate(user, `/v1/notes/${id}/translation?to=en`);
    const [title, body] = english.body.texts;
    expect(title.translated).toMatch(/^Cat tax receipt 🧾 Cat tax receipts for all new friends$/i);
    expect(body.translated).toBe("My cat Lili says Hello to everyone");
  });

  it("translates notes whose author chose a regional tag, and leaves alone sentences no engine here reads", async () => {
    const user = await createUser();
    const regional = await postNote(user, { body: "I love my cat.", language: "en-US" });
    const toChinese = await translate(user, `/v1/notes/${regional}/translation?to=zh-Hans`);
    expect(toChinese.status).toBe(200);
    expect(toChinese.body.texts[0].translated).toMatch(/猫/);
    expect((await translate(user, `/v1/notes/${regional}/translation?to=en`)).body.outcome).toBe("unchanged_same_language");
    const mixed = await postNote(user, { body: "谢谢大家！Muchas gracias amigos." });
    const english = await translate(user, `/v1/notes/${mixed}/translation?to=en`);
    expect(english.status).toBe(200);
    expect(english.body.texts[0].translated).toMatch(/^Thank .+ Muchas gracias amigos\.$/i);
  });

  it("puts a space between Chinese sentences once they are in English", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "我的猫很可爱。我们明天去夜市。" });
    const response = await translate(user, `/v1/notes/${id}/translation?to=en`);
    expect(response.body.texts[0].translated).toMatch(/^My cat .+\. We tomorrow go night market\.$/);
  });

  it("translates comments too", async () => {
    const user = await createUser();
    const noteId = await postNote(user, { body: "Lili 🐱" });
    const comment = await api("POST", `/v1/notes/${noteId}/comments`, { token: user.token, body: { body: "好可爱的猫" } });
    const response = await translate(user, `/v1/comments/${comment.body.id}/translation?to=en`);
    expect(response.body).toMatchObject({ source: { type: "comment" }, outcome: "translated", texts: [{ field: "body", translated: expect.stringContaining("cat") }] });
  });
});

describe("text that needs no engine", () => {
  it("returns text already in the target language unchanged, marked as such", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "My cat Lili pays her cat tax 🐱" });
    const response = await translate(user, `/v1/notes/${id}/translation?to=en`);
    expect(response.body).toMatchObject({ outcome: "unchanged_same_language", engine: null, texts: [{ translated: "My cat Lili pays her cat tax 🐱" }] });
  });

  it("follows the author's correction of the note's language", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "yyds 🐱" });
    expect((await translate(user, `/v1/notes/${id}/translation?to=en`)).body).toMatchObject({ sourceLanguage: "zh-Hans", outcome: "translated" });
    await api("PATCH", `/v1/notes/${id}`, { token: user.token, body: { language: "en" } });
    const corrected = await translate(user, `/v1/notes/${id}/translation?to=en`);
    expect(corrected.body).toMatchObject({ sourceLanguage: "en", outcome: "unchanged_same_language", texts: [{ translated: "yyds 🐱" }] });
  });

  it("returns emoji, numbers and links unchanged, marked as having no language", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "🐱🐱🐱 666 https://www.xiaohongshu.com/explore/1" });
    const response = await translate(user, `/v1/notes/${id}/translation?to=zh-Hans`);
    expect(response.body).toMatchObject({ sourceLanguage: "und", outcome: "unchanged_no_language", engine: null });
  });

  it("converts Simplified to Traditional Chinese and back with OpenCC, not an engine", async () => {
    const user = await createUser();
    const simplified = await postNote(user, { body: "这只猫好可爱，欢迎来到台湾" });
    const toTraditional = await translate(user, `/v1/notes/${simplified}/translation?to=zh-Hant`);
    expect(toTraditional.body).toMatchObject({ outcome: "converted", engine: null, texts: [{ translated: "這隻貓好可愛，歡迎來到臺灣" }] });
    const traditional = await postNote(user, { body: "這隻貓好可愛，我們都是薯友" });
    const toSimplified = await translate(user, `/v1/notes/${traditional}/translation?to=zh-Hans`);
    expect(toSimplified.body).toMatchObject({ sourceLanguage: "zh-Hant", outcome: "converted", texts: [{ translated: "这只猫好可爱，我们都是薯友" }] });
  });
});

describe("the cultural glossary in translations", () => {
  it("keeps slang untranslated, marked, with the best explanation and a link to its entry", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "内卷太严重了，我选择躺平" });
    const response = await translate(user, `/v1/notes/${id}/translation?to=en`);
    const translated: string = response.body.texts[0].translated;
    const terms = response.body.glossaryTerms;
    expect(terms.map((t: { term: string }) => t.term).sort()).toEqual(["内卷", "躺平"]);
    for (const term of terms) {
      expect(term).toMatchObject({ handling: "kept", rendering: null, url: `/v1/glossary/terms/${term.id}`, explanation: { language: "en", body: expect.any(String) } });
      const [{ start, end }] = term.occurrences;
      expect(translated.slice(start, end)).toBe(term.term);
    }
    expect((await api("GET", terms[0].url)).status).toBe(200);
  });

  it("uses curated renderings, in both directions", async () => {
    const user = await createUser();
    const chinese = await postNote(user, { body: "好有烟火气" });
    const toEnglish = await translate(user, `/v1/notes/${chinese}/translation?to=en`);
    expect(toEnglish.body.texts[0].translated).toContain("the vibe of daily life");
    expect(toEnglish.body.glossaryTerms[0]).toMatchObject({ term: "烟火气", handling: "rendered", rendering: "the vibe of daily life" });
    const english = await postNote(user, { body: "Here is my cat tax" });
    const toChinese = await translate(user, `/v1/notes/${english}/translation?to=zh-Hant`);
    expect(toChinese.body.texts[0].translated).toContain("貓稅");
    expect(toChinese.body.glossaryTerms[0].explanation.language).toBe("zh-Hans");
  });
});

describe("the pinyin reading aid", () => {
  it("reads the Chinese original word by word, with tones", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "这是我的后院 🌵" });
    const response = await translate(user, `/v1/notes/${id}/translation?to=en&pinyin=true`);
    const reading = response.body.texts[0].reading;
    expect(reading).toContainEqual({ text: "我的", pinyin: "wǒ de" });
    expect(reading.map((w: { text: string }) => w.text).join("")).toBe("这是我的后院 🌵");
  });

  it("reads the Chinese translation when the original is English", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "Welcome friends" });
    const response = await translate(user, `/v1/notes/${id}/translation?to=zh-Hans&pinyin=true`);
    expect(response.body.texts[0].reading).toEqual([
      { text: "欢迎", pinyin: "huān yíng" },
      { text: "朋友", pinyin: "péng yǒu" },
    ]);
  });
});

describe("requests that can't be served", () => {
  it("lists the supported languages when the target is unsupported or malformed", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "我的猫" });
    for (const to of ["tlh", "not a language!", ""]) {
      const error = expectError(await translate(user, `/v1/notes/${id}/translation?to=${encodeURIComponent(to)}`), 400, "validation_failed");
      expect(error.details![0]).toMatchObject({ field: "to", location: "query", message: expect.stringContaining("en, zh-Hans, zh-Hant") });
    }
  });

  it("says which pairs exist when the source can't reach the target", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "Hola amigos, mi gato se llama Lili" });
    const error = expectError(await translate(user, `/v1/notes/${id}/translation?to=en`), 400, "validation_failed");
    expect(error.details![0]!.field).toBe("to");
  });

  it("works for readers who aren't signed in, and needs an existing note or comment", async () => {
    const user = await createUser();
    const id = await postNote(user, { body: "我的猫" });
    const anonymous = await api("GET", `/v1/notes/${id}/translation?to=en`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.texts[0].translated).toMatch(/cat/i);
    expectError(await translate(user, "/v1/notes/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/translation?to=en"), 404, "not_found");
    expectError(await translate(user, "/v1/comments/01JH7Z3V6N1Q2M8W4K5T9R0XYZ/translation?to=en"), 404, "not_found");
  });

  // The limiter counts in fixed one-minute windows: a run that crosses a window
  // boundary may get up to twice the limit before its first 429.
  it("limits each person's engine translations, with a clear 429; cached ones stay free", async () => {
    const [user, commenter] = [await createUser(), await createUser()];
    const noteId = await postNote(user, { body: "Lili 🐱" });
    const paths: string[] = [];
    let last;
    for (let i = 0; i < 121; i++) {
      // Two commenters, so the write limit (120 a minute) isn't what stops us.
      const author = i % 2 ? commenter : user;
      const comment = await api("POST", `/v1/notes/${noteId}/comments`, { token: author.token, body: { body: `我的猫${i}号` } });
      paths.push(`/v1/comments/${comment.body.id}/translation?to=en`);
      last = await translate(user, paths.at(-1)!);
      if (last.status === 429) break;
    }
    expect(paths.length).toBeGreaterThan(60);
    const error = expectError(last!, 429, "rate_limited");
    expect(error.message).toMatch(/try again/);
    // Exactly the seconds left in the budget's one-minute window, in the header and the envelope.
    const retryAfter = Number(last!.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last!.body.error.retryAfter).toBe(retryAfter);
    expect((await translate(user, paths[0]!)).status).toBe(200);
  });

  it("limits engine translations per address for readers who aren't signed in", async () => {
    const [user, commenter] = [await createUser(), await createUser()];
    const noteId = await postNote(user, { body: "Lili 🐱" });
    const headers = { "CF-Connecting-IP": "198.51.100.7" };
    let last;
    for (let i = 0; i < 121; i++) {
      const author = i % 2 ? commenter : user;
      const comment = await api("POST", `/v1/notes/${noteId}/comments`, { token: author.token, body: { body: `我的狗${i}号` } });
      last = await api("GET", `/v1/comments/${comment.body.id}/translation?to=en`, { headers });
      if (last.status === 429) break;
    }
    expectError(last!, 429, "rate_limited");
    // Another address, or the same comment for a signed-in reader, is unaffected.
    expect((await api("GET", `/v1/notes/${noteId}/translation?to=en`, { headers: { "CF-Connecting-IP": "198.51.100.8" } })).status).toBe(200);
  });
});

describe("GET /v1/translation/languages", () => {
  it("lists languages and the pairs this deployment supports, with how", async () => {
    const response = await api("GET", "/v1/translation/languages");
    expect(response.status).toBe(200);
    expect(response.body.languages).toContainEqual({ tag: "zh-Hant", name: "Chinese (Traditional)" });
    expect(response.body.pairs).toEqual(
      expect.arrayContaining([
        { source: "zh-Hans", target: "en", via: ["cedict-dictionary"] },
        { source: "en", target: "zh-Hant", via: ["cedict-dictionary"] },
        { source: "zh-Hans", target: "zh-Hant", via: ["opencc"] },
      ]),
    );
    expect(response.body.pairs).not.toContainEqual(expect.objectContaining({ source: "es", target: "en" }));
  });
});

describe("the API document", () => {
  it("describes the translation and glossary routes with their errors", async () => {
    const doc = (await api("GET", "/openapi.json")).body;
    const translation = doc.paths["/v1/notes/{id}/translation"].get;
    expect(Object.keys(translation.responses)).toEqual(expect.arrayContaining(["200", "400", "404", "429", "503"]));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/v1/comments/{id}/translation",
        "/v1/translation/languages",
        "/v1/glossary/terms",
        "/v1/glossary/terms/{id}",
        "/v1/glossary/terms/{id}/decisions/{language}",
        "/v1/glossary/terms/{id}/explanations",
        "/v1/glossary/explanations/{id}",
        "/v1/glossary/explanations/{id}/vote",
      ]),
    );
  });
});
