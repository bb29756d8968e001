import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  type ReportTarget,
  comments,
  moderationAudit,
  moderationCases,
  notes,
  prescreenWords,
  reports,
  staffRoles,
  users,
} from "../db/schema";
import { auditEntry, auditEntryWhen } from "../lib/audit";
import { afterCursor, toPage } from "../lib/pagination";
import { commentVisibleTo, noteVisibleTo } from "../lib/visibility";
import { type CaseOrigin, type StaffScope, caseInScope, originLanguage, staffScope } from "./scope";

export type Case = typeof moderationCases.$inferSelect;

export async function loadStaffScope(db: Db, userId: string): Promise<StaffScope> {
  const rows = await db
    .select({ role: staffRoles.role, regions: staffRoles.regions, languages: staffRoles.languages })
    .from(staffRoles)
    .where(eq(staffRoles.userId, userId));
  return staffScope(rows);
}

export const caseOrigin = (row: Pick<Case, "language" | "ipCountry" | "ipRegion">): CaseOrigin => ({
  language: row.language,
  ipCountry: row.ipCountry,
  ipRegion: row.ipRegion,
});

/** Who a target belongs to and where it comes from, if the reporter can see it (`null`: an app, which may flag anything). */
export type TargetFacts = { authorId: string; origin: CaseOrigin };

export async function reportableTarget(
  db: Db,
  type: ReportTarget,
  id: string,
  viewerId: string | null,
): Promise<TargetFacts | undefined> {
  const facts = (row: { authorId: string; language: string | null; ipCountry: string | null; ipRegion: string | null } | undefined) =>
    row && { authorId: row.authorId, origin: { language: originLanguage(row.language), ipCountry: row.ipCountry, ipRegion: row.ipRegion } };
  if (type === "note") {
    const { authorId, language, ipCountry, ipRegion } = notes;
    return facts(await db.select({ authorId, language, ipCountry, ipRegion }).from(notes).where(and(eq(notes.id, id), viewerId ? noteVisibleTo(viewerId) : undefined)).get());
  }
  if (type === "comment") {
    const { authorId, language, ipCountry, ipRegion } = comments;
    return facts(
      await db.select({ authorId, language, ipCountry, ipRegion }).from(comments).where(and(eq(comments.id, id), viewerId ? commentVisibleTo(viewerId) : undefined)).get(),
    );
  }
  const user = await db
    .select({ authorId: users.id, languages: users.languages, ipCountry: users.ipCountry, ipRegion: users.ipRegion })
    .from(users)
    .where(eq(users.id, id))
    .get();
  return facts(user && { ...user, language: user.languages[0] ?? null });
}

/** A statement answering no rows, where a batch has nothing to do in one position. */
export const nothing = (db: Db) => db.select({ noteId: notes.id }).from(notes).where(sql`0`);

const openCaseOf = (type: ReportTarget, id: string) =>
  sql`(select ${moderationCases.id} from ${moderationCases} where ${moderationCases.targetType} = ${type} and ${moderationCases.targetId} = ${id} and ${moderationCases.status} = 'open')`;

export type NewReport = {
  caseId: string;
  reportId: string;
  /** Null for an app's flag: it counts as an automatic rule, not as a person. */
  reporterId: string | null;
  targetType: ReportTarget;
  targetId: string;
  facts: TargetFacts;
  category: string;
  comment: string | null;
  now: number;
  threshold: number;
  /** Hide the content once `threshold` people reported it (false in the cultural buffer, and for people). */
  autoHide: boolean;
};

/**
 * Files a report in one batch: opens the target's case unless one is open, adds
 * the report unless this person already reported it in this case, recounts the
 * distinct reporters, flags the case at the threshold and, outside the cultural
 * buffer, hides the content pending review. Answers with the person's report
 * (new or earlier) and, if this report hid the content, the note it is (on).
 */
