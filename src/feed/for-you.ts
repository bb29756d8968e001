import type { Db } from "../db/client";
import { DAY_MS } from "../lib/time";
import { presentNote } from "../notes/view";
import { type FeedMode, type ForYouCursor, MAX_SERVED, encodeForYouCursor, servedKey } from "./cursor";
import { isValidTimeZone } from "../lib/time-zone";
import { isFriday, localDay } from "./friday";
import { type Reader, randomPage, rankPage, readsLanguage } from "./ranking";
import { type ReaderContext, candidatePool, readerContext } from "./store";
import type { ImageQuality } from "../media/view";

/** Random modes draw from the pool's newest notes, at most this old. */
const RANDOM_WINDOW_MS = 7 * DAY_MS;
const DEFAULT_OTHER_LANGUAGE_SHARE = 0.25;

export type ForYouRequest = {
  viewerId: string | null;
  now: number;
  limit: number;
  cursor: ForYouCursor | null;
  requestedMode: "auto" | "ranked" | "random";
  /** From the request, for signed-out readers and readers without a zone in their profile. */
  request: { country: string | null; timeZone: string | null; languages: string[] };
  poolTtlMs: number;
  imageQuality: ImageQuality;
};

const randomSeed = () => crypto.getRandomValues(new Uint32Array(2)).join("-");

function chooseMode(request: ForYouRequest, randomFridays: boolean, timeZone: string): FeedMode {
  if (request.requestedMode === "random") return "random";
  if (request.requestedMode === "ranked" || !randomFridays) return "ranked";
  return isFriday(request.now, timeZone) ? "friday" : "ranked";
}

/**
 * One for-you page. D1 sees one batch per page (the reader's context and which
 * pool notes they may see), plus the shared candidate pool when this isolate's
 * copy is older than `poolTtlMs`.
 */
export async function forYouPage(db: Db, request: ForYouRequest) {
  const pool = await candidatePool(db, request.poolTtlMs);
  const context = await readerContext(db, request.viewerId, [...pool.notes.keys()]);
  const session = request.cursor ?? startSession(request, context.profile);
  const candidates = pool.candidates.filter(
    (c) =>
      !context.unseen.has(c.id) &&
      c.authorId !== request.viewerId &&
      c.createdAt <= session.snapshot &&
      (session.mode === "ranked" || (pool.newest.has(c.id) && c.createdAt > session.snapshot - RANDOM_WINDOW_MS)),
  );
  const served = new Set(session.served);
  const servedIds = new Set(candidates.filter((c) => served.has(servedKey(c.id))).map((c) => c.id));
  const reader = readerOf(request, context);
  const pageRequest = {
    candidates,
    reader,
    seed: session.seed,
    served: servedIds,
    limit: Math.min(request.limit, MAX_SERVED - served.size),
  };
  const picks = session.mode === "ranked" ? rankPage({ ...pageRequest, now: request.now }) : randomPage(pageRequest);

  const items = picks.flatMap(({ id, reasons }) => {
    const entry = pool.notes.get(id);
    if (!entry) return [];
    const viewerState = request.viewerId ? (context.reactions.get(id) ?? { liked: false, collected: false }) : null;
    const author = { id: entry.note.authorId, nickname: entry.nickname };
    // One click to read it: notes in a language the reader doesn't read link their translation.
    const translation = readsLanguage(reader, entry.note.language)
      ? null
      : `/v1/notes/${id}/translation?to=${encodeURIComponent(reader.languages[0] ?? "en")}`;
    return [{ ...presentNote(entry.note, author, entry.topics, viewerState, request.imageQuality), reasons, translation }];
  });
  const nowServed = [...session.served, ...items.map((item) => servedKey(item.id))];
  const left = candidates.length - servedIds.size - items.length;
  const more = items.length > 0 && left > 0 && nowServed.length < MAX_SERVED;
  return {
    mode: session.mode,
    items,
    nextCursor: more ? encodeForYouCursor({ ...session, served: nowServed }) : null,
  };
}

/** A new session: its mode from the reader's calendar and choice, its seed, and its snapshot time. */
function startSession(request: ForYouRequest, profile: ReaderContext["profile"]): ForYouCursor {
  const zone = [profile?.timeZone, request.request.timeZone].find((z) => z && isValidTimeZone(z)) ?? "UTC";
  const mode = chooseMode(request, profile?.randomFridays ?? true, zone);
  // Random modes are seeded per reader and local day, so the shuffle is the same all day.
  const seed = mode !== "ranked" && request.viewerId ? `${request.viewerId}:${localDay(request.now, zone).date}` : randomSeed();
  return { mode, seed, snapshot: request.now, served: [] };
}

function readerOf(request: ForYouRequest, { profile, affinity }: ReaderContext): Reader {
  return {
    id: request.viewerId,
    languages: profile?.languages ?? request.request.languages,
    country: profile?.ipCountry ?? request.request.country,
    affinity,
    otherLanguageShare: profile ? profile.otherLanguagePercent / 100 : DEFAULT_OTHER_LANGUAGE_SHARE,
  };
}
