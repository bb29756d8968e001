import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { createRouter } from "../lib/router";
import { iso } from "../lib/time";
import { grantRoleRoute, listStaffRoute, revokeRoleRoute } from "./routes";
import { type GrantRow, findGrant, grantRole, pageOfGrants, revokeRole } from "./store";
import { t } from "../lib/i18n";

const present = ({ grant, user }: GrantRow) => ({
  user,
  role: grant.role,
  regions: grant.regions,
  languages: grant.languages,
  grantedBy: grant.grantedBy,
  grantedAt: iso(grant.grantedAt),
});

export const staffRouter = createRouter()
  .openapi(listStaffRoute, async (c) => {
    const page = await pageOfGrants(c.var.db, c.req.valid("query"));
    return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
  })
  .openapi(grantRoleRoute, async (c) => {
    const { id, role } = c.req.valid("param");
    const { regions, languages } = c.req.valid("json");
    if (role === "mediator" && regions.length + languages.length === 0) {
      throw new ApiError("validation_failed", t("staff.mediatorNeedsArea"), {
        details: [{ field: "regions", location: "body", message: t("staff.giveRegionsOrLanguages") }],
      });
    }
    const scoped = role === "mediator";
    const granted = await grantRole(c.var.db, {
      userId: id,
      role,
      regions: scoped ? [...new Set(regions)] : [],
      languages: scoped ? [...new Set(languages)] : [],
      grantedBy: signedInViewer(c).id,
    });
    if (!granted) throw new ApiError("not_found", t("users.notFound"));
    return c.json(present((await findGrant(c.var.db, id, role))!), 200);
  })
  .openapi(revokeRoleRoute, async (c) => {
    const { id, role } = c.req.valid("param");
    const me = signedInViewer(c).id;
    if (id === me && role === "admin") throw new ApiError("conflict", t("staff.cannotRevokeOwnAdmin"));
    if (!(await revokeRole(c.var.db, id, role, me))) throw new ApiError("not_found", t("staff.roleNotHeld"));
    return c.body(null, 204);
  });
