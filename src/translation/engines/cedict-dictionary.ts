/*
 * The offline engine: word-by-word glosses from CC-CEDICT, Chinese ↔ English.
 * It segments Chinese with Intl.Segmenter (ICU's dictionary) and the longest
 * CC-CEDICT words, and looks English words up in a reverse index. It shows what
 * each word means; it is not a translation, and says so in every response.
 */
import { convertChineseScript } from "../chinese-script";
import { lookupChinese, lookupEnglish, longestWords } from "./cedict/dictionary";
import type { Engine } from "./engine";
import { isChinese } from "../languages";

const HAN = /\p{Script=Han}/u;
const PLACEHOLDER = /^⟦\d+⟧$/;

const TO_ASCII: Record<string, string> = { "，": ",", "。": ".", "！": "!", "？": "?", "：": ":", "；": ";", "、": ",", "（": "(", "）": ")", "“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "～": "~" };
const TO_FULL_WIDTH: Record<string, string> = { ",": "，", ".": "。", "!": "！", "?": "？", ":": "：", ";": "；", "(": "（", ")": "）" };

const chineseWords = new Intl.Segmenter("zh", { granularity: "word" });

// Pronoun + 的 reads as a possessive, which word-by-word glossing would make "I of".
const POSSESSIVE: Record<string, string> = { 我: "my", 你: "your", 他: "his", 她: "her", 它: "its", 我们: "our", 你们: "your", 他们: "their" };

/** Splits text around `⟦n⟧` placeholders, which pass through every engine untouched. */
const aroundPlaceholders = (text: string) => text.split(/(⟦\d+⟧)/u).filter(Boolean);

/** Joins English words with spaces, punctuation hugging the word before it. */
function joinEnglish(tokens: string[]): string {
  let out = "";
  for (const token of tokens) {
    const attaches = /^[,.!?:;)~]/.test(token) || out === "" || out.endsWith("(") || out.endsWith(" ");
    out += attaches ? token : ` ${token}`;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function glossChinese(segment: string): string {
  const tokens: string[] = [];
  const pieces = aroundPlaceholders(segment).flatMap((part) =>
    PLACEHOLDER.test(part) ? [part] : Array.from(chineseWords.segment(part), (s) => s.segment),
  );
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (/^\s+$/.test(piece)) continue;
    if (!HAN.test(piece)) {
      tokens.push(TO_ASCII[piece] ?? piece);
    } else if (POSSESSIVE[piece] && pieces[i + 1] === "的") {
      tokens.push(POSSESSIVE[piece]);
      i++;
    } else if (piece.endsWith("的") && POSSESSIVE[piece.slice(0, -1)]) {
      tokens.push(POSSESSIVE[piece.slice(0, -1)]!);
    } else {
      const gloss = lookupChinese(piece);
      const glosses = gloss !== undefined ? [gloss] : longestWords(piece).map((word) => lookupChinese(word) ?? word);
      tokens.push(...glosses.filter(Boolean));
    }
  }
  return joinEnglish(tokens);
}

const ARTICLES = new Set(["a", "an", "the"]);

/** Dictionary forms to try for an inflected English word: cats → cat, cooked → cook. */
function baseForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith("'s")) forms.push(word.slice(0, -2));
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.endsWith("s")) forms.push(word.slice(0, -1));
  if (word.endsWith("ed")) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith("ing")) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return forms;
}

const lookupWord = (word: string) => baseForms(word).map(lookupEnglish).find(Boolean);

function glossEnglish(segment: string): string {
  const tokens = segment.match(/⟦\d+⟧|[A-Za-z]+(?:'[a-z]+)?|\s+|./gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (/^\s+$/.test(token)) continue;
    if (!/^[A-Za-z]/.test(token)) {
      out.push(PLACEHOLDER.test(token) ? token : (TO_FULL_WIDTH[token] ?? token));
      continue;
    }
    if (ARTICLES.has(token.toLowerCase())) continue;
    // Prefer the longest phrase the dictionary knows: "night market" → 夜市.
    let matched = false;
    for (let words = 3; words >= 2 && !matched; words--) {
      const phraseTokens = tokens.slice(i, i + words * 2 - 1);
      if (phraseTokens.length < words * 2 - 1 || phraseTokens.some((t, k) => (k % 2 ? t !== " " : !/^[A-Za-z]+$/.test(t)))) continue;
      const chinese = lookupEnglish(phraseTokens.join("").toLowerCase());
      if (chinese) {
        out.push(chinese);
        i += words * 2 - 2;
        matched = true;
      }
    }
    if (!matched) out.push(lookupWord(token.toLowerCase()) ?? ` ${token} `);
  }
  return out.join("").replace(/\s{2,}/g, " ").trim();
}


export const cedictDictionary: Engine = {
  id: "cedict-dictionary",
  name: "CC-CEDICT dictionary (offline)",
  quality:
    "Word-by-word dictionary glosses from CC-CEDICT, not a fluent translation: it shows what each word means, in the original word order.",
  supports: (source, target) => (isChinese(source) && target === "en") || (source === "en" && isChinese(target)),
  async translate(segments, source, target) {
    if (isChinese(source)) return segments.map(glossChinese);
    const simplified = segments.map(glossEnglish);
    return target === "zh-Hant" ? Promise.all(simplified.map((text) => convertChineseScript(text, "zh-Hant"))) : simplified;
  },
};
