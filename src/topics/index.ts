import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import { noteTopics, topics } from "../db/schema";
import { optionalBearerSecurity } from "../lib/auth";
import { ApiError, errorResponses } from "../lib/errors";
import { t } from "../lib/i18n";
import { jsonResponse } from "../lib/openapi";
import { PageQuerySchema, afterCursor, toPage } from "../lib/pagination";
import { createRouter } from "../lib/router";
import { NotePageSchema } from "../notes/routes";
import { loadNoteViews } from "../notes/view";
import { TopicNameParamsSchema } from "./normalise";

const tags = ["Topics"];

const TopicSchema = z
  .object({
    name: z.string().openapi({ description: "Normalised name, without '#'", example: "cattax" }),
    noteCount: z.number().int().openapi({ example: 9_874 }),
  })
  .openapi("Topic");

const getTopicRoute = createRoute({
  method: "get",
  path: "/v1/topics/{name}",
  operationId: "getTopic",
  security: [],
  tags,
  summary: "A topic and how many notes carry it",
  description: "`CatTax`, `#cattax` and full-width `ＣａｔＴａｘ` all name the same topic.",
  request: { params: TopicNameParamsSchema },
  responses: { 200: jsonResponse(TopicSchema, "The topic"), ...errorResponses(404) },
});

const listTopicNotesRoute = createRoute({
  method: "get",
  path: "/v1/topics/{name}/notes",
  operationId: "listTopicNotes",
  security: optionalBearerSecurity,
  tags,
  summary: "Notes with this topic, newest first",
  request: { params: TopicNameParamsSchema, query: PageQuerySchema },
  responses: { 200: jsonResponse(NotePageSchema, "Newest first"), ...errorResponses(401, 404) },
});

export const topicsRouter = createRouter()
  .openapi(getTopicRoute, async (c) => {
    const topic = await c.var.db.select().from(topics).where(eq(topics.name, c.req.valid("param").name)).get();
    if (!topic) throw new ApiError("not_found", t("topics.notFound"));
    return c.json({ name: topic.name, noteCount: topic.noteCount }, 200);
  })
  .openapi(listTopicNotesRoute, async (c) => {
    const { name } = c.req.valid("param");
    const page = c.req.valid("query");
    const rows = await c.var.db
      .select({ id: noteTopics.noteId })
      .from(noteTopics)
      .where(and(eq(noteTopics.topic, name), afterCursor(page.cursor, "desc", noteTopics.noteId)))
      .orderBy(desc(noteTopics.noteId))
      .limit(page.limit + 1);
    const ids = toPage(rows, page.limit, (row) => [row.id, row.id], (row) => row.id);
    const items = await loadNoteViews(c.var.db, ids.items, c.var.viewer?.id ?? null);
    return c.json({ items, nextCursor: ids.nextCursor }, 200);
  });
