import { weakETag } from "../lib/conditional";
import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import { createRouter } from "../lib/router";
import {
  followUserRoute,
  getProfileRoute,
  listFollowersRoute,
  listFollowingRoute,
  unfollowUserRoute,
} from "./routes";
import { findUser, listFollows, requireUser, setFollow, userNotFound } from "./store";
import { publicProfile } from "./view";


export const usersRouter = createRouter()
  .openapi(getProfileRoute, async (c) => {
    const user = await findUser(c.var.db, c.req.valid("param").id);
    if (!user) throw userNotFound();
    const profile = publicProfile(user);
    c.header("ETag", weakETag(profile));
    return c.json(profile, 200);
  })
  .openapi(followUserRoute, async (c) => {
    const { id } = c.req.valid("param");
    const viewer = signedInViewer(c);
    if (id === viewer.id) {
      throw new ApiError("validation_failed", t("users.cannotFollowSelf"), {
        details: [{ field: "id", location: "path", message: t("users.isOwnId") }],
      });
    }
    const follow = await setFollow(c.var.db, viewer.id, id, true);
    if (!follow) throw userNotFound();
    return c.json(follow, 200);
  })
  .openapi(unfollowUserRoute, async (c) => {
    const { id } = c.req.valid("param");
    const follow = await setFollow(c.var.db, signedInViewer(c).id, id, false);
    if (!follow) throw userNotFound();
    return c.json(follow, 200);
  })
  .openapi(listFollowersRoute, async (c) => {
    const { id } = c.req.valid("param");
    await requireUser(c.var.db, id);
    return c.json(await listFollows(c.var.db, id, "followers", c.req.valid("query")), 200);
  })
  .openapi(listFollowingRoute, async (c) => {
    const { id } = c.req.valid("param");
    await requireUser(c.var.db, id);
    return c.json(await listFollows(c.var.db, id, "following", c.req.valid("query")), 200);
  });
