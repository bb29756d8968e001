import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { IdParamsSchema, IdSchema } from "../lib/ids";
import { IdempotencyHeadersSchema, idempotent } from "../lib/idempotency";
import { jsonBody, jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { PageQuerySchema, pageSchema } from "../lib/pagination";
import { limit, limitWrites } from "../lib/rate-limit";
import { requireRole } from "../lib/roles";
import {
  AuditEntrySchema,
  CaseSchema,
  CaseTranslationQuerySchema,
  NoticeSchema,
  PrescreenWordCreateSchema,
  PrescreenWordSchema,
  QueueQuerySchema,
  ReopenSchema,
  ReportCreateSchema,
  ReportSchema,
  ResolveSchema,
} from "./schemas";
import { t } from "../lib/i18n";

const tags = ["Moderation"];

const requireQueueStaff = requireRole(["mediator", "moderator"], t("moderation.queueStaffOnly"));
const requireModerator = requireRole(["moderator"], t("moderation.moderatorsOnlyWords"));
const requireAdmin = requireRole(["admin"], t("moderation.adminsOnlyAudit"));

export const createReportRoute = createRoute({
  method: "post",
  path: "/v1/reports",
  operationId: "createReport",
  tags,
  summary: "Report a note, comment or person",
  description:
    "Anyone signed in may report what they can see. Reporting the same thing again while it is under review counts once (200 with your earlier report). Content reported by `AUTO_HIDE_REPORTS` distinct people (5 by default) is hidden pending review, except in the cultural buffer.",
  security: bearerSecurity,
  // Reports have their own budget (fail-closed: mass reports hide content), see src/lib/rate-limit.ts.
  middleware: [requireAuth, limit("report"), idempotent] as const,
  request: { headers: IdempotencyHeadersSchema, body: jsonBody(ReportCreateSchema) },
  responses: {
    201: limitedJsonResponse(ReportSchema, "Reported"),
    200: limitedJsonResponse(ReportSchema, "You had already reported it: it counts once"),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422, 429, 503),
  },
});

export const listCasesRoute = createRoute({
  method: "get",
  path: "/v1/moderation/cases",
  operationId: "listModerationCases",
  tags,
  summary: "The moderation queue (staff)",
  description:
    "Reports grouped by what they are about: one case per note, comment or person, with the content as it is now and a translation into your first language (or `language`). Open cases oldest first; resolved ones newest first. Mediators see only content in their languages or from their regions; moderators and admins see everything.",
  security: bearerSecurity,
  middleware: [requireAuth, requireQueueStaff] as const,
  request: { query: QueueQuerySchema },
  responses: { 200: jsonResponse(pageSchema(CaseSchema, "ModerationCasePage"), "A page of cases"), ...errorResponses(401, 403, 429, 503) },
});

export const getCaseRoute = createRoute({
  method: "get",
  path: "/v1/moderation/cases/{id}",
  operationId: "getModerationCase",
  tags,
  summary: "One moderation case (staff)",
  security: bearerSecurity,
  middleware: [requireAuth, requireQueueStaff] as const,
  request: { params: IdParamsSchema, query: CaseTranslationQuerySchema },
  responses: { 200: jsonResponse(CaseSchema, "The case"), ...errorResponses(401, 403, 404) },
});

export const assignCaseRoute = createRoute({
  method: "post",
  path: "/v1/moderation/cases/{id}/assign",
  operationId: "assignModerationCase",
  tags,
  summary: "Take a case (staff)",
  description: "Assigns an open case to you, so others see it is being handled.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites, requireQueueStaff] as const,
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(CaseSchema, "The case, assigned to you"), ...errorResponses(401, 403, 404, 409, 429) },
});

