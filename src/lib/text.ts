import { z } from "@hono/zod-openapi";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Length as people see it: 👨‍👩‍👧 and é are one character each. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/*
 * Characters that render as nothing or steer layout: controls, format characters
 * (zero-width spaces, bidi overrides, BOM), unassigned code points and the blank
 * look-alikes (Hangul fillers, Braille blank). ZWJ stays allowed inside emoji
 * sequences such as 👨‍👩‍👧.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u115F\u1160\u3164\uFFA0\u2800]/u;
const EMOJI_ZWJ = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;

export const hasInvisibleCharacters = (text: string) => INVISIBLE.test(text.replace(EMOJI_ZWJ, ""));

/** Prose may hold line breaks, tabs and joiners (Persian needs ZWNJ), but no other controls. */
const PROSE_CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
export const hasControlCharacters = (text: string) => PROSE_CONTROL.test(text.replace(/\r?\n|\t/g, ""));

type TextRule = { min: number; max: number; multiline?: boolean };

/**
 * A string people type: NFC-normalised and trimmed, its length counted in
 * characters as people see them, hidden characters refused.
 * @example nickname: userText({ min: 1, max: 30 })
 */
export function userText({ min, max, multiline = false }: TextRule) {
  return z
    .string()
    .max(max * 16, `At most ${max} characters`)
    .normalize("NFC")
    .trim()
    .refine((s) => graphemeLength(s) >= min, min === 1 ? "Must not be empty" : `At least ${min} characters`)
    .refine((s) => graphemeLength(s) <= max, `At most ${max} characters`)
    .refine(
      (s) => !(multiline ? hasControlCharacters(s) : hasInvisibleCharacters(s)),
      multiline ? "Contains control characters" : "Contains control or invisible characters",
    );
}
