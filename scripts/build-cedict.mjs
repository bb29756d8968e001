// Builds the offline dictionary engine's data from CC-CEDICT (CC BY-SA 4.0, by MDBG
// and contributors), as shipped by the `chinese-tokenizer` package:
//   node scripts/build-cedict.mjs
// The raw file (8.9 MB, one line per reading with every sense) is trimmed to what
// word-by-word glossing needs, so the worker holds a few MB of sorted text it can
// binary-search instead of a 24 MB map: see src/translation/engines/cedict/dictionary.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const source = join(dirname(require.resolve("chinese-tokenizer/package.json")), "tests", "cedict_ts.u8");
const out = new URL("../src/translation/engines/cedict/", import.meta.url);

const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;
const USELESS_SENSE =
  /^(old |archaic |ancient |Japanese |Korean |erhua |)variant of|^see |^see also|^used in |^surname |^CL:|^abbr\. |^also written|^also pr\.|^pr\. |^\(old\)|^\(archaic\)|^\(literary\)|^\(Cantonese\)|^\(dialect\)|^(Tw|Taiwan) pr\.|^\[.*\]$|[\u3400-\u9fff]/;

/** A sense reduced to the words a reader needs: no notes, no "to " before verbs. */
function cleanSense(sense) {
  // Grammatical particles ("(completed action marker)") have no English word.
  if (/^\([^()]*\)$/.test(sense.trim()) || /\b(particle|marker)\b/.test(sense)) return "";
  return sense
    .replace(/\([^()]*\)/g, "")
    .replace(/^(lit\.|fig\.|coll\.|slang|Internet slang)\s*/i, "")
    .replace(/^to /, "")
    .replace(/\bsth\b/g, "something")
    .replace(/\bsb\b/g, "someone")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[,;:]$/, "");
}

const isProperNoun = (pinyin) => /^[A-Z]/.test(pinyin);

const entries = [];
for (const line of readFileSync(source, "utf8").split("\n")) {
  if (line.startsWith("#")) continue;
  const m = LINE.exec(line);
  if (!m) continue;
  const [, trad, simp, pinyin, rawSenses] = m;
  const senses = rawSenses.split("/").filter((s) => s && !USELESS_SENSE.test(s));
  if (senses.length === 0) continue;
  entries.push({ trad, simp, pinyin, senses, proper: isProperNoun(pinyin) });
}

/**
 * Among several readings of one word, the common one: a one-character word's
 * neutral-tone reading is its grammatical use (了 le5, 吗 ma5), which is the common
 * one; otherwise not a name, and the reading with the most senses.
 */
const isParticle = (e) => e.simp.length === 1 && /^[a-z]+5$/.test(e.pinyin);
const preference = (e) => (isParticle(e) ? -1000 : 0) + (e.proper ? 100 : 0) - e.senses.length;

function bestBy(list, keyOf) {
  const best = new Map();
  for (const e of list) {
    const key = keyOf(e);
    const current = best.get(key);
    if (!current || preference(e) < preference(current)) best.set(key, e);
  }
  return best;
}

const clean = (s) => s.replace(/[\t\n]/g, " ");

// zh-en: simplified headword → gloss. Traditional text is converted to Simplified
// with OpenCC before lookup, and Traditional output converted from Simplified.
const bySimp = bestBy(entries, (e) => e.simp);
const zhEn = [...bySimp.values()].map((e) => `${e.simp}\t${clean(cleanSense(e.senses[0]))}`).sort(compare);

// en-zh: an English word or short phrase → the everyday Chinese word for it.
// CC-CEDICT has no frequencies; how many other headwords contain a word is a fair
// stand-in for how common it is (狗 is in hundreds of words, 獀 in none).
const containing = new Map();
for (const e of bySimp.values()) {
  if (e.proper) continue;
  const seen = new Set();
  for (let i = 0; i < e.simp.length; i++) {
    for (let n = 1; n <= 4 && i + n <= e.simp.length; n++) seen.add(e.simp.slice(i, i + n));
  }
  for (const part of seen) containing.set(part, (containing.get(part) ?? 0) + 1);
}
const RARE_SENSE = /\((dial|old|literary|classical|archaic|Cantonese|Tw|Budd|TCM|math|chemistry|zoology|botany|medicine|physics|slang|derog|onom|Internet slang)\b/i;
const lengthPenalty = { 1: 1.5, 2: 0, 3: 1.5, 4: 2.5 };
const enZhBest = new Map();
for (const e of bySimp.values()) {
  if (e.simp.length > 4 || /[^\u3400-\u9fff]/.test(e.simp)) continue;
  e.senses.slice(0, 4).forEach((sense, index) => {
    if (RARE_SENSE.test(sense)) return;
    const key = cleanSense(sense)
      .toLowerCase()
      .replace(/^(a|an|the) /, "");
    if (!/^[a-z][a-z' -]*$/.test(key) || key.split(" ").length > 3) return;
    if (e.proper && !key.includes(" ")) return; // names: "Lili" stays Lili
    const score =
      index * 2 + lengthPenalty[e.simp.length] + (e.proper ? 2 : 0) - Math.log2(1 + (containing.get(e.simp) ?? 0)) / 3;
    const current = enZhBest.get(key);
    if (!current || score < current.score) enZhBest.set(key, { simp: e.simp, score });
  });
}
// Closed-class words (pronouns, copula, conjunctions) and a few everyday verbs have
// one standard rendering that a senses-only dictionary can't rank: set them here.
const EVERYDAY = {
  i: "我", me: "我", you: "你", he: "他", him: "他", she: "她", her: "她", it: "它", we: "我们", us: "我们",
  they: "他们", them: "他们", my: "我的", your: "你的", his: "他的", our: "我们的", their: "他们的",
  this: "这", that: "那", these: "这些", those: "那些", is: "是", am: "是", are: "是", was: "是", were: "是",
  and: "和", but: "但是", or: "或者", with: "和", very: "很", so: "很", too: "也", also: "也", yes: "是", no: "不",
  not: "不", please: "请", sorry: "对不起", thank: "谢谢", thanks: "谢谢", look: "看", like: "喜欢", want: "想要",
  eat: "吃", friend: "朋友", friends: "朋友", backyard: "后院", today: "今天", tomorrow: "明天", yesterday: "昨天", teacher: "老师", chinese: "中文", hello: "你好",
};
for (const [en, simp] of Object.entries(EVERYDAY)) enZhBest.set(en, { simp, score: -Infinity });
const enZh = [...enZhBest].map(([en, { simp }]) => `${en}\t${simp}`).sort(compare);

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

const header = "# Derived from CC-CEDICT (https://cc-cedict.org/), CC BY-SA 4.0, MDBG and contributors; built by scripts/build-cedict.mjs\n";
writeFileSync(new URL("zh-en.txt", out), header + zhEn.join("\n") + "\n");
writeFileSync(new URL("en-zh.txt", out), header + enZh.join("\n") + "\n");
console.log(`zh-en ${zhEn.length}, en-zh ${enZh.length}`);
