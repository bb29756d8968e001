import type { Context } from "hono";
import type { AppEnv } from "../env";
import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { recordImpressions } from "../lib/impressions";
import { requestIpRegion } from "../lib/ip-region";
import { decodeCursor, encodeCursor } from "../lib/pagination";
import { clientIp } from "../lib/rate-limit";
import { createRouter } from "../lib/router";
import { type ImageQuality, readerImageQuality } from "../media/view";
import { presentNote } from "../notes/view";
import { requestNow, requestTimeZone } from "./clock";
import { decodeForYouCursor } from "./cursor";
import { forYouPage } from "./for-you";
import { listFeedFollowingRoute, listFeedForYouRoute, listFeedNearbyRoute } from "./routes";
import { type FeedNote, followingPage, nearbyPage } from "./store";
import { t } from "../lib/i18n";

const present = (entry: FeedNote, viewerId: string | null, imageQuality: ImageQuality) =>
  presentNote(
    entry.note,
    { id: entry.note.authorId, nickname: entry.nickname },
    entry.topics,
    viewerId ? { liked: entry.liked, collected: entry.collected } : null,
    imageQuality,
  );

/** Languages of a signed-out reader: `Accept-Language`, else English. */
function acceptedLanguages(c: Context<AppEnv>): string[] {
  const header = c.req.header("Accept-Language") ?? "";
  const tags = header
    .split(",")
    .map((part) => part.split(";")[0]!.trim())
    .filter((tag) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag))
    .slice(0, 5);
  return tags.length ? tags : ["en"];
}

/** Counts what was served, after the answer, in the reader's impression shard. */
function countImpressions(c: Context<AppEnv>, ids: string[]) {
  recordImpressions(c.env, (p) => c.executionCtx.waitUntil(p), c.var.viewer?.id ?? `ip:${clientIp(c)}`, ids);
}

export const feedRouter = createRouter()
  .openapi(listFeedForYouRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await forYouPage(c.var.db, {
      viewerId: c.var.viewer?.id ?? null,
      now: requestNow(c),
      limit: query.limit,
      cursor: query.cursor ? decodeForYouCursor(query.cursor) : null,
      requestedMode: query.mode,
      request: { country: requestIpRegion(c).country, timeZone: requestTimeZone(c), languages: acceptedLanguages(c) },
      poolTtlMs: Number(c.env.FEED_POOL_TTL_MS ?? 15_000),
      imageQuality: readerImageQuality(c),
    });
    countImpressions(c, page.items.map((item) => item.id));
    return c.json(page, 200);
  })
  .openapi(listFeedFollowingRoute, async (c) => {
    const viewer = signedInViewer(c);
    const query = c.req.valid("query");
    const rows = await followingPage(c.var.db, viewer.id, query);
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows.at(-1);
    countImpressions(c, pageRows.map((row) => row.note.id));
    return c.json(
      {
        items: pageRows.map((row) => present(row, viewer.id, readerImageQuality(c))),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.note.id, last.note.id]) : null,
      },
      200,
    );
  })
  .openapi(listFeedNearbyRoute, async (c) => {
    const query = c.req.valid("query");
    const viewerId = c.var.viewer?.id ?? null;
    let after: [number, string] | undefined;
    if (query.cursor) {
      const [key, id] = decodeCursor(query.cursor);
      if (typeof key !== "number") throw new ApiError("invalid_cursor", t("feed.cursorOtherList"));
      after = [key, id];
    }
    const rows = await nearbyPage(c.var.db, viewerId, query, { after, limit: query.limit });
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows.at(-1);
    countImpressions(c, pageRows.map((row) => row.note.id));
    return c.json(
      {
        items: pageRows.map((row) => ({ ...present(row, viewerId, readerImageQuality(c)), distanceKm: Math.round(row.distanceKm * 100) / 100 })),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.sortKey, last.note.id]) : null,
      },
      200,
    );
  });
