import type { IpRegion } from "../lib/ip-region";

/** What the worker has checked about a viewer's upgrade request, handed to the note's thread. */
export type Connection = { noteId: string; after?: number; language?: string; ip: IpRegion };

const THREAD_URL = "https://note-thread/connect";

export function connectRequest({ noteId, after, language, ip }: Connection): Request {
  const url = new URL(THREAD_URL);
  url.searchParams.set("note", noteId);
  if (after !== undefined) url.searchParams.set("after", String(after));
  if (language) url.searchParams.set("language", language);
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
    ip: { country: params.get("country"), region: params.get("region") },
  };
}
