import { allInOneTrip } from "../db/raw";
import { createRouter } from "../lib/router";
import { matchExpression, queryWords } from "../lib/search-text";
import { readerImageQuality } from "../media/view";
import { loadNoteViews } from "../notes/view";
import { publicProfile } from "../users/view";
import { searchRoute } from "./routes";
import {
  type GlossaryRow,
  type NoteHitRow,
  type TopicHitRow,
  type UserHitRow,
  glossaryMatches,
  hitsPage,
  noteHits,
  presentGlossaryMatch,
  topicHits,
  userHits,
} from "./store";

export const searchRouter = createRouter().openapi(searchRoute, async (c) => {
  const { q, type, language, topic, cursor, limit } = c.req.valid("query");
  const viewerId = c.var.viewer?.id ?? null;
  const page = { cursor, limit };
  const glossary = glossaryMatches([...new Set([q.normalize("NFKC"), ...queryWords(q)])]);
  // People and topics match typed prefixes (`ash` → Ashley, `catt` → cattax); note text matches whole words.
  const match = matchExpression(q, { prefix: type !== "notes" });
  if (!match) {
    // Only punctuation, operators or emoji: nothing to look for, which is not an error.
    const [terms] = await allInOneTrip<[GlossaryRow]>(c.var.d1, [glossary]);
    return c.json({ type, items: [], nextCursor: null, glossary: terms.map(presentGlossaryMatch) }, 200);
  }
  if (type === "users") {
    const [rows, terms] = await allInOneTrip<[UserHitRow, GlossaryRow]>(c.var.d1, [userHits(match, viewerId, page), glossary]);
    const { rows: hits, nextCursor } = hitsPage(rows, limit);
    const items = hits.map((row) => publicProfile({ ...row, languages: JSON.parse(row.languages) as string[] }));
    return c.json({ type, items, nextCursor, glossary: terms.map(presentGlossaryMatch) }, 200);
  }
  if (type === "topics") {
    const [rows, terms] = await allInOneTrip<[TopicHitRow, GlossaryRow]>(c.var.d1, [topicHits(match, page), glossary]);
    const { rows: hits, nextCursor } = hitsPage(rows, limit);
    const items = hits.map((row) => ({ name: row.id, noteCount: row.noteCount }));
    return c.json({ type, items, nextCursor, glossary: terms.map(presentGlossaryMatch) }, 200);
  }
  const [rows, terms] = await allInOneTrip<[NoteHitRow, GlossaryRow]>(c.var.d1, [
    noteHits(match, { viewerId, language, topic }, page),
    glossary,
  ]);
  const { rows: hits, nextCursor } = hitsPage(rows, limit);
  // A second round trip: the page's notes with authors, topics and the viewer's likes.
  const items = await loadNoteViews(c.var.db, hits.map((hit) => hit.id), viewerId, readerImageQuality(c));
  return c.json({ type, items, nextCursor, glossary: terms.map(presentGlossaryMatch) }, 200);
});
