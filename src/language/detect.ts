/*
 * A small, honest language detector: the writing system decides most cases,
 * common function words decide among Latin-script languages, and text with no
 * letters at all (emoji, numbers, links) is "und". Short or mixed text is
 * decided by the dominant script, a Han character counting as much as a
 * short Latin word.
 */

export const UNDETERMINED = "und";

const SCRIPTS: [name: string, pattern: RegExp, weight: number][] = [
  ["kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 3],
  ["hangul", /\p{Script=Hangul}/gu, 3],
  ["han", /\p{Script=Han}/gu, 3],
  ["cyrillic", /\p{Script=Cyrillic}/gu, 1],
  ["arabic", /\p{Script=Arabic}/gu, 1],
  ["thai", /\p{Script=Thai}/gu, 1],
  ["greek", /\p{Script=Greek}/gu, 1],
  ["hebrew", /\p{Script=Hebrew}/gu, 1],
  ["devanagari", /\p{Script=Devanagari}/gu, 1],
  ["latin", /\p{Script=Latin}/gu, 1],
];

const SCRIPT_LANGUAGE: Record<string, string> = {
  hangul: "ko",
  cyrillic: "ru",
  arabic: "ar",
  thai: "th",
  greek: "el",
  hebrew: "he",
  devanagari: "hi",
};

// Characters frequent in everyday writing that differ between the two Chinese scripts.
const TRADITIONAL_ONLY = new Set("們這個說為與來對時後會過還麼裡學開關發見讓點東車門問題國愛貓樣實頭氣無電話應長華語幫飯聽氣謝吃飽歡鄉買賣書寫讀親愛");
const SIMPLIFIED_ONLY = new Set("们这个说为与来对时后会过还么里学开关发见让点东车门问题国爱猫样实头气无电话应长华语帮饭听气谢饱欢乡买卖书写读亲");

const FUNCTION_WORDS: Record<string, string[]> = {
  en: ["the", "and", "is", "are", "my", "you", "this", "to", "of", "it", "in", "with", "for", "i", "what", "welcome", "hello", "thanks", "friend", "cat", "so", "me", "have", "how"],
  es: ["el", "la", "los", "las", "es", "y", "de", "que", "mi", "un", "una", "con", "para", "por", "gracias", "hola", "gato", "muy", "del", "este", "esta", "como"],
  pt: ["o", "a", "os", "as", "é", "e", "de", "que", "meu", "minha", "um", "uma", "com", "para", "obrigado", "obrigada", "olá", "gato", "muito", "não", "do", "da", "você"],
  fr: ["le", "la", "les", "est", "et", "de", "que", "mon", "ma", "un", "une", "avec", "pour", "merci", "bonjour", "chat", "très", "je", "tu", "nous"],
  de: ["der", "die", "das", "ist", "und", "mein", "meine", "ein", "eine", "mit", "für", "danke", "hallo", "katze", "sehr", "ich", "nicht"],
};

function chineseScript(text: string): "zh-Hans" | "zh-Hant" {
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (TRADITIONAL_ONLY.has(char)) traditional++;
    else if (SIMPLIFIED_ONLY.has(char)) simplified++;
  }
  return traditional > simplified ? "zh-Hant" : "zh-Hans";
}

function latinLanguage(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = "en";
  let bestScore = 0;
  for (const [language, list] of Object.entries(FUNCTION_WORDS)) {
    const score = words.filter((word) => list.includes(word)).length;
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  return best;
}

/** Returns a BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `ja`…) or "und" when the text has no language in it. */
export function detectLanguage(text: string): string {
  const withoutLinks = text.replace(/https?:\/\/\S+|[#@][\p{L}\p{N}_]+/gu, " ");
  let dominant: string | null = null;
  let dominantScore = 0;
  for (const [name, pattern, weight] of SCRIPTS) {
    const count = withoutLinks.match(pattern)?.length ?? 0;
    if (count * weight > dominantScore) [dominant, dominantScore] = [name, count * weight];
  }
  if (!dominant) return UNDETERMINED;
  if (dominant === "kana" || (dominant === "han" && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(withoutLinks))) {
    return "ja";
  }
  if (dominant === "han") return chineseScript(withoutLinks);
  if (dominant === "latin") return latinLanguage(withoutLinks);
  return SCRIPT_LANGUAGE[dominant] ?? UNDETERMINED;
}
