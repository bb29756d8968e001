import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type StaffRole, staffRoles, users } from "../db/schema";
import { auditEntryWhen } from "../lib/audit";
import { afterCursor, toPage } from "../lib/pagination";

const selectGrants = (db: Db) =>
  db
    .select({ grant: staffRoles, user: { id: users.id, nickname: users.nickname } })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId));

export type GrantRow = Awaited<ReturnType<ReturnType<typeof selectGrants>["all"]>>[number];

export async function pageOfGrants(db: Db, page: { cursor?: string; limit: number }) {
  const rows = await selectGrants(db)
    .where(afterCursor(page.cursor, "asc", staffRoles.userId, staffRoles.role))
    .orderBy(asc(staffRoles.userId), asc(staffRoles.role))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (row) => [row.grant.userId, row.grant.role], (row) => row);
}

export const findGrant = (db: Db, userId: string, role: StaffRole) =>
  selectGrants(db).where(and(eq(staffRoles.userId, userId), eq(staffRoles.role, role))).get();

const holds = (userId: string, role: StaffRole) =>
  sql`exists (select 1 from ${staffRoles} where user_id = ${userId} and role = ${role})`;

/** Grants (or re-scopes) a role, with its audit entry, in one batch; false when no such person exists. */
export async function grantRole(
  db: Db,
  grant: { userId: string; role: StaffRole; regions: string[]; languages: string[]; grantedBy: string },
): Promise<boolean> {
  const now = Date.now();
  const regions = JSON.stringify(grant.regions);
  const languages = JSON.stringify(grant.languages);
  const [granted] = await db.batch([
    db
      .insert(staffRoles)
      .select(sql`select ${grant.userId}, ${grant.role}, ${regions}, ${languages}, ${grant.grantedBy}, ${now}
        where exists (select 1 from ${users} where id = ${grant.userId})`)
      .onConflictDoUpdate({
        target: [staffRoles.userId, staffRoles.role],
        set: {
          regions: sql`excluded.regions`,
          languages: sql`excluded.languages`,
          grantedBy: sql`excluded.granted_by`,
          grantedAt: sql`excluded.granted_at`,
        },
      })
      .returning({ userId: staffRoles.userId }),
    auditEntryWhen(
      db,
      {
        actor: grant.grantedBy,
        action: "role.grant",
        targetType: "user",
        targetId: grant.userId,
        subjectUserId: grant.userId,
        details: { role: grant.role, regions: grant.regions, languages: grant.languages },
        createdAt: now,
      },
      holds(grant.userId, grant.role),
    ),
  ]);
  return granted.length > 0;
}

/** Revokes a role, with its audit entry, in one batch; false when the person did not hold it. */
export async function revokeRole(db: Db, userId: string, role: StaffRole, revokedBy: string): Promise<boolean> {
  const [, revoked] = await db.batch([
    auditEntryWhen(
      db,
      { actor: revokedBy, action: "role.revoke", targetType: "user", targetId: userId, subjectUserId: userId, details: { role }, createdAt: Date.now() },
      holds(userId, role),
    ),
    db.delete(staffRoles).where(and(eq(staffRoles.userId, userId), eq(staffRoles.role, role))).returning({ userId: staffRoles.userId }),
  ]);
  return revoked.length > 0;
}
