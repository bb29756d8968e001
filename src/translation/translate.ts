/*
 * Translating a note's or comment's texts: sentence segments in the reader's
 * language or without language content pass through untouched; Chinese to the
 * other Chinese script is converted with OpenCC; everything else goes, glossary
 * terms protected, through the fallback chain and its snippet cache.
 */
import type { Glossary, GlossaryTerm, Mark, Occurrence, Protected } from "../glossary/terms-in-text";
import { findTerms, protectTerms, restoreTerms } from "../glossary/terms-in-text";
import { type Script, UNDETERMINED, detectLanguage, writingSystem } from "../language/detect";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import { translateWithChain } from "./chain";
import { convertChineseScript } from "./chinese-script";
import type { Engine } from "./engines/engine";
import { LANGUAGES, isChinese, supportedLanguage } from "./languages";
import { type Reading, pinyinReading } from "./pinyin";
import { type Piece, gapsAfter, joinPieces, splitIntoSegments } from "./segments";

export type SourceText = { field: string; text: string };

export type TranslationJob = {
  texts: SourceText[];
  /** The language stored on the note or comment (detected, or chosen by its author). */
  language: string;
  target: string;
  pinyin: boolean;
  engines: Engine[];
  glossary: Glossary;
  kv: KVNamespace;
  timeoutMs: number;
  beforeEngineCall: () => Promise<void>;
  waitUntil: (promise: Promise<unknown>) => void;
};

export type Outcome = "translated" | "converted" | "unchanged_same_language" | "unchanged_no_language";

/** A glossary term met in the text; positions are in the translated text, absent when the engine translated it freely. */
export type TermUse = { term: GlossaryTerm; handling: "rendered" | "kept" | "translated"; field: string; start: number | null; end: number | null };

export type TranslatedText = { field: string; original: string; translated: string; reading: Reading[] | null };

export type TranslationResult = {
  outcome: Outcome;
  engine: Engine | null;
  segments: { total: number; fromCache: number; translated: number };
  texts: TranslatedText[];
  termUses: TermUse[];
};

// The writing system of each language's text; Chinese and Japanese share Han characters.
const WRITING_SYSTEMS: Record<string, Script> = { "zh-Hans": "han", "zh-Hant": "han", ja: "han", ko: "hangul", ru: "cyrillic", uk: "cyrillic", bg: "cyrillic", be: "cyrillic", sr: "cyrillic", ar: "arabic", fa: "arabic", ur: "arabic", el: "greek", he: "hebrew", th: "thai", hi: "devanagari", mr: "devanagari" };
const CJK = new Set<Script>(["han", "kana"]);
const sameWritingSystem = (a: Script, b: Script) => a === b || (CJK.has(a) && CJK.has(b));

/**
 * A segment's language: none, or, when it is written in another script than the
 * note's language (a Chinese sentence in an English note), its own detected
 * language; otherwise the note's language, which its author may have corrected.
 */
function segmentLanguage(segment: string, documentLanguage: string): string {
  const script = writingSystem(segment);
  if (!script) return UNDETERMINED;
  const documentScript = WRITING_SYSTEMS[documentLanguage] ?? "latin";
  return documentLanguage !== UNDETERMINED && sameWritingSystem(script, documentScript) ? documentLanguage : detectLanguage(segment);
}

type Plan = { field: string; pieces: Piece[]; outputs: string[]; marks: (Mark[] | null)[] };
type EngineWork = { plan: Plan; index: number; source: string; occurrences: Occurrence[]; protectedSegment: Protected };

export async function translateTexts(job: TranslationJob): Promise<TranslationResult> {
  const plans: Plan[] = job.texts.map(({ field, text }) => {
    const pieces = splitIntoSegments(text);
    return { field, pieces, outputs: pieces.map((p) => p.segment), marks: pieces.map(() => null) };
  });
  const { work, counts } = await planSegments(job, plans);
  const { engine, fromCache } = await runEngines(job, work);
  const termUses = [...plans.flatMap((plan) => marksInText(plan, job.target)), ...work.flatMap(freelyTranslatedTerms)];
  const texts = plans.map((plan, i) => ({
    field: plan.field,
    original: job.texts[i]!.text,
    translated: joinPieces(plan.pieces, plan.outputs, job.target),
    reading: null,
  }));
  const outcome = work.length ? "translated" : counts.converted ? "converted" : counts.withLanguage ? "unchanged_same_language" : "unchanged_no_language";
  return {
    outcome,
    engine,
    segments: { total: counts.total, fromCache, translated: work.length },
    texts: job.pinyin ? texts.map((t) => withReading(t, job.language, job.target)) : texts,
    termUses,
  };
}

