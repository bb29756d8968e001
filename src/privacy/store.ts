import { type AnyColumn, type SQL, and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  blocks,
  catTaxReceipts,
  collects,
  comments,
  follows,
  glossaryExplanations,
  glossaryTerms,
  glossaryVotes,
  likes,
  mutes,
  noteTopics,
  notes,
  sessions,
  staffRoles,
  users, moderationCases, reports, drafts, media, webhookAppLinks, webhookApps } from "../db/schema";
import { alias } from "drizzle-orm/sqlite-core";
import { receiptNumber } from "../cat-tax/receipt-text";
import { showIpRegion } from "../lib/ip-region";
import { iso } from "../lib/time";

const replyToUsers = alias(users, "reply_to_users");

/** Rows read per D1 query: a page is written out before the next is read, so memory stays flat however much there is. */
export const EXPORT_PAGE = 100;

type Row = Record<string, unknown>;
/** Reads one page of a section after `after` (the last page's last key; null for the first). */
type PageReader = (after: string | null) => Promise<{ key: string; item: Row }[]>;
export type ExportSection = { name: string; read: PageReader };

const time = (ms: number | null) => (ms === null ? null : iso(ms));
const after = (column: AnyColumn, key: string | null): SQL | undefined => (key === null ? undefined : gt(column, key));

/** Other people appear only as id and nickname, never with their phone, sessions or anything else. */
const person = (id: string | null, nickname: string | null) => (id ? { id, nickname } : null);

