import { eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";

export async function isCurator(db: Db, userId: string): Promise<boolean> {
  const row = await db.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
  return row?.role === "curator";
}

/** Route middleware after `requireAuth`: only curators may change terms, renderings and keep-decisions. */
export const requireCurator: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!(await isCurator(c.var.db, c.var.viewer!.id))) throw new ApiError("forbidden", t("glossary.curatorsOnly"));
  return next();
};