export async function insertReport(db: Db, r: NewReport) {
  const { origin } = r.facts;
  const openCase = openCaseOf(r.targetType, r.targetId);
  const reporterCount = sql`(select count(*) from ${reports} r where r.case_id = moderation_cases.id and r.reporter_id is not null)`;
  const hide = { visibility: "hidden" as const, moderationReason: `Hidden pending review: reported by ${r.threshold} people` };
  const reached = sql`(select reporter_count from ${moderationCases} where id = ${openCase}) >= ${r.threshold}`;
  const hideContent = !r.autoHide
    ? nothing(db)
    : r.targetType === "note"
      ? db.update(notes).set(hide).where(and(eq(notes.id, r.targetId), eq(notes.visibility, "visible"), reached)).returning({ noteId: notes.id })
      : r.targetType === "comment"
        ? db
            .update(comments)
            .set(hide)
            .where(and(eq(comments.id, r.targetId), eq(comments.visibility, "visible"), reached))
            .returning({ noteId: comments.noteId })
        : nothing(db);
  const [, , , hid, mine] = await db.batch([
    // "on conflict do nothing": the target already has an open case (the partial unique index).
    db
      .insert(moderationCases)
      .values({
        id: r.caseId,
        targetType: r.targetType,
        targetId: r.targetId,
        authorId: r.facts.authorId,
        language: origin.language,
        ipCountry: origin.ipCountry,
        ipRegion: origin.ipRegion,
        openedAt: r.now,
      })
      .onConflictDoNothing(),
    // …and here: this person already reported it in this case.
    db
      .insert(reports)
      .select(sql`select ${r.reportId}, ${openCase}, ${r.reporterId}, ${r.category}, ${r.comment}, ${r.reporterId ? "person" : "app"}, ${r.now} where 1`)
      .onConflictDoNothing(),
    db
      .update(moderationCases)
      .set({ reporterCount: reporterCount, autoFlagged: r.reporterId ? sql`auto_flagged or ${reporterCount} >= ${r.threshold}` : true })
      .where(sql`${moderationCases.id} = ${openCase}`),
    hideContent,
    db
      .select({ id: reports.id, caseId: reports.caseId, category: reports.category, comment: reports.comment, createdAt: reports.createdAt })
      .from(reports)
      .where(and(sql`${reports.caseId} = ${openCase}`, r.reporterId ? eq(reports.reporterId, r.reporterId) : eq(reports.id, r.reportId))),
  ]);
  return { report: mine[0]!, hidNoteId: hid[0]?.noteId ?? null };
}

/*
 * In a query on one table drizzle writes its columns unqualified ("id"), which
 * inside a subquery would mean the subquery's own table: correlated subqueries
 * here name the outer row as moderation_cases.<column> and alias their own tables.
 */
const contentColumns = {
  note: sql<string | null>`(select json_object('title', n.title, 'body', n.body, 'language', n.language, 'visibility', n.visibility,
      'authorId', n.author_id, 'nickname', (select a.nickname from ${users} a where a.id = n.author_id))
    from ${notes} n where moderation_cases.target_type = 'note' and n.id = moderation_cases.target_id)`,
  comment: sql<string | null>`(select json_object('body', k.body, 'language', k.language, 'visibility', k.visibility, 'noteId', k.note_id,
      'authorId', k.author_id, 'nickname', (select a.nickname from ${users} a where a.id = k.author_id))
    from ${comments} k where moderation_cases.target_type = 'comment' and k.id = moderation_cases.target_id)`,
  user: sql<string | null>`(select json_object('nickname', u.nickname, 'bio', u.bio, 'language', json_extract(u.languages, '$[0]'),
      'suspendedUntil', u.suspended_until, 'authorId', u.id)
    from ${users} u where moderation_cases.target_type = 'user' and u.id = moderation_cases.target_id)`,
};

const caseColumns = {
  case: moderationCases,
  content: sql<string | null>`coalesce(${contentColumns.note}, ${contentColumns.comment}, ${contentColumns.user})`,
  categories: sql<string>`(select json_group_object(category, n) from (select r.category as category, count(*) as n
    from ${reports} r where r.case_id = moderation_cases.id group by r.category))`,
  reports: sql<string>`(select json_group_array(json_object('id', id, 'category', category, 'comment', comment, 'source', source, 'createdAt', created_at))
    from (select * from ${reports} r where r.case_id = moderation_cases.id order by r.id desc limit 20))`,
};

const selectCases = (db: Db) => db.select(caseColumns).from(moderationCases);
export type CaseRow = Awaited<ReturnType<ReturnType<typeof selectCases>["all"]>>[number];

