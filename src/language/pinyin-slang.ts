/*
 * Chinese internet slang (and "hhhh", laughter) written as pinyin initials or digits-and-letters: a post
 * made only of these ("yyds!!!", "xswl") is Chinese, though no Han character is in it.
 */
const PINYIN_SLANG = new Set([
  "yyds", // 永远的神 "the eternal god": the GOAT
  "xswl", // 笑死我了 "I'm dying of laughter"
  "awsl", // 啊我死了 "I'm dead (it's too cute)"
  "nbcs", // nobody cares
  "zqsg", // 真情实感 "sincerely"
  "dddd", // 懂的都懂 "those who know, know"
  "u1s1", // 有一说一 "to be honest"
  "xdm", // 兄弟们 "bros"
  "jms", // 姐妹们 "sisters"
  "bdjw", // 不懂就问 "just asking"
  "plmm", // 漂亮妹妹 "pretty girl"
  "nsdd", // 你说得对 "you're right"
  "yysy", // 有一说一
  "v50", // V我50 "send me 50 yuan": KFC Crazy Thursday
]);

export function isPinyinSlang(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 && words.every((word) => PINYIN_SLANG.has(word) || /^h{3,}$/.test(word));
}
