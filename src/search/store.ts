import { type SQL, sql } from "drizzle-orm";
import { glossaryDecisions, glossaryTerms, noteSearchDocs, notes, noteTopics, topicSearchDocs, topics, userSearchDocs, users } from "../db/schema";
import { noteSearch, topicSearch, userSearch } from "../db/search-index";
import { ApiError } from "../lib/errors";
import { decodeCursor, encodeCursor } from "../lib/pagination";
import { notBlockedBetween, noteInFeedOf } from "../lib/visibility";
import type { GlossaryMatch } from "./schemas";
import { t } from "../lib/i18n";

/*
 * Every search is one statement: the newest FTS5 matches (MAX_HITS) are materialised with their bm25
 * score (words weigh more than single characters), joined to the rows they index,
 * filtered by the visibility rule, and cut to one keyset page on (score, id).
 */

type Page = { cursor?: string; limit: number };

/**
 * A query matching more than this ranks only its newest matches (doc ids follow
 * first indexing, so the newest notes): FTS5 walks them newest first and stops,
 * where ranking every match of a one-character query would score most notes.
 */
export const MAX_HITS = 1000;

/** bm25 weights: a whole-word match counts twice a match of characters. */
const WEIGHTS = sql.raw("2.0, 1.0");

function afterScore(cursor: string | undefined): SQL {
  if (!cursor) return sql`1`;
  const [score, id] = decodeCursor(cursor);
  if (typeof score !== "number") throw new ApiError("invalid_cursor", t("request.invalidCursor"));
  return sql`(hits.score > ${score} or (hits.score = ${score} and hits.id < ${id}))`;
}

export function hitsPage<Row extends { id: string; score: number }>(rows: Row[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { rows: items, nextCursor: rows.length > limit && last ? encodeCursor([last.score, last.id]) : null };
}

const pageOrder = (limit: number) => sql`order by hits.score, hits.id desc limit ${limit + 1}`;

export type NoteFilters = { viewerId: string | null; language?: string; topic?: string };

export type NoteHitRow = { id: string; score: number };

export function noteHits(match: string, filters: NoteFilters, page: Page): SQL {
  const language = filters.language
    ? sql`and (${notes.language} = ${filters.language} or ${notes.language} like ${`${filters.language}-%`})`
    : sql``;
  const topic = filters.topic
    ? sql`and exists (select 1 from ${noteTopics} where ${noteTopics.noteId} = ${notes.id} and ${noteTopics.topic} = ${filters.topic})`
    : sql``;
  return sql`
    with matches as materialized (
      select ${noteSearch}.rowid as doc_id, bm25(${noteSearch}, ${WEIGHTS}) as score from ${noteSearch}
      where ${noteSearch} match ${match} order by ${noteSearch}.rowid desc limit ${MAX_HITS}
    ),
    hits as (
      select ${noteSearchDocs.noteId} as id, matches.score as score
      from matches join ${noteSearchDocs} on ${noteSearchDocs.docId} = matches.doc_id
    )
    select hits.id as id, hits.score as score from hits join ${notes} on ${notes.id} = hits.id
    where ${noteInFeedOf(filters.viewerId)} ${language} ${topic} and ${afterScore(page.cursor)}
    ${pageOrder(page.limit)}`;
}

export type UserHitRow = {
  id: string;
  score: number;
  nickname: string;
  bio: string;
  languages: string;
  ipCountry: string | null;
  ipRegion: string | null;
  followerCount: number;
  followingCount: number;
  noteCount: number;
  createdAt: number;
};

export function userHits(match: string, viewerId: string | null, page: Page): SQL {
  return sql`
    with matches as materialized (
      select ${userSearch}.rowid as doc_id, bm25(${userSearch}, ${WEIGHTS}) as score from ${userSearch}
      where ${userSearch} match ${match} order by ${userSearch}.rowid desc limit ${MAX_HITS}
    ),
    hits as (
      select ${userSearchDocs.userId} as id, matches.score as score
      from matches join ${userSearchDocs} on ${userSearchDocs.docId} = matches.doc_id
    )
    select hits.id as id, hits.score as score, ${users.nickname} as nickname, ${users.bio} as bio,
      ${users.languages} as languages, ${users.ipCountry} as ipCountry, ${users.ipRegion} as ipRegion,
      ${users.followerCount} as followerCount, ${users.followingCount} as followingCount,
      ${users.noteCount} as noteCount, ${users.createdAt} as createdAt
    from hits join ${users} on ${users.id} = hits.id
    where ${notBlockedBetween(viewerId, users.id)} and ${afterScore(page.cursor)}
    ${pageOrder(page.limit)}`;
}

export type TopicHitRow = { id: string; score: number; noteCount: number };

export function topicHits(match: string, page: Page): SQL {
  return sql`
    with matches as materialized (
      select ${topicSearch}.rowid as doc_id, bm25(${topicSearch}, ${WEIGHTS}) as score from ${topicSearch}
      where ${topicSearch} match ${match} order by ${topicSearch}.rowid desc limit ${MAX_HITS}
    ),
    hits as (
      select ${topicSearchDocs.topic} as id, matches.score as score
      from matches join ${topicSearchDocs} on ${topicSearchDocs.docId} = matches.doc_id
    )
    select hits.id as id, hits.score as score, ${topics.noteCount} as noteCount
    from hits join ${topics} on ${topics.name} = hits.id
    where ${topics.noteCount} > 0 and ${afterScore(page.cursor)}
    ${pageOrder(page.limit)}`;
}

/** Glossary terms spelled exactly like the query or one of its words (ASCII case ignored). */
export type GlossaryRow = { id: string; term: string; language: string; variants: string; decisions: string };

export function glossaryMatches(spellings: string[]): SQL {
  const wanted = sql.join(spellings.map((s) => sql`lower(${s})`), sql`, `);
  return sql`
    select ${glossaryTerms.id} as id, ${glossaryTerms.term} as term, ${glossaryTerms.language} as language,
      ${glossaryTerms.variants} as variants,
      (select json_group_array(json_object('targetLanguage', ${glossaryDecisions.targetLanguage},
          'decision', ${glossaryDecisions.decision}, 'rendering', ${glossaryDecisions.rendering}))
        from ${glossaryDecisions} where ${glossaryDecisions.termId} = ${glossaryTerms.id}) as decisions
    from ${glossaryTerms}
    where lower(${glossaryTerms.term}) in (${wanted})
      or exists (select 1 from json_each(${glossaryTerms.variants}) where lower(value) in (${wanted}))
    order by ${glossaryTerms.id} limit 5`;
}

export const presentGlossaryMatch = (row: GlossaryRow): GlossaryMatch => ({
  id: row.id,
  term: row.term,
  language: row.language,
  variants: JSON.parse(row.variants) as string[],
  decisions: JSON.parse(row.decisions) as GlossaryMatch["decisions"],
  href: `/v1/glossary/terms/${row.id}`,
});

