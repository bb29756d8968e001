import { describe, expect, it } from "vitest";
import { ApiError, errorBody } from "../src/lib/errors";
import { LOCALES, catalogues, negotiateLocale, render, t } from "../src/lib/i18n";
import { en } from "../src/lib/i18n/messages/en";
import { api, createUser, expectError, uniqueIp, uniquePhone } from "./helpers";
import { Watcher, upgrade } from "./live-helpers";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const MISSING_NOTE = "/v1/notes/01JH7Z3V6N1Q2M8W4K5T9R0XYZ";

describe("message catalogues", () => {
  it("every language has every English key, with the same placeholders, and nothing else", () => {
    const keys = Object.keys(en).sort();
    for (const locale of LOCALES) {
      const catalogue: Record<string, string> = catalogues[locale];
      expect(Object.keys(catalogue).sort(), `${locale}: keys`).toEqual(keys);
      for (const key of keys) {
        expect(catalogue[key]!.trim().length, `${locale} ${key}`).toBeGreaterThan(0);
        expect(placeholders(catalogue[key]!), `${locale} ${key}: placeholders`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it("picks the reader's language from Accept-Language, Chinese by script, English when nothing fits", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-Hans");
    expect(negotiateLocale("zh-TW")).toBe("zh-Hant");
    expect(negotiateLocale("zh-Hant-HK")).toBe("zh-Hant");
    expect(negotiateLocale("fr-FR, pt-BR;q=0.7, es;q=0.9")).toBe("es");
    expect(negotiateLocale("fr, de")).toBe("en");
    expect(negotiateLocale("es;q=0, pt")).toBe("pt");
  });

  it("renders parameters, and shows a plain string as written in every language", () => {
    expect(render(t("notes.tooManyTopics", { max: 20 }), "zh-Hans")).toBe("一篇笔记最多只能有 20 个话题");
    const plain = new ApiError("conflict", "A message nobody has translated yet");
    for (const locale of LOCALES) expect(errorBody(plain, "r", locale).error.message).toBe("A message nobody has translated yet");
    expect(new ApiError("not_found", t("notes.notFound")).message).toBe("No note with this id");
  });
});

describe("answers in the reader's language", () => {
  it("errors speak the reader's language, with the same code, and say which language in Content-Language", async () => {
    const messages = new Map<string, string>();
    for (const [header, locale] of [
      [undefined, "en"],
      ["zh-CN", "zh-Hans"],
      ["zh-TW", "zh-Hant"],
      ["es-MX", "es"],
      ["pt-BR", "pt"],
      ["fr", "en"],
    ] as const) {
      const response = await api("GET", MISSING_NOTE, { headers: header ? { "Accept-Language": header } : {} });
      const error = expectError(response, 404, "not_found");
      expect(response.headers.get("Content-Language")).toBe(locale);
      expect(response.headers.get("Vary")).toContain("Accept-Language");
      expect(error.message).toBe(render(t("notes.notFound"), locale));
      messages.set(locale, error.message);
    }
    expect(messages.get("zh-Hans")).toBe("没有这个 ID 的笔记");
    expect(messages.get("zh-Hant")).toBe("沒有這個 ID 的筆記");
    expect(new Set(messages.values()).size).toBe(5);
  });

  it("validation errors keep field names and translate what the API and zod wrote", async () => {
    const response = await api("POST", "/v1/users", {
      body: { phone: uniquePhone(), region: "CN", password: "correct horse battery", nickname: "Lili", languages: [] },
      headers: { "CF-Connecting-IP": uniqueIp(), "Accept-Language": "zh-Hans" },
    });
    const error = expectError(response, 400, "validation_failed");
    expect(error.message).toBe("请求体中的字段无效：languages");
    expect(error.details).toEqual([{ field: "languages", location: "body", message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
    const english = expectError(
      await api("POST", "/v1/users", {
        body: { phone: uniquePhone(), region: "CN", password: "correct horse battery", nickname: "Lili", languages: [] },
        headers: { "CF-Connecting-IP": uniqueIp() },
      }),
      400,
      "validation_failed",
    );
    expect(english.details![0]!.message).toMatch(/^Too small/);
  });

  it("messages our schemas wrote are translated from the catalogue, with their numbers", async () => {
    const response = await api("POST", "/v1/users", {
      body: { phone: uniquePhone(), region: "CN", password: "short", nickname: "a\u200Bb", languages: ["en", "en"] },
      headers: { "CF-Connecting-IP": uniqueIp(), "Accept-Language": "zh-Hans" },
    });
    const error = expectError(response, 400, "validation_failed");
    const byField = Object.fromEntries(error.details!.map((d) => [d.field, d.message]));
    expect(byField).toEqual({ password: "至少 8 个字符", nickname: "包含控制字符或不可见字符", languages: "语言不能重复" });
  });

  it("refusals written by handlers and by Durable Objects are translated too", async () => {
    const owner = await createUser();
    const note = await api("POST", "/v1/notes", { token: owner.token, body: { title: "Lili", body: "#cattax" } });
    const own = await api("POST", `/v1/notes/${note.body.id}/cat-tax-receipts`, {
      token: owner.token,
      headers: { "Accept-Language": "pt-BR" },
    });
    expect(expectError(own, 403, "forbidden").message).toBe("O imposto felino é pago ao dono do gato: você não pode carimbar a sua própria nota");
    const signedOut = await api("POST", "/v1/notes", { body: { title: "x" }, headers: { "Accept-Language": "es" } });
    expect(expectError(signedOut, 401, "unauthorized").message).toBe("Inicia sesión para hacer esto: envía Authorization: Bearer <token>");
    const malformed = await api("POST", "/v1/notes", {
      token: owner.token,
      rawBody: "{not json",
      headers: { "Content-Type": "application/json", "Accept-Language": "zh-TW" },
    });
    expect(expectError(malformed, 400, "bad_request").message).toBe("請求體不是格式正確的 JSON");
  });

  it("successful answers carry Content-Language as well", async () => {
    const response = await api("GET", "/health", { headers: { "Accept-Language": "zh-Hant" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Language")).toBe("zh-Hant");
  });
});

describe("texts the API writes in answers", () => {
  it("an engine's quality note and the language names follow Accept-Language", async () => {
    const author = await createUser();
    const note = await api("POST", "/v1/notes", { token: author.token, body: { title: "猫很可爱" } });
    const translated = await api("GET", `/v1/notes/${note.body.id}/translation?to=en`, { headers: { "Accept-Language": "zh-Hans" } });
    expect(translated.status).toBe(200);
    expect(translated.body.engine).toMatchObject({ id: "cedict-dictionary", quality: render(t("engine.cedict-dictionary"), "zh-Hans") });
    const english = await api("GET", `/v1/notes/${note.body.id}/translation?to=en`);
    expect(english.body.engine.quality).toBe(en["engine.cedict-dictionary"]);

    const languages = await api("GET", "/v1/translation/languages", { headers: { "Accept-Language": "es" } });
    const names = Object.fromEntries(languages.body.languages.map((l: { tag: string; name: string }) => [l.tag, l.name]));
    expect(names.en).toMatch(/^inglés$/i);
    const inEnglish = await api("GET", "/v1/translation/languages");
    expect(inEnglish.body.languages.find((l: { tag: string }) => l.tag === "zh-Hant").name).toBe("Chinese (Traditional)");
  });
});

describe("the merged features' errors", () => {
  it("a blocked follow and an exhausted sign-up budget speak the reader's language, with the numbers filled in", async () => {
    const [blocker, blocked] = [await createUser(), await createUser()];
    expect((await api("PUT", `/v1/users/${blocked.id}/block`, { token: blocker.token })).status).toBeLessThan(300);
    const follow = await api("PUT", `/v1/users/${blocker.id}/follow`, { token: blocked.token, headers: { "Accept-Language": "es" } });
    expect(expectError(follow, 403, "forbidden").message).toBe("No puedes seguir a esta persona: uno de los dos ha bloqueado al otro");

    const ip = uniqueIp();
    const signUp = (headers: Record<string, string> = {}) =>
      api("POST", "/v1/users", {
        body: { phone: uniquePhone(), region: "CN", password: "correct horse battery", nickname: "momo", languages: ["zh-Hans"] },
        headers: { "CF-Connecting-IP": ip, ...headers },
      });
    for (let i = 0; i < 10; i++) expect((await signUp()).status).toBe(201);
    const refused = await signUp({ "Accept-Language": "zh-CN" });
    const error = expectError(refused, 429, "rate_limited");
    expect(error.message).toMatch(/^注册次数过多：上限为每 60 秒 10 次（signup-ip）；请在 \d+ 秒后重试$/);
    expect(error.message).toContain(`${refused.headers.get("Retry-After")} 秒`);
  });
});

describe("live threads", () => {
  it("a socket's error events speak the language its upgrade asked for", async () => {
    const author = await createUser();
    const note = await api("POST", "/v1/notes", { token: author.token, body: { title: "Lili" } });
    const response = await upgrade(note.body.id, "", { "Accept-Language": "zh-TW" });
    expect(response.status).toBe(101);
    const socket = response.webSocket!;
    socket.accept();
    const watcher = new Watcher(socket);
    await watcher.waitFor((m) => m.type === "ready");
    watcher.send({ type: "comment", ref: "c1", body: "好可愛" });
    const refused = await watcher.waitFor((m) => m.type === "error");
    expect(refused).toMatchObject({ ref: "c1", error: { code: "unauthorized", message: "發表評論前請先傳送 {\"type\":\"auth\",\"token\":\"…\"}" } });
    watcher.close();
  });
});
