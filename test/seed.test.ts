import { env } from "cloudflare:workers";
import { parsePhoneNumberWithError } from "libphonenumber-js/max";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, type DemoComment, type DemoUser, likes, notes, users } from "../scripts/demo-data.mjs";
import { buildSeedSql } from "../scripts/seed-sql.mjs";
import { NicknameSchema } from "../src/accounts/schemas";
import { CommentBodySchema } from "../src/comments/schemas";
import { ID_PATTERN } from "../src/lib/ids";
import { NoteCreateSchema } from "../src/notes/schemas";
import { topicsInText } from "../src/topics/normalise";
import { api, uniqueIp } from "./helpers";

const TABLES = ["users", "notes", "topics", "note_topics", "comments", "likes", "collects", "follows"];

async function seed() {
  const statements = await buildSeedSql();
  await env.DB.batch(statements.map((statement) => env.DB.prepare(statement)));
}

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<number>("n"))!;
  return counts;
}

const rows = async <T = Record<string, unknown>>(sql: string) => (await env.DB.prepare(sql).all<T>()).results;

const threadOf = (comment: DemoComment) => [comment, ...(comment.replies ?? [])];
const demoComments = Object.values(notes).flatMap((note) => note.comments.flatMap(threadOf));
const ashley = users.ashley!;
const lili = notes.lili!;

function decodeTime(id: string): number {
  return [...id.slice(0, 10)].reduce((time, char) => time * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(char), 0);
}

let afterFirstRun: Record<string, number>;
beforeAll(async () => {
  await seed();
  afterFirstRun = await rowCounts();
  await seed();
});

describe("demo seed", () => {
  it("inserts every demo row once, and a second run adds nothing", async () => {
    expect(afterFirstRun).toMatchObject({
      // Plus the stand-in author of deleted comments' placeholders (migrations/0012_privacy_and_limits.sql).
      users: Object.keys(users).length + 1,
      notes: Object.keys(notes).length,
      comments: demoComments.length,
    });
    expect(await rowCounts()).toEqual(afterFirstRun);
  });

  it("leaves every counter equal to the rows it counts", async () => {
    const wrongNotes = await rows(`SELECT id FROM notes n WHERE
      like_count <> (SELECT count(*) FROM likes WHERE note_id = n.id) OR
      collect_count <> (SELECT count(*) FROM collects WHERE note_id = n.id) OR
      comment_count <> (SELECT count(*) FROM comments WHERE note_id = n.id)`);
    const wrongUsers = await rows(`SELECT id FROM users u WHERE
      follower_count <> (SELECT count(*) FROM follows WHERE followee_id = u.id) OR
      following_count <> (SELECT count(*) FROM follows WHERE follower_id = u.id) OR
      note_count <> (SELECT count(*) FROM notes WHERE author_id = u.id)`);
    const wrongComments = await rows(
      "SELECT id FROM comments c WHERE reply_count <> (SELECT count(*) FROM comments WHERE parent_id = c.id)",
    );
    const wrongTopics = await rows(
      "SELECT name FROM topics t WHERE note_count <> (SELECT count(*) FROM note_topics WHERE topic = t.name)",
    );
    expect({ wrongNotes, wrongUsers, wrongComments, wrongTopics }).toEqual({
      wrongNotes: [],
      wrongUsers: [],
      wrongComments: [],
      wrongTopics: [],
    });
  });

  it("gives ids that are ULIDs of their creation time, and never dates anything before what it answers", async () => {
    const stamped = await rows<{ id: string; created_at: number }>(
      "SELECT id, created_at FROM users UNION ALL SELECT id, created_at FROM notes UNION ALL SELECT id, created_at FROM comments",
    );
    for (const { id, created_at } of stamped) {
      expect(id).toMatch(ID_PATTERN);
      expect(decodeTime(id)).toBe(created_at);
    }
    const outOfOrder = await rows(`
      SELECT c.id FROM comments c JOIN notes n ON n.id = c.note_id JOIN users u ON u.id = c.author_id
        LEFT JOIN comments answered ON answered.id = c.reply_to_comment_id
        WHERE c.created_at <= n.created_at OR c.created_at <= u.created_at OR c.created_at <= answered.created_at
      UNION ALL SELECT n.id FROM notes n JOIN users u ON u.id = n.author_id WHERE n.created_at <= u.created_at
      UNION ALL SELECT l.note_id FROM likes l JOIN notes n ON n.id = l.note_id JOIN users u ON u.id = l.user_id
        WHERE l.created_at <= max(n.created_at, u.created_at)`);
    expect(outOfOrder).toEqual([]);
  });
});

