import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { comments, drafts, glossaryExplanations, glossaryTerms, media, noteTopics, notes, sessions, users } from "../db/schema";
import { showIpRegion } from "../lib/ip-region";
import { iso } from "../lib/time";
import { EXPORT_PAGE, type ExportSection, after, pageOf, person, time } from "./paging";

const replyToUsers = alias(users, "reply_to_users");

/** What the person wrote and keeps: sessions, notes, comments, glossary entries, drafts and uploads. */
export function ownContentSections(db: Db, userId: string, sessionId: string): ExportSection[] {
  return [
    {
      name: "sessions",
      read: (key) =>
        pageOf(
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
        pageOf(
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
        pageOf(
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
    {
      name: "glossaryExplanations",
      read: (key) =>
        pageOf(
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
      name: "glossaryTermsAdded",
      read: (key) =>
        pageOf(
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
      name: "drafts",
      read: (key) =>
        pageOf(
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
        pageOf(
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
  ];
}
