/*
 * Texts are translated and cached sentence by sentence, so editing one sentence
 * of a long note re-translates one sentence.
 */
const sentences = new Intl.Segmenter("und", { granularity: "sentence" });

/** The longest segment sent to an engine; longer sentences are cut at spaces or commas. */
export const MAX_SEGMENT_LENGTH = 500;

export type Piece = { leading: string; segment: string; trailing: string };

/** Splits a text into sentence-sized segments, keeping the whitespace around each so the text can be put back together exactly. */
export function splitIntoSegments(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const { segment: sentence } of sentences.segment(text)) {
    for (const part of splitAtLanguageSwitches(sentence).flatMap(cutLongSentence)) {
      const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(part)!;
      pieces.push({ leading: match[1]!, segment: match[2]!, trailing: match[3]! });
    }
  }
  return pieces;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LETTER = /\p{L}/u;

type Run = { kind: "cjk" | "other"; text: string; weight: number };

/** Consecutive words of one kind of writing, with the spaces, emoji and digits between them. */
function writingRuns(sentence: string): Run[] {
  const runs: Run[] = [];
  for (const token of sentence.split(/(\s+)/)) {
    const cjk = token.match(CJK)?.length ?? 0;
    const kind = cjk > 0 ? "cjk" : LETTER.test(token) ? "other" : null;
    const weight = kind === "cjk" ? cjk : kind === "other" ? 1 : 0;
    const last = runs.at(-1);
    if (last && (kind === null || kind === last.kind)) {
      last.text += token;
      last.weight += weight;
    } else {
      runs.push({ kind: kind ?? "other", text: token, weight });
    }
  }
  return runs;
}

/*
 * This community writes "猫税收据统一模板 🧾 Cat tax receipts for all new friends":
 * one sentence, half Chinese, half English. It is cut where the writing switches
 * at a space, so each half is translated from its own language. A short run (one
 * Latin word, one Han character) stays with its neighbours: "这是我的后院 welcome 🌵"
 * is one Chinese sentence with an English word in it.
 */
function splitAtLanguageSwitches(sentence: string): string[] {
  const merged: Run[] = [];
  for (const run of writingRuns(sentence)) {
    const last = merged.at(-1);
    if (last && (run.weight < 2 || run.kind === last.kind)) {
      last.text += run.text;
      last.weight += run.kind === last.kind ? run.weight : 0;
    } else if (last && last.weight < 2) {
      merged[merged.length - 1] = { ...run, text: last.text + run.text };
    } else {
      merged.push({ ...run });
    }
  }
  return merged.map((run) => run.text);
}

function cutLongSentence(sentence: string): string[] {
  const parts: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SEGMENT_LENGTH) {
    const window = rest.slice(0, MAX_SEGMENT_LENGTH);
    const cut = Math.max(window.lastIndexOf(" "), window.lastIndexOf("，"), window.lastIndexOf(","));
    const at = cut > MAX_SEGMENT_LENGTH / 2 ? cut + 1 : MAX_SEGMENT_LENGTH;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  parts.push(rest);
  return parts;
}

/** Languages written without spaces between words and sentences. */
const UNSPACED = /^(zh|ja|th|lo|km|my)\b/;

/**
 * What goes after each segment besides its own whitespace: Chinese sentences
 * follow each other with no space, but translated into a spaced language they
 * need one ("…receipt. Comment…", not "…receipt.Comment…").
 */
export function gapsAfter(pieces: Piece[], outputs: string[], target: string): string[] {
  const spaced = !UNSPACED.test(target);
  return pieces.map((piece, i) => {
    const next = pieces[i + 1];
    if (!spaced || !next || piece.trailing || next.leading || !outputs[i] || !outputs[i + 1]) return "";
    return outputs[i] !== piece.segment || outputs[i + 1] !== next.segment ? " " : "";
  });
}

/** Puts translated segments back between the original whitespace. */
export function joinPieces(pieces: Piece[], outputs: string[], target: string): string {
  const gaps = gapsAfter(pieces, outputs, target);
  return pieces.map((piece, i) => piece.leading + outputs[i] + piece.trailing + gaps[i]).join("");
}