export const resolveCaseRoute = createRoute({
  method: "post",
  path: "/v1/moderation/cases/{id}/resolve",
  operationId: "resolveModerationCase",
  tags,
  summary: "Decide a case (staff)",
  description:
    "dismiss (and restore hidden content), hide, remove, warn the author, or suspend their account until `suspendUntil`. The reason is shown to the author (on their content and in GET /v1/me/moderation-notices). In the cultural buffer only a mediator for the content's region or language, or an admin, may hide or remove. Every decision goes to the audit log.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites, requireQueueStaff] as const,
  request: { params: IdParamsSchema, body: jsonBody(ResolveSchema) },
  responses: { 200: jsonResponse(CaseSchema, "The resolved case"), ...errorResponses(401, 403, 404, 409, 413, 415, 429) },
});

export const reopenCaseRoute = createRoute({
  method: "post",
  path: "/v1/moderation/cases/{id}/reopen",
  operationId: "reopenModerationCase",
  tags,
  summary: "Reopen a resolved case (staff)",
  description: "Puts it back in the queue, e.g. after an appeal. The content stays as the last decision left it until the next one.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites, requireQueueStaff] as const,
  request: { params: IdParamsSchema, body: { required: false, content: { "application/json": { schema: ReopenSchema } } } },
  responses: { 200: jsonResponse(CaseSchema, "The reopened case"), ...errorResponses(401, 403, 404, 409, 413, 415, 429) },
});

export const listAuditRoute = createRoute({
  method: "get",
  path: "/v1/moderation/audit",
  operationId: "listModerationAudit",
  tags,
  summary: "The moderation audit log (admins)",
  description: "Every decision, assignment, reopening, role change and word-list edit, newest first. Append-only: the database refuses to change or delete entries.",
  security: bearerSecurity,
  middleware: [requireAuth, requireAdmin] as const,
  request: { query: PageQuerySchema.extend({ caseId: IdSchema.optional().openapi({ description: "Only this case's entries" }) }) },
  responses: { 200: jsonResponse(pageSchema(AuditEntrySchema, "AuditPage"), "Newest first"), ...errorResponses(401, 403) },
});

export const listNoticesRoute = createRoute({
  method: "get",
  path: "/v1/me/moderation-notices",
  operationId: "listModerationNotices",
  tags,
  summary: "Moderation decisions about you and your content",
  description: "Hidden or removed content, warnings and suspensions, each with the reason staff gave; newest first.",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(pageSchema(NoticeSchema, "ModerationNoticePage"), "Newest first"), ...errorResponses(401) },
});

export const listWordsRoute = createRoute({
  method: "get",
  path: "/v1/moderation/prescreen-words",
  operationId: "listPrescreenWords",
  tags,
  summary: "The pre-screen word lists (moderators)",
  security: bearerSecurity,
  middleware: [requireAuth, requireModerator] as const,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(pageSchema(PrescreenWordSchema, "PrescreenWordPage"), "A page of words"), ...errorResponses(401, 403) },
});

export const addWordRoute = createRoute({
  method: "post",
  path: "/v1/moderation/prescreen-words",
  operationId: "addPrescreenWord",
  tags,
  summary: "Add a word or phrase to the pre-screen (moderators)",
  description:
    "New notes and comments containing it are flagged into the queue as a report by the pre-screen; they are never hidden or deleted for it. Chinese, Japanese and Thai entries match anywhere in a text, others as whole words, case-insensitively.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites, requireModerator, idempotent] as const,
  request: { headers: IdempotencyHeadersSchema, body: jsonBody(PrescreenWordCreateSchema) },
  responses: { 201: jsonResponse(PrescreenWordSchema, "Added"), ...errorResponses(401, 403, 409, 413, 415, 422, 429) },
});

export const deleteWordRoute = createRoute({
  method: "delete",
  path: "/v1/moderation/prescreen-words/{id}",
  operationId: "deletePrescreenWord",
  tags,
  summary: "Remove a word from the pre-screen (moderators)",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites, requireModerator] as const,
  request: { params: IdParamsSchema },
  responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404, 429) },
});

