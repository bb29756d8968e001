import type { Db } from "../db/client";
import { t } from "../lib/i18n";
import { hasAnyRole, requireRole } from "../lib/roles";

export const isCurator = (db: Db, userId: string) => hasAnyRole(db, userId, ["curator"]);

/** Route middleware after `requireAuth`: only glossary curators (and admins) may change terms, renderings and keep-decisions. */
export const requireCurator = requireRole(["curator"], t("glossary.curatorsOnly"));
