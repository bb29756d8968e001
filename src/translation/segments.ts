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
    for (const part of cutLongSentence(sentence)) {
      const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(part)!;
      pieces.push({ leading: match[1]!, segment: match[2]!, trailing: match[3]! });
    }
  }
  return pieces;
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

export const joinPieces = (pieces: Piece[], segments: string[]) =>
  pieces.map((piece, i) => piece.leading + segments[i] + piece.trailing).join("");
