/*
 * CC-CEDICT lookups over sorted text (built by scripts/build-cedict.mjs). The
 * tables stay as the strings the Text modules give us, about 5 MB, and are
 * binary-searched through an index of line offsets built on first use (~10 ms),
 * instead of a Map of every entry (24 MB and ~100 ms to build).
 */
import { toSimplified } from "../../chinese-script";
import enZhText from "./en-zh.txt";
import zhEnText from "./zh-en.txt";

class SortedTable {
  private starts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  /** The fields after the key on the line whose key is `key`. */
  get(key: string): string[] | undefined {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const start = starts[middle]!;
      const tab = this.text.indexOf("\t", start);
      const candidate = this.text.slice(start, tab);
      if (candidate === key) return this.text.slice(tab + 1, this.text.indexOf("\n", tab)).split("\t");
      if (candidate < key) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

function lineStarts(text: string): Uint32Array {
  const starts: number[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    if (text[start] !== "#") starts.push(start);
    start = end === -1 ? text.length : end + 1;
  }
  return Uint32Array.from(starts);
}

const zhEn = new SortedTable(zhEnText);
const enZh = new SortedTable(enZhText);

/** The English gloss of a Chinese word in either script; "" for grammatical particles. */
export function lookupChinese(word: string): string | undefined {
  return (zhEn.get(word) ?? zhEn.get(toSimplified(word)))?.[0];
}

/** The everyday Chinese word (Simplified) for an English word or short phrase. */
export const lookupEnglish = (phrase: string): string | undefined => enZh.get(phrase)?.[0];

/** Splits a run of Han characters into the longest dictionary words, left to right. */
export function longestWords(run: string): string[] {
  const chars = Array.from(run);
  const words: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let length = Math.min(6, chars.length - i);
    while (length > 1 && lookupChinese(chars.slice(i, i + length).join("")) === undefined) length--;
    words.push(chars.slice(i, i + length).join(""));
    i += length;
  }
  return words;
}
