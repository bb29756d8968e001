import { weakETag } from "../lib/conditional";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { detectLanguage } from "../language/detect";
import { signedInViewer } from "../lib/auth";
import { isUniqueViolation } from "../lib/db-errors";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import { createRouter } from "../lib/router";
import { isCurator } from "./curator";
import {
  createExplanationRoute,
  createTermRoute,
  deleteDecisionRoute,
  deleteExplanationRoute,
  getTermRoute,
  listExplanationsRoute,
  searchTermsRoute,
  setDecisionRoute,
  voteRouteUp,
  voteRouteWithdraw,
} from "./routes";
import {
  deleteDecision,
  deleteExplanation,
  findExplanation,
  termExists,
  insertExplanation,
  insertTerm,
  loadExplanation,
  loadTerm,
  pageOfExplanations,
  searchTerms,
  setDecision,
  setVote,
} from "./store";

/** Votes are for other people's explanations: voting for your own is refused. */
async function vote(c: Context<AppEnv>, up: boolean) {
  const id = c.req.param("id")!;
  const viewer = signedInViewer(c);
  const explanation = await findExplanation(c.var.db, id);
  if (!explanation) throw explanationNotFound();
  if (explanation.authorId === viewer.id) throw new ApiError("forbidden", t("glossary.cannotVoteOwn"));
  return setVote(c.var.db, id, viewer.id, up);
}

const termNotFound = () => new ApiError("not_found", t("glossary.termNotFound"));
const explanationNotFound = () => new ApiError("not_found", t("glossary.explanationNotFound"));

export const glossaryRouter = createRouter()
  .openapi(searchTermsRoute, async (c) => c.json(await searchTerms(c.var.db, c.req.valid("query")), 200))
  .openapi(getTermRoute, async (c) => {
    const term = await loadTerm(c.var.db, c.req.valid("param").id, c.var.viewer?.id ?? null);
    if (!term) throw termNotFound();
    c.header("ETag", weakETag(term));
    return c.json(term, 200);
  })
  .openapi(createTermRoute, async (c) => {
    const viewer = signedInViewer(c);
    let id: string;
    try {
      id = await insertTerm(c.var.db, viewer.id, c.req.valid("json"));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError("conflict", t("glossary.termExists"));
      throw error;
    }
    return c.json((await loadTerm(c.var.db, id, viewer.id))!, 201);
  })
  .openapi(setDecisionRoute, async (c) => {
    const { id, language } = c.req.valid("param");
    const viewer = signedInViewer(c);
    if (!(await termExists(c.var.db, id))) throw termNotFound();
    await setDecision(c.var.db, id, language, c.req.valid("json"), viewer.id);
    return c.json((await loadTerm(c.var.db, id, viewer.id))!, 200);
  })
  .openapi(deleteDecisionRoute, async (c) => {
    const { id, language } = c.req.valid("param");
    const removed = await deleteDecision(c.var.db, id, language);
    if (removed.length === 0) throw new ApiError("not_found", t("glossary.noDecision"));
    return c.body(null, 204);
  })
  .openapi(listExplanationsRoute, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await termExists(c.var.db, id))) throw termNotFound();
    return c.json(await pageOfExplanations(c.var.db, id, c.var.viewer?.id ?? null, c.req.valid("query")), 200);
  })
  .openapi(createExplanationRoute, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const viewer = signedInViewer(c);
    if (!(await termExists(c.var.db, id))) throw termNotFound();
    const explanationId = await insertExplanation(c.var.db, id, viewer.id, input.body, input.language ?? detectLanguage(input.body));
    return c.json((await loadExplanation(c.var.db, explanationId, viewer.id))!, 201);
  })
  .openapi(deleteExplanationRoute, async (c) => {
    const { id } = c.req.valid("param");
    const viewer = signedInViewer(c);
    const explanation = await findExplanation(c.var.db, id);
    if (!explanation) throw explanationNotFound();
    if (explanation.authorId !== viewer.id && !(await isCurator(c.var.db, viewer.id))) {
      throw new ApiError("forbidden", t("glossary.onlyAuthorOrCuratorDeletes"));
    }
    await deleteExplanation(c.var.db, id);
    return c.body(null, 204);
  })
  .openapi(voteRouteUp, async (c) => c.json(await vote(c, true), 200))
  .openapi(voteRouteWithdraw, async (c) => c.json(await vote(c, false), 200));
