import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { jsonBody, jsonResponse } from "../lib/openapi";
import { PageQuerySchema } from "../lib/pagination";
import { limitWrites } from "../lib/rate-limit";
import { ImageQualityQuerySchema } from "../media/view";
import { NoteSchema } from "../notes/schemas";
import {
  DraftConflictSchema,
  DraftIdParamsSchema,
  DraftPageSchema,
  DraftPutSchema,
  DraftSchema,
  DraftVersionQuerySchema,
  SyncRequestSchema,
  SyncResponseSchema,
} from "./schemas";

const tags = ["Drafts"];
const conflict = { 409: jsonResponse(DraftConflictSchema, "Changed elsewhere since baseVersion (or deleted, or published): the server's copy") };
const { 409: _, ...errorsBesidesConflict } = errorResponses(401, 409, 413, 415, 429);

export const putDraftRoute = createRoute({
  method: "put",
  path: "/v1/drafts/{id}",
  operationId: "saveDraft",
  tags,
  summary: "Save a draft (create or update)",
  description:
    "The id is made by your device (ULID or UUID), so drafts can be written offline. Send the version you last saw as `baseVersion` (0 for a new draft). Saving again the same content with the same baseVersion is harmless (a retry answers the stored draft). If the draft changed since baseVersion, was deleted or published, nothing is written and 409 carries the server's copy.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites] as const,
  request: { params: DraftIdParamsSchema, body: jsonBody(DraftPutSchema) },
  responses: { 200: jsonResponse(DraftSchema, "Saved"), ...conflict, ...errorsBesidesConflict },
});

export const getDraftRoute = createRoute({
  method: "get",
  path: "/v1/drafts/{id}",
  operationId: "getDraft",
  tags,
  summary: "Read one of your drafts",
  description: "Tombstones (deleted or published drafts) are returned too, with `deleted: true`. Nobody else's drafts are visible.",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { params: DraftIdParamsSchema },
  responses: { 200: jsonResponse(DraftSchema, "The draft"), ...errorResponses(401, 404) },
});

export const listDraftsRoute = createRoute({
  method: "get",
  path: "/v1/drafts",
  operationId: "listDrafts",
  tags,
  summary: "Your drafts, most recently changed first",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse(DraftPageSchema, "Live drafts (no tombstones)"), ...errorResponses(401) },
});

export const deleteDraftRoute = createRoute({
  method: "delete",
  path: "/v1/drafts/{id}",
  operationId: "deleteDraft",
  tags,
  summary: "Delete a draft (leaves a tombstone)",
  description:
    "The tombstone stops a device that is still offline from bringing the draft back. With `?baseVersion=` it deletes only if nobody changed the draft since (else 409 with the server's copy). Deleting a deleted draft is fine.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites] as const,
  request: { params: DraftIdParamsSchema, query: DraftVersionQuerySchema },
  responses: { 204: { description: "Deleted" }, ...conflict, ...errorResponses(401, 429) },
});

export const syncDraftsRoute = createRoute({
  method: "post",
  path: "/v1/drafts/sync",
  operationId: "syncDrafts",
  tags,
  summary: "Send a device's offline changes and get everyone else's",
  description:
    "Up to 50 changes (created, edited, deleted offline), each applied or reported as a conflict with the server's copy; the answer also carries the drafts changed since your `syncToken` (from other devices, tombstones included) and the next token. The README describes the whole client loop.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites] as const,
  request: { body: jsonBody(SyncRequestSchema) },
  responses: { 200: jsonResponse(SyncResponseSchema, "What was applied, what conflicted, what changed"), ...errorResponses(401, 413, 415, 429) },
});

export const publishDraftRoute = createRoute({
  method: "post",
  path: "/v1/drafts/{id}/publish",
  operationId: "publishDraft",
  tags,
  summary: "Publish a draft as a note, exactly once",
  description:
    "Safe to retry after a lost connection, even concurrently: every attempt answers with the same note (201 for the one that made it, 200 for the others), and the draft becomes a tombstone. Uploads in the draft are attached to the note.",
  security: bearerSecurity,
  middleware: [requireAuth, limitWrites] as const,
  request: { params: DraftIdParamsSchema, query: ImageQualityQuerySchema },
  responses: {
    201: jsonResponse(NoteSchema, "The new note"),
    200: jsonResponse(NoteSchema, "Published earlier: the same note"),
    ...errorResponses(401, 404, 409, 429),
  },
});
