import type { notes } from "../db/schema";
import { detectLanguage } from "../language/detect";
import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import { requestIpRegion } from "../lib/ip-region";
import { createRouter } from "../lib/router";
import { notifyThread } from "../live/notify";
import { MAX_TOPICS_PER_NOTE, topicsInText } from "../topics/normalise";
import { requireUser } from "../users/store";
import {
  createNoteRoute,
  deleteNoteRoute,
  getNoteRoute,
  listAuthorNotesRoute,
  updateNoteRoute,
} from "./routes";
import { deleteNote, findNote, insertNote, noteNotFound, pageOfAuthorNotes, topicsOfNote, updateNote } from "./store";
import { loadNoteView, loadNoteViews } from "./view";

type NoteRow = typeof notes.$inferSelect;


function checkTopicCount(topics: string[]): string[] {
  if (topics.length > MAX_TOPICS_PER_NOTE) {
    throw new ApiError("validation_failed", t("notes.tooManyTopics", { max: MAX_TOPICS_PER_NOTE }), {
      details: [{ field: "topics", location: "body", message: `${topics.length} topics including #tags in the body` }],
    });
  }
  return topics;
}

const languageOf = (title: string, body: string) => detectLanguage(`${title}\n${body}`);

const placeOf = (note: NoteRow) =>
  note.placeName
    ? { name: note.placeName, latitude: note.placeLatitude ?? undefined, longitude: note.placeLongitude ?? undefined }
    : null;

/** The author's own note, or 404/403. */
async function ownNote(c: Parameters<typeof signedInViewer>[0], id: string) {
  const note = await findNote(c.var.db, id);
  if (!note) throw noteNotFound();
  if (note.authorId !== signedInViewer(c).id) throw new ApiError("forbidden", t("notes.onlyAuthor"));
  return note;
}

export const notesRouter = createRouter()
  .openapi(createNoteRoute, async (c) => {
    const input = c.req.valid("json");
    const viewer = signedInViewer(c);
    const topics = checkTopicCount([...new Set([...topicsInText(`${input.title}\n${input.body}`), ...input.topics])]);
    const id = await insertNote(
      c.var.db,
      viewer.id,
      {
        title: input.title,
        body: input.body,
        media: input.media,
        place: input.place ?? null,
        language: input.language ?? languageOf(input.title, input.body),
        languageSource: input.language ? "author" : "detected",
        isCatNote: input.isCatNote,
        catName: input.catName ?? null,
      },
      topics,
      requestIpRegion(c),
    );
    return c.json((await loadNoteView(c.var.db, id, viewer.id))!, 201);
  })
  .openapi(getNoteRoute, async (c) => {
    const note = await loadNoteView(c.var.db, c.req.valid("param").id, c.var.viewer?.id ?? null);
    if (!note) throw noteNotFound();
    return c.json(note, 200);
  })
  .openapi(updateNoteRoute, async (c) => {
    const { id } = c.req.valid("param");
    const update = c.req.valid("json");
    const note = await ownNote(c, id);
    const title = update.title ?? note.title;
    const body = update.body ?? note.body;
    const topicsBefore = await topicsOfNote(c.var.db, id);
    const tagsBefore = topicsInText(`${note.title}\n${note.body}`);
    const explicit = update.topics ?? topicsBefore.filter((topic) => !tagsBefore.includes(topic));
    const topicsAfter = checkTopicCount([...new Set([...topicsInText(`${title}\n${body}`), ...explicit])]);
    const textChanged = title !== note.title || body !== note.body;
    const keepsAuthorLanguage = note.languageSource === "author" && !update.language;
    await updateNote(
      c.var.db,
      id,
      {
        title,
        body,
        media: update.media ?? note.media,
        place: update.place === undefined ? placeOf(note) : update.place,
        language: update.language ?? (textChanged && !keepsAuthorLanguage ? languageOf(title, body) : note.language),
        languageSource: update.language ? "author" : note.languageSource,
        isCatNote: update.isCatNote ?? note.isCatNote,
        catName: update.catName === undefined ? note.catName : update.catName,
      },
      topicsBefore,
      topicsAfter,
    );
    return c.json((await loadNoteView(c.var.db, id, c.var.viewer?.id ?? null))!, 200);
  })
  .openapi(deleteNoteRoute, async (c) => {
    const { id } = c.req.valid("param");
    await ownNote(c, id);
    await deleteNote(c.var.db, id);
    c.executionCtx.waitUntil(notifyThread(c.env, id));
    return c.body(null, 204);
  })
  .openapi(listAuthorNotesRoute, async (c) => {
    const { id } = c.req.valid("param");
    await requireUser(c.var.db, id);
    const page = await pageOfAuthorNotes(c.var.db, id, c.req.valid("query"));
    return c.json({ items: await loadNoteViews(c.var.db, page.items, c.var.viewer?.id ?? null), nextCursor: page.nextCursor }, 200);
  });
