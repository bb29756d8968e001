import type { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { glossaryDecisions, glossaryExplanations, glossaryTerms, glossaryVotes, users } from "../db/schema";
import { newId } from "../lib/ids";
import { afterCursor, decodeCursor, toPage } from "../lib/pagination";
import { iso } from "../lib/time";
import type { ExplanationSchema, TermSchema } from "./schemas";
import { baseLanguage } from "../language/tags";

type TermRow = typeof glossaryTerms.$inferSelect;
type DecisionRow = typeof glossaryDecisions.$inferSelect;
type Explanation = z.infer<typeof ExplanationSchema>;

export const BEST_EXPLANATIONS = 3;

/** Existence only: reads the primary key. */
export const termExists = async (db: Db, id: string) =>
  (await db.select({ id: glossaryTerms.id }).from(glossaryTerms).where(eq(glossaryTerms.id, id)).get()) !== undefined;

const presentDecision = (d: DecisionRow) => ({
  targetLanguage: d.targetLanguage,
  decision: d.decision,
  rendering: d.rendering,
  updatedAt: iso(d.updatedAt),
});

const presentTerm = (t: TermRow, decisions: DecisionRow[]) => ({
  id: t.id,
  term: t.term,
  language: t.language,
  variants: t.variants,
  decisions: decisions.filter((d) => d.termId === t.id).map(presentDecision),
  createdAt: iso(t.createdAt),
  updatedAt: iso(t.updatedAt),
});

const explanationColumns = { explanation: glossaryExplanations, author: { id: users.id, nickname: users.nickname } };

function presentExplanation(
  row: { explanation: typeof glossaryExplanations.$inferSelect; author: { id: string; nickname: string } | null },
  votedIds: Set<string> | null,
): Explanation {
  const e = row.explanation;
  return {
    id: e.id,
    termId: e.termId,
    author: row.author,
    body: e.body,
    language: e.language,
    voteCount: e.voteCount,
    viewerVoted: votedIds ? votedIds.has(e.id) : null,
    createdAt: iso(e.createdAt),
  };
}

async function votedBy(db: Db, viewerId: string | null, explanationIds: string[]): Promise<Set<string> | null> {
  if (!viewerId) return null;
  if (explanationIds.length === 0) return new Set();
  const rows = await db
    .select({ id: glossaryVotes.explanationId })
    .from(glossaryVotes)
    .where(and(eq(glossaryVotes.userId, viewerId), inArray(glossaryVotes.explanationId, explanationIds)));
  return new Set(rows.map((r) => r.id));
}

const bestFirst = [desc(glossaryExplanations.voteCount), asc(glossaryExplanations.id)];

export async function loadTerm(db: Db, id: string, viewerId: string | null): Promise<z.infer<typeof TermSchema> | undefined> {
  // The join stays out of db.batch: D1 keys batch rows by column name, so users.id would overwrite the explanation's id.
  const [[terms, decisions], explanations] = await Promise.all([
    db.batch([
      db.select().from(glossaryTerms).where(eq(glossaryTerms.id, id)),
      db.select().from(glossaryDecisions).where(eq(glossaryDecisions.termId, id)),
    ]),
    db
      .select(explanationColumns)
      .from(glossaryExplanations)
      .leftJoin(users, eq(users.id, glossaryExplanations.authorId))
      .where(eq(glossaryExplanations.termId, id))
      .orderBy(...bestFirst)
      .limit(BEST_EXPLANATIONS),
  ]);
  const term = terms[0];
  if (!term) return undefined;
  const voted = await votedBy(db, viewerId, explanations.map((e) => e.explanation.id));
  return { ...presentTerm(term, decisions), bestExplanations: explanations.map((e) => presentExplanation(e, voted)) };
}

/** Terms matching `q` in their spelling, other spellings or renderings, oldest first. */
export async function searchTerms(db: Db, query: { q?: string; language?: string; cursor?: string; limit: number }) {
  const pattern = query.q ? `%${query.q.replace(/[%_\\]/g, "\\$&")}%` : undefined;
  const rows = await db
    .select()
    .from(glossaryTerms)
    .where(
      and(
        query.language ? eq(glossaryTerms.language, query.language) : undefined,
        pattern
          ? or(
              sql`${glossaryTerms.term} LIKE ${pattern} ESCAPE '\\'`,
              sql`EXISTS (SELECT 1 FROM json_each(${glossaryTerms.variants}) WHERE value LIKE ${pattern} ESCAPE '\\')`,
              sql`EXISTS (SELECT 1 FROM ${glossaryDecisions} WHERE ${glossaryDecisions.termId} = ${glossaryTerms.id} AND ${glossaryDecisions.rendering} LIKE ${pattern} ESCAPE '\\')`,
            )
          : undefined,
        afterCursor(query.cursor, "asc", glossaryTerms.id),
      ),
    )
    .orderBy(asc(glossaryTerms.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (t) => [t.id, t.id], (t) => t);
  const decisions = page.items.length
    ? await db.select().from(glossaryDecisions).where(inArray(glossaryDecisions.termId, page.items.map((t) => t.id)))
    : [];
  return { items: page.items.map((t) => presentTerm(t, decisions)), nextCursor: page.nextCursor };
}

export async function insertTerm(db: Db, curatorId: string, input: { term: string; language: string; variants: string[] }) {
  const now = Date.now();
  const id = newId(now);
  await db.insert(glossaryTerms).values({ id, ...input, createdBy: curatorId, createdAt: now, updatedAt: now });
  return id;
}

export async function setDecision(
  db: Db,
  termId: string,
  targetLanguage: string,
  input: { decision: "render"; rendering: string } | { decision: "keep" },
  curatorId: string,
) {
  const values = {
    decision: input.decision,
    rendering: input.decision === "render" ? input.rendering : null,
    curatedBy: curatorId,
    updatedAt: Date.now(),
  };
  await db
    .insert(glossaryDecisions)
    .values({ termId, targetLanguage, ...values })
    .onConflictDoUpdate({ target: [glossaryDecisions.termId, glossaryDecisions.targetLanguage], set: values });
}

export const deleteDecision = (db: Db, termId: string, targetLanguage: string) =>
  db
    .delete(glossaryDecisions)
    .where(and(eq(glossaryDecisions.termId, termId), eq(glossaryDecisions.targetLanguage, targetLanguage)))
    .returning({ termId: glossaryDecisions.termId });

export async function insertExplanation(db: Db, termId: string, authorId: string, body: string, language: string) {
  const now = Date.now();
  const id = newId(now);
  await db.insert(glossaryExplanations).values({ id, termId, authorId, body, language, createdAt: now });
  return id;
}

export async function loadExplanation(db: Db, id: string, viewerId: string | null) {
  const row = await db
    .select(explanationColumns)
    .from(glossaryExplanations)
    .leftJoin(users, eq(users.id, glossaryExplanations.authorId))
    .where(eq(glossaryExplanations.id, id))
    .get();
  return row && presentExplanation(row, await votedBy(db, viewerId, [id]));
}

export const findExplanation = (db: Db, id: string) =>
  db.select().from(glossaryExplanations).where(eq(glossaryExplanations.id, id)).get();

export const deleteExplanation = (db: Db, id: string) => db.delete(glossaryExplanations).where(eq(glossaryExplanations.id, id));

/** Explanations of a term, best first (most votes, then oldest). */
export async function pageOfExplanations(db: Db, termId: string, viewerId: string | null, page: { cursor?: string; limit: number }) {
  const rows = await db
    .select(explanationColumns)
    .from(glossaryExplanations)
    .leftJoin(users, eq(users.id, glossaryExplanations.authorId))
    .where(
      and(eq(glossaryExplanations.termId, termId), afterBestCursor(page.cursor)),
    )
    .orderBy(...bestFirst)
    .limit(page.limit + 1);
  const voted = await votedBy(db, viewerId, rows.slice(0, page.limit).map((r) => r.explanation.id));
  return toPage(rows, page.limit, (r) => [r.explanation.voteCount, r.explanation.id], (r) => presentExplanation(r, voted));
}

/** Keyset for "most votes first, then oldest": fewer votes, or as many and a later id. */
function afterBestCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [votes, id] = decodeCursor(cursor);
  const count = Number(votes);
  return or(lt(glossaryExplanations.voteCount, count), and(eq(glossaryExplanations.voteCount, count), gt(glossaryExplanations.id, id)));
}

/** Votes for (or withdraws a vote from) an explanation and returns the new count. */
export async function setVote(db: Db, explanationId: string, userId: string, vote: boolean) {
  const change = vote
    ? db.insert(glossaryVotes).values({ explanationId, userId, createdAt: Date.now() }).onConflictDoNothing()
    : db.delete(glossaryVotes).where(and(eq(glossaryVotes.explanationId, explanationId), eq(glossaryVotes.userId, userId)));
  const [, rows] = await db.batch([
    change,
    db.select({ voteCount: glossaryExplanations.voteCount }).from(glossaryExplanations).where(eq(glossaryExplanations.id, explanationId)),
  ]);
  return { voted: vote, voteCount: rows[0]?.voteCount ?? 0 };
}

/**
 * The best explanation of each term for a reader: the most voted one in the
 * reader's language if there is one, else the most voted in any language.
 * At most 50 terms, so the query stays under D1's 100 bound parameters.
 */
export async function bestExplanationsFor(db: Db, termIds: string[], readerLanguage: string) {
  if (termIds.length === 0) return new Map<string, Explanation>();
  const base = baseLanguage(readerLanguage);
  const ranked = db
    .select({
      id: glossaryExplanations.id,
      rank: sql<number>`row_number() over (partition by ${glossaryExplanations.termId} order by (${glossaryExplanations.language} = ${base} or ${glossaryExplanations.language} like ${`${base}-%`}) desc, ${glossaryExplanations.voteCount} desc, ${glossaryExplanations.id})`.as("rank"),
    })
    .from(glossaryExplanations)
    .where(inArray(glossaryExplanations.termId, termIds.slice(0, 50)))
    .as("ranked");
  const rows = await db
    .select(explanationColumns)
    .from(glossaryExplanations)
    .innerJoin(ranked, eq(ranked.id, glossaryExplanations.id))
    .leftJoin(users, eq(users.id, glossaryExplanations.authorId))
    .where(sql`${ranked.rank} = 1`);
  return new Map(rows.map((row) => [row.explanation.termId, presentExplanation(row, null)]));
}
