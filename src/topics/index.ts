import { createRoute, z } from "@hono/zod-openapi";
import { optionalBearerSecurity } from "../lib/auth";
import { ApiError, errorResponses } from "../lib/errors";
import { t } from "../lib/i18n";
import { jsonResponse } from "../lib/openapi";
import { PageQuerySchema } from "../lib/pagination";
import { createRouter } from "../lib/router";
import { NotePageSchema } from "../notes/routes";
import { readerImageQuality } from "../media/view";
import { loadNoteViews } from "../notes/view";
import { TopicNameParamsSchema } from "./normalise";
import { findTopic, pageOfTopicNotes } from "./store";

const tags = ["Topics"];

const TopicSchema = z
  .object({
    name: z.string().openapi({ description: "Normalised name, without '#'", example: "cattax" }),
    noteCount: z.number().int().openapi({ example: 9_874 }),
    viewCount: z
      .number()
      .int()
      .openapi({ description: "Times its notes were shown in feeds or opened; rolled up every few seconds", example: 330_000_000 }),
    discussionCount: z.number().int().openapi({
      description: "Notes with this topic plus their comments and replies; exact as soon as a write is answered",
      example: 7_100_000,
    }),
  })
  .openapi("Topic");

const TopicNotesQuerySchema = PageQuerySchema.extend({
  sort: z.enum(["newest", "top"]).default("newest").openapi({
    description: "`newest` first, or `top`: most likes, collects and comments first (ties newest first)",
    example: "top",
  }),
});

const getTopicRoute = createRoute({
  method: "get",
  path: "/v1/topics/{name}",
  operationId: "getTopic",
  tags,
  summary: "A topic with its note and discussion counts",
  description: "`CatTax`, `#cattax` and full-width `ＣａｔＴａｘ` all name the same topic.",
  security: [],
  request: { params: TopicNameParamsSchema },
  responses: { 200: jsonResponse(TopicSchema, "The topic"), ...errorResponses(404) },
});

const listTopicNotesRoute = createRoute({
  method: "get",
  path: "/v1/topics/{name}/notes",
  tags,
  operationId: "listTopicNotes",
  summary: "Notes with this topic, newest or top first",
  description: "Hidden notes and notes of people you blocked or muted are left out.",
  security: optionalBearerSecurity,
  request: { params: TopicNameParamsSchema, query: TopicNotesQuerySchema },
  responses: { 200: jsonResponse(NotePageSchema, "Newest or top first"), ...errorResponses(401, 404) },
});

export const topicsRouter = createRouter()
  .openapi(getTopicRoute, async (c) => {
    const topic = await findTopic(c.var.db, c.req.valid("param").name);
    if (!topic) throw new ApiError("not_found", t("topics.notFound"));
    return c.json({ name: topic.name, noteCount: topic.noteCount, viewCount: topic.viewCount, discussionCount: topic.discussionCount }, 200);
  })
  .openapi(listTopicNotesRoute, async (c) => {
    const { name } = c.req.valid("param");
    const { sort, ...page } = c.req.valid("query");
    const viewerId = c.var.viewer?.id ?? null;
    const ids = await pageOfTopicNotes(c.var.db, name, sort, viewerId, page);
    const items = await loadNoteViews(c.var.db, ids.items, viewerId, readerImageQuality(c));
    return c.json({ items, nextCursor: ids.nextCursor }, 200);
  });
