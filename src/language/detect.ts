/*
 * Language detection for short, mixed, emoji-heavy posts. The writing system
 * decides most cases (Han, Kana, Hangul, Cyrillic, Arabic…), weighing a Han
 * character like a short Latin word; OpenCC's character table tells Simplified
 * from Traditional; eld decides among the languages that share a script. Text
 * with no letters in it (emoji, kaomoji, numbers, links) is "und".
 *
 * eld's "extrasmall" database: on these probes it answers as the medium one does,
 * but costs about 29 MB of heap against 62 MB (large: 140 MB, over the 128 MB
 * isolate limit) and about half the start-up time.
 */
import { eld } from "eld/extrasmall";
import { isTraditionalOnly, isSimplifiedOnly } from "./chinese-script";
import { isPinyinSlang } from "./pinyin-slang";

export const UNDETERMINED = "und";

export type Script = "han" | "kana" | "hangul" | "latin" | "cyrillic" | "arabic" | "greek" | "hebrew" | "thai" | "devanagari";

// Letters that carry language. Latin is limited to the alphabets of languages, so
// IPA and phonetic letters used in kaomoji (ʕ•ᴥ•ʔ) don't count.
const SCRIPT_LETTERS: [Script, RegExp][] = [
  ["han", /\p{Script=Han}/u],
  ["kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["hangul", /\p{Script=Hangul}/u],
  ["latin", /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/u],
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["arabic", /\p{Script=Arabic}/u],
  ["greek", /\p{Script=Greek}/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["thai", /\p{Script=Thai}/u],
  ["devanagari", /\p{Script=Devanagari}/u],
];

/** A CJK character carries about as much as three Latin letters. */
const WEIGHT: Partial<Record<Script, number>> = { han: 3, kana: 3, hangul: 3 };

/** What a script means when eld can't tell (or names a language of another script). */
const SCRIPT_DEFAULT: Record<Script, string> = {
  han: "zh-Hans",
  kana: "ja",
  hangul: "ko",
  latin: "en",
  cyrillic: "ru",
  arabic: "ar",
  greek: "el",
  hebrew: "he",
  thai: "th",
  devanagari: "hi",
};

const ELD_LANGUAGES: Partial<Record<Script, Set<string>>> = {
  latin: new Set("az ca cs da de en es et eu fi fr hr hu is it lt lv ms nl no pl pt ro sk sl sq sv tl tr vi yo".split(" ")),
  cyrillic: new Set(["ru", "uk", "bg", "be", "sr"]),
  arabic: new Set(["ar", "fa", "ur"]),
  devanagari: new Set(["hi", "mr"]),
};

// Words that make short, informal Latin text English when eld is unsure ("omg so cute").
const ENGLISH_MARKERS = new Set(
  "the a is are am i you my me we it this that so and of to in for on with lol omg lmao wow cute love cat cats friend friends thanks thank welcome hello hi yes no not what how".split(
    " ",
  ),
);

const LINKS_AND_HANDLES = /https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+|[#@][\p{L}\p{N}_]+/gu;

/** A kaomoji or emoticon: a word mostly of symbols, like (ツ) or ¯\_(ツ)_/¯. */
function isDecoration(word: string): boolean {
  const chars = [...word];
  const wordCharacters = chars.filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
  return chars.length >= 3 && wordCharacters / chars.length < 0.5;
}

function scriptOf(char: string): Script | null {
  for (const [script, pattern] of SCRIPT_LETTERS) if (pattern.test(char)) return script;
  return null;
}

function countScripts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const char of text) {
    const script = scriptOf(char);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

function dominantScript(counts: Map<Script, number>): Script | null {
  let best: Script | null = null;
  let bestScore = 0;
  for (const [script, count] of counts) {
    const score = count * (WEIGHT[script] ?? 1);
    if (score > bestScore) [best, bestScore] = [script, score];
  }
  return best;
}

/** zh-Hant when the text has more Traditional-only than Simplified-only characters. */
function chineseScript(text: string): "zh-Hans" | "zh-Hant" {
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (isTraditionalOnly(char)) traditional++;
    else if (isSimplifiedOnly(char)) simplified++;
  }
  return traditional > simplified ? "zh-Hant" : "zh-Hans";
}

/** Kana decide Japanese, except a lone の, which Chinese posts borrow for 的. */
const hasJapaneseKana = (text: string) => /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text.replaceAll("の", ""));

function languageWithinScript(script: Script, text: string): string {
  const allowed = ELD_LANGUAGES[script];
  if (!allowed) return SCRIPT_DEFAULT[script];
  const result = eld.detect(text);
  if (script === "latin") {
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const markers = words.filter((word) => ENGLISH_MARKERS.has(word)).length;
    if (markers * 2 >= words.length || (markers > 0 && !result.isReliable())) return "en";
  }
  return allowed.has(result.language) ? result.language : SCRIPT_DEFAULT[script];
}

/** The text without links, handles, tags and kaomoji: only what may carry language. */
export function languageContent(text: string): string {
  return text
    .replace(LINKS_AND_HANDLES, " ")
    .split(/\s+/)
    .filter((word) => word && !isDecoration(word))
    .join(" ");
}

/** The writing system most of the text's letters belong to, or null when it has none. */
export const writingSystem = (text: string): Script | null => dominantScript(countScripts(languageContent(text)));

/**
 * A BCP 47 tag for the text's dominant language (`en`, `zh-Hans`, `zh-Hant`, `ja`…),
 * or "und" when it has no language in it.
 * @example detectLanguage("这是我的后院 welcome 🌵") // "zh-Hans"
 */
export function detectLanguage(text: string): string {
  const content = languageContent(text.normalize("NFC"));
  const counts = countScripts(content);
  const script = dominantScript(counts);
  if (!script) return UNDETERMINED;
  if (script === "latin" && counts.size === 1 && isPinyinSlang(content)) return "zh-Hans";
  if ((script === "han" || script === "kana") && hasJapaneseKana(content)) return "ja";
  if (script === "han" || script === "kana") return chineseScript(content);
  return languageWithinScript(script, content);
}
