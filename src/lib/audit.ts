import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { moderationAudit } from "../db/schema";

/*
 * The moderation audit log (append-only: triggers in migrations/0011_moderation.sql
 * refuse UPDATE and DELETE). Staff decisions, role changes and word-list edits are
 * written in the same D1 batch as the change they record.
 */

export type AuditEntry = typeof moderationAudit.$inferInsert;

/** Statement adding one entry to the append-only audit log. */
export const auditEntry = (db: Db, entry: AuditEntry) => db.insert(moderationAudit).values(entry);

/** The same, written only if `condition` holds when the statement runs (later in the same batch as the change it records). */
export const auditEntryWhen = (db: Db, e: AuditEntry, condition: SQL) =>
  db.insert(moderationAudit).select(sql`select null, ${e.actor}, ${e.action}, ${e.caseId ?? null}, ${e.targetType ?? null}, ${e.targetId ?? null},
    ${e.subjectUserId ?? null}, ${e.reason ?? null}, ${e.details ? JSON.stringify(e.details) : null}, ${e.createdAt} where ${condition}`);

