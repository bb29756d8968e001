import type { Context } from "hono";
import type { AppEnv } from "../env";
import { signedInViewer } from "../lib/auth";
import { createRouter } from "../lib/router";
import { notifyThread } from "../live/notify";
import { noteNotFound } from "../notes/store";
import { readerImageQuality } from "../media/view";
import { loadNoteViews } from "../notes/view";
import {
  collectRoute,
  collectedNotesRoute,
  likeRoute,
  likedNotesRoute,
  uncollectRoute,
  unlikeRoute,
} from "./routes";
import { type Reaction, pageOfReactedNotes, setReaction } from "./store";

async function react(c: Context<AppEnv>, noteId: string, reaction: Reaction, on: boolean) {
  const changed = await setReaction(c.var.db, reaction, signedInViewer(c).id, noteId, on);
  if (changed === undefined) throw noteNotFound();
  // A live thread shows the like, comment and receipt counts, not collects; only a watched one is told.
  if (reaction === "like" && changed.watched) c.executionCtx.waitUntil(notifyThread(c.env, noteId));
  return changed.count;
}

async function reactedNotes(c: Context<AppEnv>, reaction: Reaction, page: { cursor?: string; limit: number }) {
  const viewer = signedInViewer(c);
  const ids = await pageOfReactedNotes(c.var.db, reaction, viewer.id, page);
  return { items: await loadNoteViews(c.var.db, ids.items, viewer.id, readerImageQuality(c)), nextCursor: ids.nextCursor };
}

export const reactionsRouter = createRouter()
  .openapi(likeRoute, async (c) =>
    c.json({ liked: true, likeCount: await react(c, c.req.valid("param").id, "like", true) }, 200),
  )
  .openapi(unlikeRoute, async (c) =>
    c.json({ liked: false, likeCount: await react(c, c.req.valid("param").id, "like", false) }, 200),
  )
  .openapi(collectRoute, async (c) =>
    c.json({ collected: true, collectCount: await react(c, c.req.valid("param").id, "collect", true) }, 200),
  )
  .openapi(uncollectRoute, async (c) =>
    c.json({ collected: false, collectCount: await react(c, c.req.valid("param").id, "collect", false) }, 200),
  )
  .openapi(likedNotesRoute, async (c) => c.json(await reactedNotes(c, "like", c.req.valid("query")), 200))
  .openapi(collectedNotesRoute, async (c) => c.json(await reactedNotes(c, "collect", c.req.valid("query")), 200));
