// Indexes notes that bypassed the API (the demo seed, bulk imports, benchmark seeds)
// for search, in SQL alone. The API indexes what it writes with words segmented by
// Intl.Segmenter and Traditional folded to Simplified (src/db/search-index.ts); this
// fallback indexes the raw text as words and spaces out every CJK character, which is
// enough for every query to match (a Chinese word is also searched as a phrase of its
// characters). It indexes only notes not indexed yet, so it is safe to run again.
// migrations/0015_search_and_trending.sql holds a copy as it was then.

/** Code point ranges spaced out into `chars`: kana, CJK ideographs, Hangul syllables, compatibility and extension ideographs. */
const CJK_RANGES = [
  [0x3040, 0x9fff],
  [0xac00, 0xd7af],
  [0xf900, 0xfaff],
  [0x20000, 0x3134f],
];
const isCjk = (ch) => CJK_RANGES.map(([from, to]) => `unicode(${ch}) BETWEEN ${from} AND ${to}`).join(" OR ");

/**
 * The backfill; with `limit`, the FTS statement indexes at most that many notes per
 * run (for bulk seeds: run it until it changes no rows, keeping each statement short).
 */
export const noteSearchBackfill = ({ limit } = {}) => [
  // Doc ids in note order (ULIDs are time-ordered): search ranks the newest matches of a common word.
  `INSERT INTO note_search_docs (note_id) SELECT id FROM notes WHERE id NOT IN (SELECT note_id FROM note_search_docs) ORDER BY id`,
  `WITH RECURSIVE
  todo (doc_id, text) AS (
    SELECT d.doc_id, n.title || ' ' || n.body || ' ' || coalesce(n.place_name, '') || ' ' ||
      coalesce((SELECT group_concat(topic, ' ') FROM note_topics WHERE note_id = n.id), '')
    FROM note_search_docs d JOIN notes n ON n.id = d.note_id
    WHERE d.doc_id NOT IN (SELECT rowid FROM note_search)${limit ? ` LIMIT ${Math.floor(limit)}` : ""}
  ),
  spaced (doc_id, text, i, chars) AS (
    SELECT doc_id, text, 1, '' FROM todo
    UNION ALL
    SELECT doc_id, text, i + 1, chars || CASE WHEN ${isCjk("substr(text, i, 1)")} THEN ' ' || substr(text, i, 1) ELSE '' END
    FROM spaced WHERE i <= length(text)
  )
INSERT INTO note_search (rowid, words, chars) SELECT doc_id, text, trim(chars) FROM spaced WHERE i = length(text) + 1`,
];

export const NOTE_SEARCH_BACKFILL = noteSearchBackfill();
