import { env } from "cloudflare:workers";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import { queryTemplate } from "../src/db/query-template";
import { comments, users } from "../src/db/schema";
import { api, createUser } from "./helpers";

/*
 * src/db/query-template.ts leans on two pieces of drizzle outside its typed API
 * (a select's _prepare and the session's prepareQuery): these fail first if a
 * drizzle upgrade changes them.
 */

const replyTo = alias(users, "reply_to");

/**
 * Nested fields and a left join (whose missing row must map to null, as drizzle's own select does).
 * Joined columns are named apart, as in src/comments/store.ts: in a batch D1 keys rows by column name.
 */
const commentsOf = (db: ReturnType<typeof createDb>, note: string | ReturnType<typeof sql.placeholder>) =>
  db
    .select({
      comment: { id: comments.id, body: comments.body },
      author: { id: sql<string>`${users.id}`.as("author_id_"), nickname: sql<string>`${users.nickname}`.as("author_nickname_") },
      replyTo: { id: sql<string | null>`${replyTo.id}`.as("reply_to_id_"), nickname: sql<string | null>`${replyTo.nickname}`.as("reply_to_nickname_") },
      label: sql<string>`${comments.body} || '!'`.as("label"),
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(replyTo, eq(replyTo.id, comments.replyToUserId))
    .where(eq(comments.noteId, note))
    .orderBy(comments.id);

describe("query templates", () => {
  it("answer what drizzle's own select answers, alone and in a batch, for each request's values, building once per shape", async () => {
    const [author, fan] = [await createUser(), await createUser()];
    const notes = [];
    for (const title of ["one", "two"]) {
      const note = (await api("POST", "/v1/notes", { token: author.token, body: { title } })).body;
      const first = (await api("POST", `/v1/notes/${note.id}/comments`, { token: fan.token, body: { body: `on ${title}` } })).body;
      await api("POST", `/v1/notes/${note.id}/comments`, { token: author.token, body: { body: "thanks", replyTo: first.id } });
      notes.push(note.id as string);
    }

    let builds = 0;
    const template = queryTemplate((db, p: { note: string }) => {
      builds++;
      return commentsOf(db, p.note);
    });
    const db = createDb(env.DB);
    for (const note of notes) {
      const expected = await commentsOf(db, note);
      expect(expected).toHaveLength(2);
      expect(expected[0]!.replyTo).toEqual({ id: null, nickname: null });
      expect(expected[1]!.replyTo).toEqual({ id: fan.id, nickname: fan.nickname });
      expect(await template(db, { note }).all()).toEqual(expected);
      const [batched, again, drizzles] = await db.batch([template(db, { note }), template(db, { note }), commentsOf(db, note)]);
      expect(drizzles).toEqual(expected);
      expect(batched).toEqual(expected);
      expect(again).toEqual(expected);
    }
    expect(builds).toBe(1);

    // A left-joined table selected by its columns comes back null when missing, as drizzle's own select answers it.
    const withJoinedTable = (db2: typeof db, note: string | ReturnType<typeof sql.placeholder>) =>
      db2.select({ id: comments.id, replyTo }).from(comments).leftJoin(replyTo, eq(replyTo.id, comments.replyToUserId)).where(eq(comments.noteId, note)).orderBy(comments.id);
    const joined = queryTemplate((db2, p: { note: string }) => withJoinedTable(db2, p.note));
    const expected = await withJoinedTable(db, notes[0]!);
    expect(expected[0]!.replyTo).toBeNull();
    expect(expected[1]!.replyTo).toMatchObject({ id: fan.id });
    expect(await joined(db, { note: notes[0]! }).all()).toEqual(expected);
  });

  it("build once per shape: which values are null", async () => {
    const [author, fan] = [await createUser(), await createUser()];
    const note = (await api("POST", "/v1/notes", { token: author.token, body: { title: "shapes" } })).body;
    for (const user of [author, fan]) await api("POST", `/v1/notes/${note.id}/comments`, { token: user.token, body: { body: user.nickname } });
    let builds = 0;
    const byAuthor = queryTemplate((db, p: { note: string; author: string | null }) => {
      builds++;
      return db
        .select({ body: comments.body })
        .from(comments)
        .where(and(eq(comments.noteId, p.note), p.author === null ? sql`1` : eq(comments.authorId, p.author)))
        .orderBy(comments.id);
    });
    const db = createDb(env.DB);
    const bodies = async (author: string | null) => (await byAuthor(db, { note: note.id, author }).all()).map((row) => row.body);
    expect(await bodies(null)).toEqual([author.nickname, fan.nickname]);
    expect(await bodies(fan.id)).toEqual([fan.nickname]);
    expect(await bodies(author.id)).toEqual([author.nickname]);
    expect(await bodies(null)).toEqual([author.nickname, fan.nickname]);
    expect(builds).toBe(2);
  });
});