/**
 * Decides each segment's fate: left alone, converted between Chinese scripts now,
 * or queued for an engine with its terms protected. A segment in a language no
 * engine here translates (a stray "Salamat po" in a Chinese note) is left as it
 * is; only when nothing at all could be translated is the reader told so.
 */
async function planSegments(job: TranslationJob, plans: Plan[]) {
  const work: EngineWork[] = [];
  const counts = { total: 0, withLanguage: 0, converted: 0 };
  const untranslatable: string[] = [];
  const documentLanguage = supportedLanguage(job.language) ?? job.language;
  for (const plan of plans) {
    for (const [index, piece] of plan.pieces.entries()) {
      if (!piece.segment) continue;
      counts.total++;
      const language = segmentLanguage(piece.segment, documentLanguage);
      if (language === UNDETERMINED) continue;
      counts.withLanguage++;
      const source = supportedLanguage(language);
      if (source === job.target) continue;
      if (source && isChinese(source) && isChinese(job.target)) {
        plan.outputs[index] = await convertChineseScript(piece.segment, job.target);
        counts.converted++;
        continue;
      }
      if (!source || !job.engines.some((engine) => engine.supports(source, job.target))) {
        untranslatable.push(source ?? language);
        continue;
      }
      const occurrences = findTerms(job.glossary, piece.segment, source);
      work.push({ plan, index, source, occurrences, protectedSegment: protectTerms(piece.segment, occurrences, job.target) });
    }
  }
  if (work.length === 0 && counts.converted === 0 && untranslatable[0]) {
    throw unsupportedPair(untranslatable[0], job.target, job.engines);
  }
  return { work, counts };
}

/** Translates the queued segments, one chain call per source language, and restores their terms. */
async function runEngines(job: TranslationJob, work: EngineWork[]) {
  let engine: Engine | null = null;
  let fromCache = 0;
  for (const source of new Set(work.map((w) => w.source))) {
    const group = work.filter((w) => w.source === source);
    const distinct = [...new Set(group.map((w) => w.protectedSegment.text))];
    const result = await translateWithChain({ ...job, source, segments: distinct });
    engine ??= result.engine;
    for (const w of group) {
      const at = distinct.indexOf(w.protectedSegment.text);
      if (result.cached[at]) fromCache++;
      const restored = restoreTerms(result.outputs[at]!, w.protectedSegment.slots);
      w.plan.outputs[w.index] = restored.text;
      w.plan.marks[w.index] = restored.marks;
    }
  }
  return { engine, fromCache };
}

/** Where each protected term landed in the joined output text. */
function marksInText(plan: Plan, target: string): TermUse[] {
  const uses: TermUse[] = [];
  const gaps = gapsAfter(plan.pieces, plan.outputs, target);
  let offset = 0;
  plan.pieces.forEach((piece, i) => {
    offset += piece.leading.length;
    for (const mark of plan.marks[i] ?? []) {
      uses.push({ term: mark.term, handling: mark.handling, field: plan.field, start: offset + mark.start, end: offset + mark.end });
    }
    offset += plan.outputs[i]!.length + piece.trailing.length + gaps[i]!.length;
  });
  return uses;
}

/** Terms with no decision for the reader's language: the engine translated them like any word. */
function freelyTranslatedTerms(w: EngineWork): TermUse[] {
  const protectedTerms = new Set(w.protectedSegment.slots.map((slot) => slot.occurrence));
  return w.occurrences
    .filter((occurrence) => !protectedTerms.has(occurrence))
    .map((occurrence) => ({ term: occurrence.term, handling: "translated", field: w.plan.field, start: null, end: null }));
}

/** Pinyin for the Chinese side: the original when it is Chinese, else the translation. */
function withReading(text: TranslatedText, source: string, target: string): TranslatedText {
  if (isChinese(source)) return { ...text, reading: pinyinReading(text.original) };
  if (isChinese(target)) return { ...text, reading: pinyinReading(text.translated) };
  return text;
}

function unsupportedPair(source: string, target: string, engines: Engine[]): ApiError {
  const targets = Object.keys(LANGUAGES).filter((t) => t !== source && engines.some((e) => e.supports(source, t)));
  return new ApiError("validation_failed", t("translation.pairUnavailable", { source, target }), {
    details: [
      {
        field: "to",
        location: "query",
        message: t("translation.pairUnavailableDetail", { source, target, targets: targets.join(", ") || "-" }),
      },
    ],
  });
}