describe("demo data", () => {
  it("has valid phone numbers, nicknames and language tags, as sign-up would require", () => {
    for (const user of Object.values(users)) {
      const phone = parsePhoneNumberWithError(user.phone.number);
      expect([phone.number, phone.isValid(), phone.country]).toEqual([user.phone.number, true, user.phone.region]);
      expect(NicknameSchema.parse(user.nickname)).toBe(user.nickname);
      expect(Intl.getCanonicalLocales(user.languages)).toEqual(user.languages);
    }
  });

  it("has notes and comments the API would accept, with every #tag among the note's topics", () => {
    for (const note of Object.values(notes)) {
      const { author, at, comments, place, ...content } = note;
      const parsed = NoteCreateSchema.parse({ ...content, place: place ?? undefined });
      expect(parsed).toMatchObject(content);
      expect(note.topics).toEqual(expect.arrayContaining(topicsInText(`${note.title}\n${note.body}`)));
    }
    for (const comment of demoComments) expect(CommentBodySchema.parse(comment.body)).toBe(comment.body);
  });
});

describe("the seeded demo through the API", () => {
  const catNote = async () => (await api("GET", "/v1/topics/cattax/notes")).body.items.at(-1);
  const signIn = (user: DemoUser) =>
    api("POST", "/v1/sessions", {
      body: { phone: user.phone.number, password: DEMO_PASSWORD },
      headers: { "CF-Connecting-IP": uniqueIp() },
    });

  it("lets every demo user sign in with the demo password", async () => {
    for (const user of Object.values(users)) {
      const session = await signIn(user);
      expect(session.status, user.nickname).toBe(201);
      expect(session.body.user.nickname).toBe(user.nickname);
    }
  });

  it("lists the cat notes under #cattax, newest first, with their counts", async () => {
    const catNotes = Object.values(notes)
      .filter((note) => note.topics.includes("cattax"))
      .sort((a, b) => b.at.localeCompare(a.at));
    const listed = await api("GET", "/v1/topics/cattax/notes");
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((note: { title: string }) => note.title)).toEqual(catNotes.map((note) => note.title));
    expect(listed.body.items.at(-1)).toMatchObject({
      author: { nickname: ashley.nickname },
      body: lili.body,
      media: lili.media,
      place: lili.place,
      ipRegion: { country: "US", region: null },
      likeCount: likes.lili!.length,
      commentCount: lili.comments.flatMap(threadOf).length,
    });
  });

  it("shows the cat note's comments with replies that mention whom they answer", async () => {
    const thread = await api("GET", `/v1/notes/${(await catNote()).id}/comments`);
    expect(thread.status).toBe(200);
    expect(thread.body.items).toHaveLength(lili.comments.length);
    const receipt = thread.body.items.at(-1);
    const demoReceipt = lili.comments[0]!;
    expect(receipt).toMatchObject({
      body: demoReceipt.body,
      author: { nickname: users.xiaoyu!.nickname },
      ipRegion: { label: "Guangdong" },
      replyCount: demoReceipt.replies!.length,
    });
    expect(receipt.firstReplies.map((reply: { body: string }) => reply.body)).toEqual(
      demoReceipt.replies!.slice(0, 2).map((reply) => reply.body),
    );
    const replies = (await api("GET", `/v1/comments/${receipt.id}/replies`)).body.items;
    expect(replies[1]).toMatchObject({
      parentId: receipt.id,
      replyTo: { commentId: replies[0].id, user: { nickname: ashley.nickname } },
    });
    expect(replies[2].replyTo).toMatchObject({ commentId: receipt.id, user: { nickname: users.xiaoyu!.nickname } });
  });

  it("never shows a demo phone number or password hash", async () => {
    const session = await signIn(ashley);
    const note = await catNote();
    const thread = await api("GET", `/v1/notes/${note.id}/comments`);
    const bodies = [session.body, note, thread.body];
    for (const path of ["/v1/me", `/v1/users/${note.author.id}`, `/v1/users/${note.author.id}/followers`]) {
      const response = await api("GET", path, { token: session.body.token });
      expect(response.status, path).toBe(200);
      bodies.push(response.body);
    }
    const seen = JSON.stringify(bodies);
    expect(seen).toContain(ashley.nickname);
    for (const user of Object.values(users)) {
      expect(seen).not.toContain(parsePhoneNumberWithError(user.phone.number).nationalNumber);
    }
    expect(seen).not.toContain("pbkdf2");
  });
});
