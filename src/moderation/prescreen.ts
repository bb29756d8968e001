import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { comments, moderationCases, notes, prescreenWords, reports } from "../db/schema";
import { newId } from "../lib/ids";
import type { IpRegion } from "../lib/ip-region";
import { originLanguage } from "./scope";

/** Scripts written without spaces between words: their list entries match anywhere in the text. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** NFKC, lower case, every run of non-letters and non-digits one space: how both words and texts are compared. */
export function normaliseForScreening(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}\p{M}]+/gu, " ").trim();
}

export const matchesAnywhere = (word: string) => UNSPACED.test(word);

/** New content to screen against the word lists. */
export type Screened = { type: "note" | "comment"; id: string; authorId: string; text: string; language: string; ip: IpRegion };

/**
 * Statements to run in the same D1 batch as a new note's or comment's insert:
 * when any listed word occurs, a case is opened with a report by the
 * pre-screen naming the words. It flags and never hides or deletes.
 */
export function prescreenStatements(db: Db, item: Screened, now: number): BatchItem<"sqlite">[] {
  const padded = ` ${normaliseForScreening(item.text)} `;
  const caseId = newId(now);
  // A write refused inside its own SQL (a block) leaves nothing to flag.
  const written = item.type === "note" ? notes : comments;
  const matches = sql`(case when ${prescreenWords.wholeWord} then instr(${padded}, ' ' || ${prescreenWords.word} || ' ') else instr(${padded}, ${prescreenWords.word}) end) > 0`;
  // Rows in the tables' column order (drizzle's insert … select takes every column).
  return [
    db.insert(moderationCases).select(sql`select ${caseId}, ${item.type}, ${item.id}, ${item.authorId}, ${originLanguage(item.language)},
      ${item.ip.country}, ${item.ip.region}, 'open', 0, 1, null, null, null, null, null, ${now}
      where exists (select 1 from ${prescreenWords} where ${matches}) and exists (select 1 from ${written} where id = ${item.id})`),
    db.insert(reports).select(sql`select ${newId(now)}, ${caseId}, null, min(${prescreenWords.category}),
      'Pre-screen matched: ' || group_concat(${prescreenWords.word}, ', '), 'prescreen', ${now}
      from ${prescreenWords} where ${matches} and exists (select 1 from ${moderationCases} where ${moderationCases.id} = ${caseId}) having count(*) > 0`),
  ];
}
