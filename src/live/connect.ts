import { type Locale, LOCALES } from "../lib/i18n";
import type { IpRegion } from "../lib/ip-region";

/** What the worker has checked about a viewer's upgrade request, handed to the note's thread. */
export type Connection = { noteId: string; after?: number; language?: string; locale?: Locale; ip: IpRegion };

const THREAD_URL = "https://note-thread/connect";

export function connectRequest({ noteId, after, language, locale, ip }: Connection): Request {
  const url = new URL(THREAD_URL);
  url.searchParams.set("note", noteId);
  if (after !== undefined) url.searchParams.set("after", String(after));
  if (language) url.searchParams.set("language", language);
  if (locale) url.searchParams.set("locale", locale);
  if (ip.country) url.searchParams.set("country", ip.country);
  if (ip.region) url.searchParams.set("region", ip.region);
  return new Request(url, { headers: { Upgrade: "websocket" } });
}

export function readConnectRequest(request: Request): Connection {
  const params = new URL(request.url).searchParams;
  const after = params.get("after");
  return {
    noteId: params.get("note") ?? "",
    after: after === null ? undefined : Number(after),
    language: params.get("language") ?? undefined,
    locale: LOCALES.find((locale) => locale === params.get("locale")) ?? "en",
    ip: { country: params.get("country"), region: params.get("region") },
  };
}
