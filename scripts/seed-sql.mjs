// Turns scripts/demo-data.mjs into SQL. Every row has a fixed id and goes in with
// INSERT OR IGNORE, so a second run inserts nothing and the counter triggers (which
// fire only on real inserts) keep every count exact. No node: imports: the test runs
// this inside workerd.
import { DEMO_PASSWORD, collects, follows, likes, notes, users } from "./demo-data.mjs";
import { NOTE_SEARCH_BACKFILL } from "./search-backfill-sql.mjs";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const MS = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const PBKDF2_ITERATIONS = 100_000;

const sha256 = async (text) =>
  new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

/** A ULID for time `at` (like src/lib/ids.ts) whose random part comes from `key`, so it is the same every run. */
async function demoId(at, key) {
  let time = "";
  for (let t = at, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  const random = (await sha256(key)).slice(0, 16);
  return time + [...random].map((b) => CROCKFORD[b % 32]).join("");
}

/** The format of src/accounts/password.ts, with a salt derived from the user so every run writes the same row. */
async function demoPasswordHash(userKey) {
  const salt = (await sha256(`demo salt ${userKey}`)).slice(0, 16);
  const password = new TextEncoder().encode(DEMO_PASSWORD);
  const key = await crypto.subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
  const params = { name: "PBKDF2", hash: "SHA-256", salt, iterations: PBKDF2_ITERATIONS };
  const hash = await crypto.subtle.deriveBits(params, key, 256);
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${hex(salt)}$${hex(new Uint8Array(hash))}`;
}

/** "90m" → milliseconds. */
function duration(text) {
  const [, amount, unit] = /^(\d+)([mhd])$/.exec(text) ?? [];
  if (!unit) throw new Error(`Demo data: bad duration "${text}"`);
  return Number(amount) * MS[unit];
}

function lookup(table, key, what) {
  const found = table[key];
  if (!found) throw new Error(`Demo data: no ${what} "${key}"`);
  return found;
}

async function userRows() {
  const rows = {};
  for (const [key, user] of Object.entries(users)) {
    const createdAt = Date.parse(user.joined);
    rows[key] = {
      id: await demoId(createdAt, `user ${key}`),
      phone_e164: user.phone.number,
      phone_region: user.phone.region,
      password_hash: await demoPasswordHash(key),
      nickname: user.nickname,
      bio: user.bio,
      languages: JSON.stringify(user.languages),
      ip_country: user.ip.country,
      ip_region: user.ip.region,
      created_at: createdAt,
      updated_at: createdAt,
    };
  }
  return rows;
}

/** A note's comments, each top-level comment followed by its replies, oldest first. */
async function commentRows(noteKey, note, noteId, people) {
  const rows = [];
  for (const [i, top] of note.comments.entries()) {
    const thread = [];
    for (const [j, comment] of [top, ...(top.replies ?? [])].entries()) {
      const author = lookup(people, comment.by, "user");
      const answered = comment.to ? thread.findLast((c) => c.author_id === people[comment.to]?.id) : thread[0];
      if (comment.to && !answered) throw new Error(`Demo data: ${noteKey} reply to "${comment.to}" answers no one`);
      const createdAt = Date.parse(note.at) + duration(comment.after);
      thread.push({
        id: await demoId(createdAt, `comment ${noteKey} ${i} ${j}`),
        note_id: noteId,
        author_id: author.id,
        parent_id: thread[0]?.id ?? null,
        reply_to_comment_id: answered?.id ?? null,
        reply_to_user_id: answered?.author_id ?? null,
        body: comment.body,
        language: comment.language,
        ip_country: author.ip_country,
        ip_region: author.ip_region,
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
    rows.push(...thread);
  }
  return rows;
}

/** One row per (person, note) pair, a few minutes after both the note and the person existed. */
function reactionRows(byNote, noteRows, people) {
  return Object.entries(byNote).flatMap(([noteKey, keys]) => {
    const note = lookup(noteRows, noteKey, "note");
    return keys.map((key, i) => {
      const user = lookup(people, key, "user");
      const createdAt = Math.max(note.created_at, user.created_at) + (i + 1) * 7 * MS.m;
      return { user_id: user.id, note_id: note.id, created_at: createdAt };
    });
  });
}

function followRows(people) {
  return Object.entries(follows).flatMap(([followerKey, followeeKeys]) => {
    const follower = lookup(people, followerKey, "user");
    return followeeKeys.map((key, i) => {
      const followee = lookup(people, key, "user");
      const createdAt = Math.max(follower.created_at, followee.created_at) + (i + 1) * MS.h;
      return { follower_id: follower.id, followee_id: followee.id, created_at: createdAt };
    });
  });
}

/** Every demo row, table by table, in an order that satisfies the foreign keys. */
async function demoTables() {
  const people = await userRows();
  const noteRows = {};
  const topics = new Map();
  const noteTopics = [];
  const comments = [];
  for (const [key, note] of Object.entries(notes)) {
    const author = lookup(people, note.author, "user");
    const createdAt = Date.parse(note.at);
    const row = {
      id: await demoId(createdAt, `note ${key}`),
      author_id: author.id,
      title: note.title,
      body: note.body,
      language: note.language,
      language_source: "author",
      media: JSON.stringify(note.media),
      place_name: note.place?.name ?? null,
      place_latitude: note.place?.latitude ?? null,
      place_longitude: note.place?.longitude ?? null,
      ip_country: author.ip_country,
      ip_region: author.ip_region,
      created_at: createdAt,
      updated_at: createdAt,
    };
    noteRows[key] = row;
    for (const topic of note.topics) {
      topics.set(topic, Math.min(topics.get(topic) ?? Infinity, createdAt));
      noteTopics.push({ note_id: row.id, topic });
    }
    comments.push(...(await commentRows(key, note, row.id, people)));
  }
  return {
    users: Object.values(people),
    notes: Object.values(noteRows),
    topics: [...topics].map(([name, createdAt]) => ({ name, created_at: createdAt })),
    note_topics: noteTopics,
    comments,
    likes: reactionRows(likes, noteRows, people),
    collects: reactionRows(collects, noteRows, people),
    follows: followRows(people),
  };
}

/** A SQL literal: text in single quotes with quotes doubled, so any script, emoji or quote survives. */
function sqlValue(value) {
  if (value === null) return "NULL";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`Demo data: cannot write ${value} as SQL`);
}

/**
 * The demo as `INSERT OR IGNORE` statements (no trailing semicolons), parents before
 * children, then the search index of the notes inserted this way.
 */
export async function buildSeedSql() {
  const tables = await demoTables();
  const inserts = Object.entries(tables).flatMap(([table, rows]) =>
    rows.map((row) => {
      const columns = Object.keys(row).join(", ");
      const values = Object.values(row).map(sqlValue).join(", ");
      return `INSERT OR IGNORE INTO ${table} (${columns}) VALUES (${values})`;
    }),
  );
  return [...inserts, ...NOTE_SEARCH_BACKFILL];
}
