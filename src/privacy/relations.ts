import { type AnyColumn, and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { blocks, catTaxReceipts, collects, follows, glossaryVotes, likes, moderationCases, mutes, reports, staffRoles, users, webhookAppLinks, webhookApps } from "../db/schema";
import { receiptNumber } from "../cat-tax/receipt-text";
import { iso } from "../lib/time";
import { EXPORT_PAGE, type ExportSection, type PageReader, after, pageOf, person } from "./paging";


/** What the person did with others' notes and people: reactions, follows, blocks, mutes, receipts, votes, roles, reports, linked apps. */
export function relationSections(db: Db, userId: string): ExportSection[] {
  const relation = (name: string, table: typeof follows | typeof blocks | typeof mutes, self: AnyColumn, other: AnyColumn) => ({
    name,
    read: (key: string | null) =>
      pageOf(
        db
          .select({ id: users.id, nickname: users.nickname, createdAt: table.createdAt })
          .from(table)
          .innerJoin(users, eq(users.id, other))
          .where(and(eq(self, userId), after(other, key)))
          .orderBy(asc(other))
          .limit(EXPORT_PAGE),
        (row) => row.id,
        (row) => ({ user: person(row.id, row.nickname), since: iso(row.createdAt) }),
      ),
  });

  const reaction = (name: string, table: typeof likes | typeof collects) => ({
    name,
    read: (key: string | null) =>
      pageOf(
        db
          .select({ noteId: table.noteId, createdAt: table.createdAt })
          .from(table)
          .where(and(eq(table.userId, userId), after(table.noteId, key)))
          .orderBy(asc(table.noteId))
          .limit(EXPORT_PAGE),
        (row) => row.noteId,
        (row) => ({ noteId: row.noteId, at: iso(row.createdAt) }),
      ),
  });


  return [
    reaction("likes", likes),
    reaction("collects", collects),
    relation("following", follows, follows.followerId, follows.followeeId),
    relation("followers", follows, follows.followeeId, follows.followerId),
    relation("blocks", blocks, blocks.blockerId, blocks.blockedId),
    relation("mutes", mutes, mutes.muterId, mutes.mutedId),
    {
      name: "catTaxReceiptsStamped",
      read: (key) =>
        pageOf(
          db
            .select({ noteId: catTaxReceipts.noteId, serial: catTaxReceipts.serial, text: catTaxReceipts.text, createdAt: catTaxReceipts.createdAt })
            .from(catTaxReceipts)
            .where(and(eq(catTaxReceipts.stamperId, userId), after(catTaxReceipts.noteId, key)))
            .orderBy(asc(catTaxReceipts.noteId))
            .limit(EXPORT_PAGE),
          (row) => row.noteId,
          (row) => ({ noteId: row.noteId, serial: row.serial, number: receiptNumber(row.serial), text: row.text, createdAt: iso(row.createdAt) }),
        ),
    },
    {
      name: "glossaryVotes",
      read: (key) =>
        pageOf(
          db
            .select({ explanationId: glossaryVotes.explanationId, createdAt: glossaryVotes.createdAt })
            .from(glossaryVotes)
            .where(and(eq(glossaryVotes.userId, userId), after(glossaryVotes.explanationId, key)))
            .orderBy(asc(glossaryVotes.explanationId))
            .limit(EXPORT_PAGE),
          (row) => row.explanationId,
          (row) => ({ explanationId: row.explanationId, at: iso(row.createdAt) }),
        ),
    },
    {
      name: "staffRoles",
      read: (key) =>
        pageOf(
          db
            .select({ role: staffRoles.role, regions: staffRoles.regions, languages: staffRoles.languages, grantedAt: staffRoles.grantedAt })
            .from(staffRoles)
            .where(and(eq(staffRoles.userId, userId), after(staffRoles.role, key)))
            .orderBy(asc(staffRoles.role))
            .limit(EXPORT_PAGE),
          (row) => row.role,
          (row) => ({ role: row.role, regions: row.regions, languages: row.languages, grantedAt: iso(row.grantedAt) }),
        ),
    },
    { name: "reportsFiled", read: reportsFiledBy(db, userId) },
    {
      name: "linkedApps",
      read: (key) =>
        pageOf(
          db
            .select({ id: webhookApps.id, name: webhookApps.name, createdAt: webhookAppLinks.createdAt })
            .from(webhookAppLinks)
            .innerJoin(webhookApps, eq(webhookApps.id, webhookAppLinks.appId))
            .where(and(eq(webhookAppLinks.userId, userId), after(webhookAppLinks.appId, key)))
            .orderBy(asc(webhookAppLinks.appId))
            .limit(EXPORT_PAGE),
          (row) => row.id,
          (row) => ({ app: { id: row.id, name: row.name }, since: iso(row.createdAt) }),
        ),
    },
  ];
}

/** Reports the person filed: what, why and where its case stands; never who else reported it. */
function reportsFiledBy(db: Db, userId: string): PageReader {
  return (key) =>
    db
      .select({
        id: reports.id,
        category: reports.category,
        comment: reports.comment,
        createdAt: reports.createdAt,
        targetType: moderationCases.targetType,
        targetId: moderationCases.targetId,
        status: moderationCases.status,
      })
      .from(reports)
      .innerJoin(moderationCases, eq(moderationCases.id, reports.caseId))
      .where(and(eq(reports.reporterId, userId), after(reports.id, key)))
      .orderBy(asc(reports.id))
      .limit(EXPORT_PAGE)
      .then((rows) =>
        rows.map(({ id, createdAt, ...row }) => ({ key: id, item: { id, ...row, createdAt: iso(createdAt) } })),
      );
}
