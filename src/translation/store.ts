import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { queryTemplate } from "../db/query-template";
import { comments, notes } from "../db/schema";
import { glossaryVersionColumn } from "../glossary/terms-in-text";
import { commentVisibleTo, noteVisibleTo } from "../lib/visibility";
import type { SourceText } from "./translate";

export type Translatable = { language: string; texts: SourceText[]; glossaryVersion: number };

/** Read with every one-click translation of a note: built once per isolate (src/db/query-template.ts). */
const noteSource = queryTemplate((db, p: { id: string; viewer: string | null }) =>
  db
    .select({ title: notes.title, body: notes.body, media: notes.media, language: notes.language, glossaryVersion: glossaryVersionColumn.as("glossary_version") })
    .from(notes)
    .where(and(eq(notes.id, p.id), noteVisibleTo(p.viewer)))
    .limit(1),
);

/** A note's title, body and image descriptions, with the glossary's version, in one statement. */
export async function noteToTranslate(db: Db, id: string, viewerId: string | null): Promise<Translatable | undefined> {
  const [note] = await noteSource(db, { id, viewer: viewerId }).all();
  if (!note) return undefined;
  const alts = note.media.flatMap((item, i) => (item.alt ? [{ field: `media.${i}.alt`, text: item.alt }] : []));
  return {
    language: note.language,
    texts: [{ field: "title", text: note.title }, { field: "body", text: note.body }, ...alts].filter((t) => t.text),
    glossaryVersion: note.glossaryVersion ?? 0,
  };
}

export async function commentToTranslate(db: Db, id: string, viewerId: string | null): Promise<Translatable | undefined> {
  const comment = await db
    .select({ body: comments.body, language: comments.language, glossaryVersion: glossaryVersionColumn.as("glossary_version") })
    .from(comments)
    .where(and(eq(comments.id, id), commentVisibleTo(viewerId)))
    .get();
  if (!comment) return undefined;
  return { language: comment.language, texts: [{ field: "body", text: comment.body }], glossaryVersion: comment.glossaryVersion ?? 0 };
}
