/*
 * Finding glossary terms in a text and protecting them from engines: each term
 * that has a decision for the target language is replaced by a placeholder ⟦n⟧
 * before the engine sees the text, and after it the placeholder becomes the
 * curated rendering or the original term. An engine can't mangle what it never saw.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { glossaryDecisions, glossaryState, glossaryTerms } from "../db/schema";
import { baseLanguage } from "../language/tags";

export type Decision = { decision: "render" | "keep"; rendering: string | null };

export type GlossaryTerm = {
  id: string;
  term: string;
  language: string;
  decisions: Map<string, Decision>;
};

export type Glossary = { version: number; byBaseLanguage: Map<string, { pattern: RegExp; terms: Map<string, GlossaryTerm> }> };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A term written in letters must stand alone ("cat tax", not "concatenate"); Han terms need not. */
const spellingPattern = (spelling: string) =>
  /^[\p{L}\p{N}]/u.test(spelling) && !/\p{Script=Han}/u.test(spelling)
    ? `(?<![\\p{L}\\p{N}])${escape(spelling)}(?![\\p{L}\\p{N}])`
    : escape(spelling);

let cached: Glossary | undefined;

export const glossaryVersion = (db: Db) =>
  db.select({ version: glossaryState.version }).from(glossaryState).where(eq(glossaryState.id, 1));

/** The glossary's version as a column of another read, so a translation's source and version come in one statement. */
export const glossaryVersionColumn = sql<number | null>`(select gs.version from ${glossaryState} gs where gs.id = 1)`;

/** The whole glossary, reloaded only when its version (bumped by triggers) has moved. */
export async function loadGlossary(db: Db, version: number): Promise<Glossary> {
  if (cached?.version === version) return cached;
  const [terms, decisions] = await db.batch([db.select().from(glossaryTerms), db.select().from(glossaryDecisions)]);
  const byId = new Map<string, GlossaryTerm>(terms.map((t) => [t.id, { id: t.id, term: t.term, language: t.language, decisions: new Map() }]));
  for (const d of decisions) byId.get(d.termId)?.decisions.set(d.targetLanguage, { decision: d.decision, rendering: d.rendering });
  const spellingsByBase = new Map<string, Map<string, GlossaryTerm>>();
  for (const t of terms) {
    const spellings = spellingsByBase.get(baseLanguage(t.language)) ?? new Map<string, GlossaryTerm>();
    for (const spelling of [t.term, ...t.variants]) spellings.set(spelling.toLowerCase(), byId.get(t.id)!);
    spellingsByBase.set(baseLanguage(t.language), spellings);
  }
  const byBaseLanguage = new Map(
    [...spellingsByBase].map(([base, spellings]) => {
      const alternatives = [...spellings.keys()].sort((a, b) => b.length - a.length).map(spellingPattern);
      return [base, { pattern: new RegExp(alternatives.join("|"), "giu"), terms: spellings }];
    }),
  );
  cached = { version, byBaseLanguage };
  return cached;
}

export type Occurrence = { term: GlossaryTerm; text: string; start: number; end: number };

export function findTerms(glossary: Glossary, text: string, language: string): Occurrence[] {
  const entry = glossary.byBaseLanguage.get(baseLanguage(language));
  if (!entry) return [];
  return Array.from(text.matchAll(entry.pattern), (m) => ({
    term: entry.terms.get(m[0].toLowerCase())!,
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The decision for a reader's language: exact tag first, then any tag of the same base language. */
export function decisionFor(term: GlossaryTerm, target: string): Decision | undefined {
  const exact = term.decisions.get(target);
  if (exact) return exact;
  for (const [tag, decision] of term.decisions) if (baseLanguage(tag) === baseLanguage(target)) return decision;
  return undefined;
}

export type Protected = { text: string; slots: { occurrence: Occurrence; decision: Decision }[] };

export function protectTerms(segment: string, occurrences: Occurrence[], target: string): Protected {
  const slots: Protected["slots"] = [];
  let text = "";
  let at = 0;
  for (const occurrence of occurrences) {
    const decision = decisionFor(occurrence.term, target);
    if (!decision) continue;
    text += `${segment.slice(at, occurrence.start)}⟦${slots.length}⟧`;
    slots.push({ occurrence, decision });
    at = occurrence.end;
  }
  return { text: text + segment.slice(at), slots };
}

export type Mark = { term: GlossaryTerm; handling: "rendered" | "kept"; start: number; end: number };

/** Puts renderings or the kept originals back, and says where each landed in the output. */
export function restoreTerms(translated: string, slots: Protected["slots"]): { text: string; marks: Mark[] } {
  const marks: Mark[] = [];
  let text = "";
  let at = 0;
  for (const match of translated.matchAll(/⟦(\d+)⟧/g)) {
    const slot = slots[Number(match[1])]!;
    const replacement = slot.decision.decision === "render" ? slot.decision.rendering! : slot.occurrence.text;
    text += translated.slice(at, match.index);
    const handling = slot.decision.decision === "render" ? "rendered" : "kept";
    marks.push({ term: slot.occurrence.term, handling, start: text.length, end: text.length + replacement.length });
    text += replacement;
    at = match.index + match[0].length;
  }
  return { text: text + translated.slice(at), marks };
}

/** True when every placeholder of the input comes back exactly once and no other appears. */
export function placeholdersIntact(input: string, output: string): boolean {
  const expected = (input.match(/⟦\d+⟧/g) ?? []).sort();
  const found = (output.match(/⟦\d+⟧/g) ?? []).sort();
  return expected.length === found.length && expected.every((p, i) => p === found[i]);
}
