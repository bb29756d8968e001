import type { Context } from "hono";
import type { AppEnv } from "../env";
import { signedInViewer } from "../lib/auth";
import { isDeletedAccount } from "../lib/deleted-account";
import { ApiError } from "../lib/errors";
import { createRouter } from "../lib/router";
import { userNotFound } from "../users/store";
import {
  blockUserRoute,
  listBlocksRoute,
  listMutesRoute,
  muteUserRoute,
  unblockUserRoute,
  unmuteUserRoute,
} from "./routes";
import { type Relation, pageOfRelations, setRelation } from "./store";
import { t } from "../lib/i18n";

async function change(c: Context<AppEnv>, relation: Relation, otherId: string, on: boolean) {
  const viewer = signedInViewer(c);
  if (otherId === viewer.id) {
    throw new ApiError("validation_failed", t(relation === "block" ? "blocks.cannotBlockSelf" : "blocks.cannotMuteSelf"), {
      details: [{ field: "id", location: "path", message: t("users.isOwnId") }],
    });
  }
  if (isDeletedAccount(otherId) || !(await setRelation(c.var.db, relation, viewer.id, otherId, on))) throw userNotFound();
}

export const blocksRouter = createRouter()
  .openapi(blockUserRoute, async (c) => {
    await change(c, "block", c.req.valid("param").id, true);
    return c.json({ blocked: true }, 200);
  })
  .openapi(unblockUserRoute, async (c) => {
    await change(c, "block", c.req.valid("param").id, false);
    return c.json({ blocked: false }, 200);
  })
  .openapi(muteUserRoute, async (c) => {
    await change(c, "mute", c.req.valid("param").id, true);
    return c.json({ muted: true }, 200);
  })
  .openapi(unmuteUserRoute, async (c) => {
    await change(c, "mute", c.req.valid("param").id, false);
    return c.json({ muted: false }, 200);
  })
  .openapi(listBlocksRoute, async (c) =>
    c.json(await pageOfRelations(c.var.db, "block", signedInViewer(c).id, c.req.valid("query")), 200),
  )
  .openapi(listMutesRoute, async (c) =>
    c.json(await pageOfRelations(c.var.db, "mute", signedInViewer(c).id, c.req.valid("query")), 200),
  );
