/*
 * DeepL and LibreTranslate as their HTTP APIs answer, at the fetch boundary: the
 * worker's real client code builds and sends the requests, these read them and
 * reply in the services' documented shapes, including their error responses.
 * Their "translation" is a small word table, enough to tell what went through.
 */
import { vi } from "vitest";

export const DEEPL_KEY = "test-deepl-key:fx";

const WORDS: Record<string, string> = {
  我: "I ",
  今天: "today ",
  去: "go to the ",
  夜市: "night market",
  吃东西: " to eat",
  躺平: "lie flat",
  内卷: "involution",
  烟火气: "smoke and fire",
  太严重了: " is too serious",
  我选择: "I choose ",
  好有: "so full of ",
  打工人: "working person",
  今天又是: "today is another ",
  的一天: " day",
  "，": ", ",
  "。": ". ",
  hola: "hello",
  amigos: "friends",
};

/** Word-table translation that, like a real engine, leaves markup it doesn't know alone. */
export function fakeTranslate(text: string): string {
  let out = text;
  for (const [from, to] of Object.entries(WORDS).sort((a, b) => b[0].length - a[0].length)) out = out.replaceAll(from, to);
  return out.trim();
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> } | "timeout" | "ok";
type Call = { service: "deepl" | "libretranslate"; url: string; headers: Headers; body: any };

export function fakeProviders() {
  const calls: Call[] = [];
  const next: Record<Call["service"], Reply[]> = { deepl: [], libretranslate: [] };
  let dropPlaceholders = false;

  const respond = async (reply: Reply, answer: () => unknown, signal?: AbortSignal | null) => {
    if (reply === "timeout") {
      return new Promise<Response>((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
    }
    if (reply !== "ok") return Response.json(reply.body, { status: reply.status, headers: reply.headers });
    return Response.json(answer());
  };

  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = (await request.json().catch(() => null)) as { text: string[]; q: string[] };
    if (url.origin === "https://api-free.deepl.com" && url.pathname === "/v2/translate") {
      calls.push({ service: "deepl", url: request.url, headers: request.headers, body });
      const reply = next.deepl.shift() ?? "ok";
      if (request.headers.get("Authorization") !== `DeepL-Auth-Key ${DEEPL_KEY}`) {
        return Response.json({ message: "Wrong auth key" }, { status: 403 });
      }
      return respond(reply, () => ({
        translations: (body.text as string[]).map((text) => ({ detected_source_language: "ZH", text: fakeTranslate(text) })),
      }), init?.signal);
    }
    if (url.origin === "https://libretranslate.test" && url.pathname === "/translate") {
      calls.push({ service: "libretranslate", url: request.url, headers: request.headers, body });
      const reply = next.libretranslate.shift() ?? "ok";
      return respond(reply, () => ({
        translatedText: (body.q as string[]).map((text) => {
          const translated = fakeTranslate(text);
          return dropPlaceholders ? translated.replace(/⟦\d+⟧/g, "") : translated;
        }),
      }), init?.signal);
    }
    throw new TypeError(`Network connection lost (no fake for ${request.url})`);
  });

  return {
    spy,
    calls,
    /** Calls to one service so far. */
    callsTo: (service: Call["service"]) => calls.filter((c) => c.service === service),
    /** Queues the next replies of a service; afterwards it answers normally. */
    reply: (service: Call["service"], ...replies: Reply[]) => next[service].push(...replies),
    /** LibreTranslate starts losing the placeholders it was given, as a careless engine would. */
    loseLibrePlaceholders: () => (dropPlaceholders = true),
  };
}

export const DEEPL_QUOTA_EXCEEDED: Reply = { status: 456, body: { message: "Quota Exceeded" } };
export const DEEPL_TOO_MANY: Reply = { status: 429, body: { message: "Too many requests" }, headers: { "Retry-After": "5" } };
export const DEEPL_UNAVAILABLE: Reply = { status: 503, body: { message: "Service unavailable" } };
export const LIBRE_TOO_MANY: Reply = { status: 429, body: { error: "Too many request limits violation" } };
export const LIBRE_ERROR: Reply = { status: 500, body: { error: "Cannot translate text: internal error" } };
