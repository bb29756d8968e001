import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { comments, notes } from "../db/schema";
import { glossaryVersion } from "../glossary/terms-in-text";
import { commentVisibleTo, noteVisibleTo } from "../lib/visibility";
import type { SourceText } from "./translate";

export type Translatable = { language: string; texts: SourceText[]; glossaryVersion: number };

/** A note's title, body and image descriptions, with the glossary's version, in one round trip. */
export async function noteToTranslate(db: Db, id: string, viewerId: string | null): Promise<Translatable | undefined> {
  const [rows, version] = await db.batch([
    db
      .select({ title: notes.title, body: notes.body, media: notes.media, language: notes.language })
      .from(notes)
      .where(and(eq(notes.id, id), noteVisibleTo(viewerId))),
    glossaryVersion(db),
  ]);
  const note = rows[0];
  if (!note) return undefined;
  const alts = note.media.flatMap((item, i) => (item.alt ? [{ field: `media.${i}.alt`, text: item.alt }] : []));
  return {
    language: note.language,
    texts: [{ field: "title", text: note.title }, { field: "body", text: note.body }, ...alts].filter((t) => t.text),
    glossaryVersion: version[0]?.version ?? 0,
  };
}

export async function commentToTranslate(db: Db, id: string, viewerId: string | null): Promise<Translatable | undefined> {
  const [rows, version] = await db.batch([
    db
      .select({ body: comments.body, language: comments.language })
      .from(comments)
      .where(and(eq(comments.id, id), commentVisibleTo(viewerId))),
    glossaryVersion(db),
  ]);
  const comment = rows[0];
  if (!comment) return undefined;
  return { language: comment.language, texts: [{ field: "body", text: comment.body }], glossaryVersion: version[0]?.version ?? 0 };
}
