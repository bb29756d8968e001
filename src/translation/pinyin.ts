/*
 * The reading aid for learners: pinyin with tone marks, word by word, from
 * pinyin-pro. Only Han text goes to pinyin-pro (it would space out Latin letters).
 */
import { pinyin } from "pinyin-pro";

export type Reading = { text: string; pinyin: string | null };

const words = new Intl.Segmenter("zh", { granularity: "word" });
const HAN = /\p{Script=Han}/u;

export function pinyinReading(text: string): Reading[] {
  const readings: Reading[] = [];
  for (const { segment } of words.segment(text)) {
    if (HAN.test(segment)) {
      readings.push({ text: segment, pinyin: pinyin(segment, { type: "array" }).join(" ") });
    } else {
      const last = readings.at(-1);
      // Runs of punctuation, spaces and Latin text are kept whole, without a reading.
      if (last && last.pinyin === null) last.text += segment;
      else readings.push({ text: segment, pinyin: null });
    }
  }
  return readings;
}
