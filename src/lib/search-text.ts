/*
 * Text as the full-text index sees it. FTS5's unicode61 tokenizer keeps a run of
 * Chinese characters as one token, so text is first cut into words with
 * Intl.Segmenter (dictionary-based in workerd: 我今天去夜市 → 我/今天/去/夜市) and
 * stored space-joined in `words`; every CJK character also goes, on its own, into
 * `chars`, so `猫` finds `猫咪` and a word the segmenter cut differently in the note
 * still matches as a phrase of its characters. Traditional is folded to Simplified on
 * both sides, so 貓咪 and 猫咪 find each other.
 */
import { ConverterFactory, type ConverterFunction } from "opencc-js/core";
import TSCharacters from "opencc-js/dict/TSCharacters";
import TSPhrases from "opencc-js/dict/TSPhrases";

const CJK = /[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const CJK_ALL = new RegExp(CJK.source, "gu");

let segmenter: Intl.Segmenter | undefined;
let simplifier: ConverterFunction | undefined;

const fold = (text: string) =>
  (simplifier ??= ConverterFactory([TSPhrases, TSCharacters]))(text.normalize("NFKC")).toLocaleLowerCase("und");

function wordsOf(text: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

const charsOf = (text: string) => text.match(CJK_ALL) ?? [];

/** The two indexed columns for a piece of text. */
export function indexedText(text: string): { words: string; chars: string } {
  const folded = fold(text);
  return { words: wordsOf(folded).join(" "), chars: charsOf(folded).join(" ") };
}

/** At most this many words of a query are searched for; the rest are ignored. */
export const MAX_QUERY_WORDS = 12;

/** The words of a query as the index spells them: folded to lower case and Simplified. */
export const queryWords = (query: string) => wordsOf(fold(query)).slice(0, MAX_QUERY_WORDS);

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * An FTS5 MATCH expression finding documents with every word of `query`, or null
 * when the query has no words (only punctuation, operators or emoji). User text
 * never reaches FTS5 syntax unquoted: each word becomes a quoted string, so `"`,
 * `*`, `AND`, `NEAR` or `-` are searched for as words or dropped, never parsed.
 * With `prefix`, Latin words also match as prefixes (`ash` finds Ashley).
 */
export function matchExpression(query: string, options: { prefix?: boolean } = {}): string | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const chars = charsOf(word);
      if (chars.length === 0) return `{words} : ${quoted(word)}${options.prefix ? "*" : ""}`;
      return `({words} : ${quoted(word)} OR {chars} : ${quoted(chars.join(" "))})`;
    })
    .join(" AND ");
}
