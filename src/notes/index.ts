import { weakETag } from "../lib/conditional";
import type { NoteRow } from "./store";
import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { emitEvent } from "../lib/events";
import { t } from "../lib/i18n";
import { recordImpressions } from "../lib/impressions";
import { requestIpRegion } from "../lib/ip-region";
import { clientIp } from "../lib/rate-limit";
import { createRouter } from "../lib/router";
import { resolveNoteMedia } from "../media/attach";
import { attachMediaStatements } from "../media/store";
import { mediaBaseUrl, readerImageQuality } from "../media/view";
import { notifyThread } from "../live/notify";
import { topicsInText } from "../topics/normalise";
import { userExistsQuery, userNotFound } from "../users/store";
import {
  createNoteRoute,
  deleteNoteRoute,
  getNoteRoute,
  listAuthorNotesRoute,
  updateNoteRoute,
} from "./routes";
import { authorNotesPage, deleteNote, findNote, newNote, noteNotFound, topicsOfNote, updateNote } from "./store";
import { checkTopicCount, composeNote, languageOf } from "./compose";
import { loadNoteView, presentNote, presentNoteViewRow } from "./view";
import { toPage } from "../lib/pagination";
import { createOnce, markReplayed } from "../lib/create-once";



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
    const { media, uploadIds } = await resolveNoteMedia(c.var.db, viewer.id, input.media, mediaBaseUrl(c), null);
    const { content, topics } = composeNote({ ...input, media });
    const note = newNote(c.var.db, viewer.id, content, topics, requestIpRegion(c), {
      extras: uploadIds.length ? (noteId) => attachMediaStatements(c.var.db, viewer.id, noteId, uploadIds) : undefined,
    });
    // Answered from what is written (a new note has no likes or collects yet); the author's nickname comes from the same batch.
    const view = presentNote(note.row, { id: viewer.id, nickname: "" }, [...topics].sort(), { liked: false, collected: false }, readerImageQuality(c));
    const { answer, replayed } = await createOnce(c, note.writes, view);
    markReplayed(c, replayed);
    if (!replayed) emitEvent(c, "note.created", { noteId: answer.id });
    return c.json(answer, 201);
  })
  .openapi(getNoteRoute, async (c) => {
    const note = await loadNoteView(c.var.db, c.req.valid("param").id, c.var.viewer?.id ?? null, readerImageQuality(c));
    if (!note) throw noteNotFound();
    recordImpressions(c.env, (p) => c.executionCtx.waitUntil(p), c.var.viewer?.id ?? `ip:${clientIp(c)}`, [note.id]);
    c.header("ETag", weakETag(note));
    return c.json(note, 200);
  })
  .openapi(updateNoteRoute, async (c) => {
    const { id } = c.req.valid("param");
    const update = c.req.valid("json");
    const note = await ownNote(c, id);
    const media = update.media && (await resolveNoteMedia(c.var.db, note.authorId, update.media, mediaBaseUrl(c), id));
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
        media: media?.media ?? note.media,
        place: update.place === undefined ? placeOf(note) : update.place,
        language: update.language ?? (textChanged && !keepsAuthorLanguage ? languageOf(title, body) : note.language),
        languageSource: update.language ? "author" : note.languageSource,
        isCatNote: update.isCatNote ?? note.isCatNote,
        catName: update.catName === undefined ? note.catName : update.catName,
      },
      topicsBefore,
      topicsAfter,
      media ? (noteId) => attachMediaStatements(c.var.db, note.authorId, noteId, media.uploadIds) : undefined,
    );
    return c.json((await loadNoteView(c.var.db, id, c.var.viewer?.id ?? null, readerImageQuality(c)))!, 200);
  })
  .openapi(deleteNoteRoute, async (c) => {
    const { id } = c.req.valid("param");
    await ownNote(c, id);
    await deleteNote(c.var.db, id);
    emitEvent(c, "note.deleted", { noteId: id });
    c.executionCtx.waitUntil(notifyThread(c.env, id));
    return c.body(null, 204);
  })
  .openapi(listAuthorNotesRoute, async (c) => {
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const db = c.var.db;
    const viewerId = c.var.viewer?.id ?? null;
    // The author and the page, its notes' authors, topics and the viewer's reactions included, in one round trip.
    const [author, rows] = await db.batch([userExistsQuery(db, id), authorNotesPage(db, id, viewerId, query)]);
    if (author.length === 0) throw userNotFound();
    const imageQuality = readerImageQuality(c);
    const page = toPage(rows, query.limit, (row) => [row.note.id, row.note.id], (row) => row);
    const items = page.items.flatMap((row) => presentNoteViewRow(row, viewerId, imageQuality) ?? []);
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  });
