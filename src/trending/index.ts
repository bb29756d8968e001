import type { Db } from "../db/client";
import { ApiError } from "../lib/errors";
import { createRouter } from "../lib/router";
import { iso } from "../lib/time";
import { blockTrendingRoute, listTrendingTopicsRoute, unblockTrendingRoute } from "./routes";
import { forgetTrending, setHiddenFromTrending, trendingTopics } from "./store";
import { t } from "../lib/i18n";

async function setBlock(db: Db, name: string, hidden: boolean) {
  const topic = await setHiddenFromTrending(db, name, hidden);
  if (!topic) throw new ApiError("not_found", t("topics.notFound"));
  forgetTrending();
  return topic;
}

/** Mounted before the topics router, so `/v1/topics/trending` is not read as a topic named "trending". */
export const trendingRouter = createRouter()
  .openapi(listTrendingTopicsRoute, async (c) => {
    const { limit } = c.req.valid("query");
    const trending = await trendingTopics(c.var.db);
    const items = trending.topics.slice(0, limit);
    return c.json({ items, computedAt: iso(trending.computedAt) }, 200, { "Cache-Control": "public, max-age=30" });
  })
  .openapi(blockTrendingRoute, async (c) => c.json(await setBlock(c.var.db, c.req.valid("param").name, true), 200))
  .openapi(unblockTrendingRoute, async (c) => c.json(await setBlock(c.var.db, c.req.valid("param").name, false), 200));
