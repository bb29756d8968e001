import type { Context } from "hono";
import type { AppEnv } from "../env";
import { bestExplanations } from "../glossary/best-explanations";
import { ApiError } from "../lib/errors";
import { catalogueText, languageName, t } from "../lib/i18n";
import { charge, requestKeys } from "../lib/rate-limit";
import { createRouter } from "../lib/router";
import { configuredEngines } from "./engines";
import { LANGUAGES, supportedPairs } from "./languages";
import { runTranslation } from "./pipeline";
import { languagesRoute, translateCommentRoute, translateNoteRoute } from "./routes";
import { type Translatable, commentToTranslate, noteToTranslate } from "./store";
import type { TranslationResult } from "./translate";

/** Terms listed per translation: every term is still protected, but explanations are looked up for at most 50 (D1's bound-parameter limit). */
const MAX_TERMS_SHOWN = 50;

async function translate(c: Context<AppEnv>, source: { type: "note" | "comment"; id: string }, item: Translatable | undefined, query: { to: string; pinyin: boolean }) {
  if (!item) throw new ApiError("not_found", t(source.type === "note" ? "notes.notFound" : "comments.notFound"));
  const { target, result } = await runTranslation(c.env, c.var.db, item, query.to, {
    pinyin: query.pinyin,
    chargeLimit: () => charge(c, "translate", requestKeys(c)),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  });
  return {
    source,
    sourceLanguage: item.language,
    targetLanguage: target,
    outcome: result.outcome,
    engine: result.engine && {
      id: result.engine.id,
      name: result.engine.name,
      quality: catalogueText(`engine.${result.engine.id}`, result.engine.quality, c.var.locale),
    },
    fromCache: result.segments.translated > 0 && result.segments.fromCache === result.segments.translated,
    segments: result.segments,
    texts: result.texts,
    glossaryTerms: await glossaryTermsUsed(c, result, target),
  };
}

/** Each glossary term met, how it was handled, where it stands, and its best explanation. */
async function glossaryTermsUsed(c: Context<AppEnv>, result: TranslationResult, target: string) {
  const terms = [...new Set(result.termUses.map((use) => use.term))].slice(0, MAX_TERMS_SHOWN);
  if (terms.length === 0) return [];
  const explanations = await bestExplanations(c.var.db, terms.map((term) => term.id), target);
  return terms.map((term) => {
    const uses = result.termUses.filter((use) => use.term === term);
    const rendered = uses.find((use) => use.handling === "rendered");
    return {
      id: term.id,
      term: term.term,
      handling: uses[0]!.handling,
      rendering: rendered ? result.texts.find((t) => t.field === rendered.field)!.translated.slice(rendered.start!, rendered.end!) : null,
      occurrences: uses.flatMap((use) => (use.start === null ? [] : [{ field: use.field, start: use.start, end: use.end! }])),
      explanation: explanations.get(term.id) ?? null,
      url: `/v1/glossary/terms/${term.id}`,
    };
  });
}

export const translationRouter = createRouter()
  .openapi(translateNoteRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await translate(c, { type: "note", id }, await noteToTranslate(c.var.db, id, c.var.viewer?.id ?? null), c.req.valid("query")), 200);
  })
  .openapi(translateCommentRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await translate(c, { type: "comment", id }, await commentToTranslate(c.var.db, id, c.var.viewer?.id ?? null), c.req.valid("query")), 200);
  })
  .openapi(languagesRoute, (c) =>
    c.json(
      {
        languages: Object.entries(LANGUAGES).map(([tag, name]) => ({
          tag,
          name: c.var.locale === "en" ? name : (languageName(tag, c.var.locale) ?? name),
        })),
        pairs: supportedPairs(configuredEngines(c.env)),
      },
      200,
    ),
  );
