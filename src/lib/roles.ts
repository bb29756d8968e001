import { and, eq, inArray } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { Db } from "../db/client";
import { type StaffRole, staffRoles } from "../db/schema";
import type { AppEnv } from "../env";
import { signedInViewer } from "./auth";
import { ApiError } from "./errors";
import type { Text } from "./i18n";

/** Whether the user holds any of `roles`. Admins hold every power, so they always pass. */
export async function hasAnyRole(db: Db, userId: string, roles: readonly StaffRole[]): Promise<boolean> {
  const wanted = [...new Set<StaffRole>([...roles, "admin"])];
  const row = await db
    .select({ role: staffRoles.role })
    .from(staffRoles)
    .where(and(eq(staffRoles.userId, userId), inArray(staffRoles.role, wanted)))
    .get();
  return row !== undefined;
}

/**
 * Route middleware after `requireAuth`: only holders of one of `roles` (or admins) pass.
 * @example requireRole(["moderator"], "Only moderators can keep a topic off trending")
 */
export function requireRole(roles: readonly StaffRole[], message: Text): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await hasAnyRole(c.var.db, signedInViewer(c).id, roles))) throw new ApiError("forbidden", message);
    return next();
  };
}
