/*
 * D1 read replication through the Sessions API: each request's queries run in
 * one D1 session, so they may go to a nearby replica while a client still reads
 * its own writes. The client carries the session's bookmark from answer to
 * request in the X-D1-Bookmark header. Without one, signed-in requests and
 * writes start at the primary (read-your-writes for clients that don't carry
 * bookmarks); anonymous reads take any replica. Locally there are no replicas,
 * but the same path runs.
 */
import type { MiddlewareHandler } from "hono";
import { createDb } from "../db/client";
import type { AppEnv } from "../env";

export const BOOKMARK_HEADER = "X-D1-Bookmark";

const plausibleBookmark = (value: string | undefined): value is string => !!value && /^[\w.:+/=-]{1,200}$/.test(value);

/** App middleware: sets `db` (and `d1`, for raw SQL) to a D1 session for this request and answers its bookmark. */
export const d1Session: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bookmark = c.req.header(BOOKMARK_HEADER);
  const anonymousRead = (c.req.method === "GET" || c.req.method === "HEAD") && !c.req.header("Authorization");
  const session = c.env.DB.withSession(plausibleBookmark(bookmark) ? bookmark : anonymousRead ? "first-unconstrained" : "first-primary");
  c.set("d1", session as unknown as D1Database);
  c.set("db", createDb(c.var.d1));
  await next();
  const latest = session.getBookmark();
  if (latest) {
    try {
      c.res.headers.set(BOOKMARK_HEADER, latest);
    } catch {
      // immutable headers (a WebSocket upgrade)
    }
  }
};