/** A page of the queue for a staff member: open cases oldest first, resolved ones newest first. */
export async function pageOfCases(
  db: Db,
  scope: StaffScope,
  query: { status: "open" | "resolved"; cursor?: string; limit: number },
) {
  const direction = query.status === "open" ? "asc" : "desc";
  const rows = await selectCases(db)
    .where(and(eq(moderationCases.status, query.status), caseInScope(scope), afterCursor(query.cursor, direction, moderationCases.id)))
    .orderBy(direction === "asc" ? asc(moderationCases.id) : desc(moderationCases.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.case.id, row.case.id], (row) => row);
}

export const loadCase = (db: Db, id: string) => selectCases(db).where(eq(moderationCases.id, id)).get();

export const findCase = (db: Db, id: string) => db.select().from(moderationCases).where(eq(moderationCases.id, id)).get();

/** Sets the case's assignee while it is open; answers with the case, or nothing if it is not open. */
export const assignCase = (db: Db, id: string, assigneeId: string) =>
  db
    .update(moderationCases)
    .set({ assigneeId })
    .where(and(eq(moderationCases.id, id), eq(moderationCases.status, "open")))
    .returning({ id: moderationCases.id });

/** Statement reopening a resolved case, unless another case on its target is open meanwhile. */
export const reopenCase = (db: Db, c: Pick<Case, "id" | "targetType" | "targetId">) =>
  db
    .update(moderationCases)
    .set({ status: "open", action: null, reason: null, resolvedBy: null, resolvedAt: null })
    .where(
      and(
        eq(moderationCases.id, c.id),
        eq(moderationCases.status, "resolved"),
        sql`not exists (select 1 from ${moderationCases} other where other.target_type = ${c.targetType} and other.target_id = ${c.targetId} and other.status = 'open')`,
      ),
    )
    .returning({ id: moderationCases.id });

export type PrescreenWordRow = typeof prescreenWords.$inferSelect;

export const listPrescreenWords = (db: Db, page: { cursor?: string; limit: number }) =>
  db
    .select()
    .from(prescreenWords)
    .where(afterCursor(page.cursor, "asc", prescreenWords.id))
    .orderBy(asc(prescreenWords.id))
    .limit(page.limit + 1)
    .then((rows) => toPage(rows, page.limit, (row) => [row.id, row.id], (row) => row));

/** Adds a word with its audit entry; answers nothing when the word is already listed. */
export async function insertPrescreenWord(db: Db, word: PrescreenWordRow) {
  const [inserted] = await db.batch([
    db.insert(prescreenWords).values(word).onConflictDoNothing().returning(),
    auditEntryWhen(
      db,
      { actor: word.createdBy ?? "system", action: "prescreen.add", targetId: word.id, details: { word: word.word, language: word.language }, createdAt: word.createdAt },
      sql`exists (select 1 from ${prescreenWords} where id = ${word.id})`,
    ),
  ]);
  return inserted[0];
}

export async function deletePrescreenWord(db: Db, id: string, actor: string) {
  const word = (await db.delete(prescreenWords).where(eq(prescreenWords.id, id)).returning())[0];
  if (word) {
    await auditEntry(db, { actor, action: "prescreen.remove", targetId: id, details: { word: word.word, language: word.language }, createdAt: Date.now() });
  }
  return word;
}

export const pageOfAudit = (db: Db, query: { caseId?: string; cursor?: string; limit: number }) =>
  db
    .select()
    .from(moderationAudit)
    .where(and(query.caseId ? eq(moderationAudit.caseId, query.caseId) : undefined, afterCursor(query.cursor, "desc", moderationAudit.id)))
    .orderBy(desc(moderationAudit.id))
    .limit(query.limit + 1)
    .then((rows) => toPage(rows, query.limit, (row) => [row.id, String(row.id)], (row) => row));

/** Decisions about a person and their content, which they may read. */
export const NOTICE_ACTIONS = ["resolve.hide", "resolve.remove", "resolve.warn", "resolve.suspend", "auto_hide"];

export const pageOfNotices = (db: Db, userId: string, page: { cursor?: string; limit: number }) =>
  db
    .select()
    .from(moderationAudit)
    .where(
      and(
        eq(moderationAudit.subjectUserId, userId),
        inArray(moderationAudit.action, NOTICE_ACTIONS),
        afterCursor(page.cursor, "desc", moderationAudit.id),
      ),
    )
    .orderBy(desc(moderationAudit.id))
    .limit(page.limit + 1)
    .then((rows) => toPage(rows, page.limit, (row) => [row.id, String(row.id)], (row) => row));
