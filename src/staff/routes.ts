import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { jsonBody, jsonResponse } from "../lib/openapi";
import { PageQuerySchema, pageSchema } from "../lib/pagination";
import { limitWrites } from "../lib/rate-limit";
import { requireRole } from "../lib/roles";
import { GrantSchema, RoleParamsSchema, StaffRoleSchema } from "./schemas";
import { t } from "../lib/i18n";

const tags = ["Staff"];

const requireAdmin = requireRole(["admin"], t("staff.adminsOnly"));

export const listStaffRoute = createRoute({
  method: "get",
  path: "/v1/staff",
  operationId: "listStaffRoles",
  tags,
  summary: "Everyone holding a staff role (admins)",
  security: bearerSecurity,
  middleware: [requireAuth, requireAdmin] as const,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(pageSchema(StaffRoleSchema, "StaffRolePage"), "By person, then role"), ...errorResponses(401, 403) },
});

export const grantRoleRoute = createRoute({
  method: "put",
  path: "/v1/staff/{id}/roles/{role}",
  operationId: "grantStaffRole",
  tags,
  summary: "Grant a staff role, or change a mediator's regions and languages (admins)",
  description:
    "Roles: curator (glossary), mediator (reviews reports about content from its regions or in its languages: give at least one), moderator (all reports, pre-screen word lists), admin (everything, staff roles, the audit log). Audited.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites, requireAdmin] as const,
  request: { params: RoleParamsSchema, body: jsonBody(GrantSchema) },
  responses: { 200: jsonResponse(StaffRoleSchema, "The role as granted"), ...errorResponses(401, 403, 404, 413, 415, 429) },
});

export const revokeRoleRoute = createRoute({
  method: "delete",
  path: "/v1/staff/{id}/roles/{role}",
  operationId: "revokeStaffRole",
  tags,
  summary: "Revoke a staff role (admins)",
  description: "Audited. Admins can't revoke their own admin role, so a deployment is never left without one by accident.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites, requireAdmin] as const,
  request: { params: RoleParamsSchema },
  responses: { 204: { description: "Revoked" }, ...errorResponses(401, 403, 404, 409, 429) },
});