/** The sections of a person's export, in the order written. Every query is keyset-paged on a unique key of the person's rows. */
export function exportSections(db: Db, userId: string, sessionId: string): ExportSection[] {
  const page = <T extends Row>(query: Promise<T[]>, keyOf: (row: T) => string, itemOf: (row: T) => Row) =>
    query.then((rows) => rows.map((row) => ({ key: keyOf(row), item: itemOf(row) })));

  const relation = (name: string, table: typeof follows | typeof blocks | typeof mutes, self: AnyColumn, other: AnyColumn) => ({
    name,
    read: (key: string | null) =>
      page(
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
      page(
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
    {
      name: "sessions",
      read: (key) =>
        page(
          db
            .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
            .from(sessions)
            .where(and(eq(sessions.userId, userId), after(sessions.id, key)))
            .orderBy(asc(sessions.id))
            .limit(EXPORT_PAGE),
          (row) => row.id,
          (row) => ({ id: row.id, createdAt: iso(row.createdAt), expiresAt: iso(row.expiresAt), current: row.id === sessionId }),
        ),
    },
    {
      name: "notes",
      read: (key) =>
        page(
          db
            .select({
              note: notes,
              topics: sql<string>`(select json_group_array(${noteTopics.topic}) from ${noteTopics} where ${noteTopics.noteId} = ${notes.id})`,
            })
            .from(notes)
            .where(and(eq(notes.authorId, userId), after(notes.id, key)))
            .orderBy(asc(notes.id))
            .limit(EXPORT_PAGE),
          (row) => row.note.id,
          ({ note, topics }) => ({
            id: note.id,
            title: note.title,
            body: note.body,
            language: note.language,
            media: note.media,
            topics: JSON.parse(topics) as string[],
            place: note.placeName ? { name: note.placeName, latitude: note.placeLatitude, longitude: note.placeLongitude } : null,
            isCatNote: note.isCatNote,
            catName: note.catName,
            ipRegion: showIpRegion(note.ipCountry, note.ipRegion),
            counts: { likes: note.likeCount, collects: note.collectCount, comments: note.commentCount, receipts: note.receiptCount },
            visibility: note.visibility,
            moderationReason: note.moderationReason,
            createdAt: iso(note.createdAt),
            updatedAt: iso(note.updatedAt),
          }),
        ),
    },
    {
      name: "comments",
      read: (key) =>
        page(
          db
            .select({ comment: comments, replyToNickname: replyToUsers.nickname })
            .from(comments)
            .leftJoin(replyToUsers, eq(replyToUsers.id, comments.replyToUserId))
            .where(and(eq(comments.authorId, userId), after(comments.id, key)))
            .orderBy(asc(comments.id))
            .limit(EXPORT_PAGE),
          (row) => row.comment.id,
          ({ comment, replyToNickname }) => ({
            id: comment.id,
            noteId: comment.noteId,
            parentId: comment.parentId,
            replyTo: comment.replyToUserId
              ? { commentId: comment.replyToCommentId, user: person(comment.replyToUserId, replyToNickname) }
              : null,
            body: comment.body,
            language: comment.language,
            ipRegion: showIpRegion(comment.ipCountry, comment.ipRegion),
            visibility: comment.visibility,
            moderationReason: comment.moderationReason,
            createdAt: iso(comment.createdAt),
            updatedAt: iso(comment.updatedAt),
          }),
        ),
    },
    reaction("likes", likes),
    reaction("collects", collects),
    relation("following", follows, follows.followerId, follows.followeeId),
    relation("followers", follows, follows.followeeId, follows.followerId),
    relation("blocks", blocks, blocks.blockerId, blocks.blockedId),
    relation("mutes", mutes, mutes.muterId, mutes.mutedId),
    {
      name: "catTaxReceiptsStamped",
      read: (key) =>
        page(
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
      name: "glossaryExplanations",
      read: (key) =>
        page(
          db
            .select({ explanation: glossaryExplanations, term: glossaryTerms.term })
            .from(glossaryExplanations)
            .innerJoin(glossaryTerms, eq(glossaryTerms.id, glossaryExplanations.termId))
            .where(and(eq(glossaryExplanations.authorId, userId), after(glossaryExplanations.id, key)))
            .orderBy(asc(glossaryExplanations.id))
            .limit(EXPORT_PAGE),
          (row) => row.explanation.id,
          ({ explanation, term }) => ({
            id: explanation.id,
            termId: explanation.termId,
            term,
            body: explanation.body,
            language: explanation.language,
            votes: explanation.voteCount,
            createdAt: iso(explanation.createdAt),
          }),
        ),
    },
    {
      name: "glossaryVotes",
      read: (key) =>
        page(
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
      name: "glossaryTermsAdded",
      read: (key) =>
        page(
          db
            .select({ id: glossaryTerms.id, term: glossaryTerms.term, language: glossaryTerms.language, createdAt: glossaryTerms.createdAt })
            .from(glossaryTerms)
            .where(and(eq(glossaryTerms.createdBy, userId), after(glossaryTerms.id, key)))
            .orderBy(asc(glossaryTerms.id))
            .limit(EXPORT_PAGE),
          (row) => row.id,
          (row) => ({ id: row.id, term: row.term, language: row.language, createdAt: iso(row.createdAt) }),
        ),
    },
    {
      name: "staffRoles",
      read: (key) =>
        page(
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
      name: "drafts",
      read: (key) =>
        page(
          db
            .select()
            .from(drafts)
            .where(and(eq(drafts.authorId, userId), after(drafts.id, key)))
            .orderBy(asc(drafts.id))
            .limit(EXPORT_PAGE),
          (row) => row.id,
          (row) => ({
            id: row.id,
            version: row.version,
            content: row.deletedAt === null ? JSON.parse(row.content) : null,
            deletedAt: time(row.deletedAt),
            publishedNoteId: row.publishedNoteId,
            createdAt: iso(row.createdAt),
            updatedAt: iso(row.updatedAt),
          }),
        ),
    },
    {
      name: "uploads",
      read: (key) =>
        page(
          db
            .select({ id: media.id, sha256: media.sourceSha256, byteSize: media.byteSize, noteId: media.noteId, createdAt: media.createdAt })
            .from(media)
            .where(and(eq(media.ownerId, userId), after(media.id, key)))
            .orderBy(asc(media.id))
            .limit(EXPORT_PAGE),
          (row) => row.id,
          (row) => ({ id: row.id, sha256: row.sha256, byteSize: row.byteSize, noteId: row.noteId, createdAt: iso(row.createdAt) }),
        ),
    },
    {
      name: "linkedApps",
      read: (key) =>
        page(
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

/** The account itself: their own phone number in full (it is theirs), never the password hash. */
export async function accountSection(db: Db, userId: string): Promise<Row | null> {
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  return {
    id: user.id,
    phone: user.phoneE164,
    phoneRegion: user.phoneRegion,
    nickname: user.nickname,
    bio: user.bio,
    languages: user.languages,
    ipRegion: showIpRegion(user.ipCountry, user.ipRegion),
    counts: { followers: user.followerCount, following: user.followingCount, notes: user.noteCount },
    suspendedUntil: time(user.suspendedUntil),
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
  };
}

/**
 * The export as a stream of JSON text: the account, then each section's rows a
 * page at a time, so the document is never held in memory whole.
 */
export function exportStream(db: Db, userId: string, sessionId: string, account: Row): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* pieces(): AsyncGenerator<string> {
    yield `{"format":"notebridge-export/1","exportedAt":${JSON.stringify(new Date().toISOString())},"account":${JSON.stringify(account)}`;
    for (const section of exportSections(db, userId, sessionId)) {
      yield `,${JSON.stringify(section.name)}:[`;
      let key: string | null = null;
      let first = true;
      for (;;) {
        const rows = await section.read(key);
        if (rows.length > 0) {
          yield (first ? "" : ",") + rows.map((row) => JSON.stringify(row.item)).join(",");
          first = false;
          key = rows.at(-1)!.key;
        }
        if (rows.length < EXPORT_PAGE) break;
      }
      yield "]";
    }
    yield "}\n";
  }
  const iterator = pieces();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error(JSON.stringify({ level: "error", event: "export_failed", error: String(error) }));
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}
