// The search benchmark's data (bench/search.mjs): users, notes in Chinese and
// English, topics with a long tail and one hot topic, written straight into the
// bench's D1 and indexed for search.
import { noteSearchBackfill } from "../scripts/search-backfill-sql.mjs";
import { createSignedInUsers, newId } from "./lib/users.mjs";
import { executeSql } from "./lib/worker.mjs";

// Local D1 refuses statements over 100 KB: about 500 bytes a note, 40 a topic link.
const NOTES_PER_INSERT = 100;
const LINKS_PER_INSERT = 1_000;
const NOTES_PER_FILE = 20_000;
const BACKFILL_CHUNK = 5_000;
const DAY_MS = 86_400_000;

// Words the notes are made of; the scenarios search for some of them.
const CHINESE = ["猫咪", "夜市", "作业", "烟火气", "今天", "朋友", "好吃", "番茄炒蛋", "红烧肉", "学习", "中文", "英语", "周末", "咖啡", "散步", "分享", "日常", "生活", "旅行", "上海", "成都", "台北", "下雨", "开心", "可爱", "老师", "数学", "作文", "美食", "邻居"];
const ENGLISH = ["cat", "cats", "market", "night", "homework", "math", "english", "weekend", "coffee", "walk", "friends", "cooking", "tomato", "egg", "pork", "cactus", "backyard", "garden", "travel", "learning", "chinese", "tax", "receipt", "cute", "daily", "life", "hello", "welcome", "rain", "happy"];
export const HOT_TOPIC = "tiktokrefugee";
const TOPICS = [HOT_TOPIC, "cattax", "猫税", "夜市", "homework", "cooking", "garden", "dailylife", "travel", "learnchinese", ...Array.from({ length: 990 }, (_, i) => `topic${i + 1}`)];

/** A small seeded generator, so every run writes the same notes. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const sqlString = (value) => (value === null ? "NULL" : typeof value === "number" ? String(value) : `'${String(value).replaceAll("'", "''")}'`);
const insert = (table, rows) => {
  const columns = Object.keys(rows[0]);
  return `INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) VALUES\n${rows.map((row) => `(${columns.map((c) => sqlString(row[c])).join(", ")})`).join(",\n")}`;
};
const chunks = (items, size) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Notes in Chinese or English, heavy-tailed like counts, one to three topics (the hot one on 30%). */
function generateNotes(authors, now, count) {
  const next = random(7);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const words = (list, n) => Array.from({ length: n }, () => pick(list));
  const notes = [];
  const links = [];
  for (let i = 0; i < count; i++) {
    const chinese = next() < 0.5;
    const createdAt = now - Math.floor(next() * 30 * DAY_MS);
    const id = newId(createdAt);
    const title = chinese ? words(CHINESE, 3).join("") : words(ENGLISH, 4).join(" ");
    const body = chinese ? `${words(CHINESE, 12).join("")}，${words(ENGLISH, 2).join(" ")}` : `${words(ENGLISH, 20).join(" ")} ${pick(CHINESE)}`;
    notes.push({
      id,
      author_id: pick(authors).id,
      title,
      body,
      language: chinese ? "zh-Hans" : "en",
      language_source: "author",
      media: "[]",
      like_count: Math.floor(1 / (next() + 0.002)) - 1,
      created_at: createdAt,
      updated_at: createdAt,
    });
    const topics = new Set(next() < 0.3 ? [HOT_TOPIC] : []);
    const extra = 1 + Math.floor(next() * 2);
    // Topics past the first ten are a long tail: topic1 is used most, topic990 least.
    while (topics.size < extra) topics.add(TOPICS[Math.floor(TOPICS.length * next() ** 3)]);
    for (const topic of topics) links.push({ note_id: id, topic });
  }
  return { notes, links };
}

/**
 * Seeds users, notes and topics straight into D1 (through the API, 100,000 notes
 * would take longer than the benchmark), then indexes the notes for search with the
 * same SQL backfill that indexes the demo seed.
 */
export async function seedSearchData(worker, { notes: count, users }) {
  const now = Date.now();
  const log = (what) => process.stderr.write(`  seeded ${what} (${Math.round((Date.now() - now) / 1000)} s)\n`);
  const authors = await createSignedInUsers(worker, users);
  log(`${users} users`);
  const { notes, links } = generateNotes(authors, now, count);
  await executeSql(worker, [insert("topics", TOPICS.map((name) => ({ name, created_at: now })))]);
  for (const part of chunks(notes, NOTES_PER_FILE)) {
    const ids = new Set(part.map((note) => note.id));
    await executeSql(worker, [
      ...chunks(part, NOTES_PER_INSERT).map((rows) => insert("notes", rows)),
      ...chunks(links.filter((link) => ids.has(link.note_id)), LINKS_PER_INSERT).map((rows) => insert("note_topics", rows)),
    ]);
    log(`${part.length} notes with their topics`);
  }
  const runs = Math.ceil(count / BACKFILL_CHUNK) + 1;
  await executeSql(worker, Array.from({ length: runs }, () => noteSearchBackfill({ limit: BACKFILL_CHUNK })).flat());
  log("the search index");
  return { users, notes: count, noteTopicLinks: links.length, topics: TOPICS.length };
}
