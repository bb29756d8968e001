import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestUser, api, createUser } from "./helpers";

let author: TestUser;
let readers: TestUser[];

async function post(by: TestUser, topics: string[], title = "hi") {
  const res = await api("POST", "/v1/notes", { token: by.token, body: { title, body: "hello", topics } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function comment(by: TestUser, noteId: string, replyTo?: string) {
  const res = await api("POST", `/v1/notes/${noteId}/comments`, { token: by.token, body: { body: "nice", ...(replyTo ? { replyTo } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function topicCounts(name: string) {
  const res = await api("GET", `/v1/topics/${name}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { notes: res.body.noteCount as number, discussions: res.body.discussionCount as number };
}

/** The discussion count recounted from the rows themselves. */
async function recount(name: string) {
  return env.DB.prepare(
    `SELECT count(*) + coalesce(sum(n.comment_count), 0) AS n FROM note_topics nt JOIN notes n ON n.id = nt.note_id WHERE nt.topic = ?`,
  )
    .bind(name)
    .first<number>("n");
}

beforeAll(async () => {
  author = await createUser();
  readers = await Promise.all(Array.from({ length: 4 }, () => createUser()));
});

describe("a topic's discussion count", () => {
  it("counts notes, comments and replies, and follows deletes and edits", async () => {
    const name = `homework${Math.floor(Math.random() * 1e6)}`;
    const first = await post(author, [name]);
    expect(await topicCounts(name)).toEqual({ notes: 1, discussions: 1 });

    const top = await comment(readers[0]!, first);
    await comment(readers[1]!, first);
    await comment(readers[2]!, first, top);
    expect(await topicCounts(name)).toEqual({ notes: 1, discussions: 4 });

    const second = await post(author, [name, "maths"]);
    const onSecond = await comment(readers[0]!, second);
    expect(await topicCounts(name)).toEqual({ notes: 2, discussions: 6 });

    expect((await api("DELETE", `/v1/comments/${onSecond}`, { token: readers[0]!.token })).status).toBe(204);
    expect(await topicCounts(name)).toEqual({ notes: 2, discussions: 5 });

    // Deleting a top-level comment deletes its reply too.
    expect((await api("DELETE", `/v1/comments/${top}`, { token: readers[0]!.token })).status).toBe(204);
    expect(await topicCounts(name)).toEqual({ notes: 2, discussions: 3 });

    // Deleting a note takes its comments with it.
    expect((await api("DELETE", `/v1/notes/${first}`, { token: author.token })).status).toBe(204);
    expect(await topicCounts(name)).toEqual({ notes: 1, discussions: 1 });

    // Taking the topic off a note with a comment, and putting it back.
    await comment(readers[3]!, second);
    expect(await topicCounts(name)).toEqual({ notes: 1, discussions: 2 });
    await api("PATCH", `/v1/notes/${second}`, { token: author.token, body: { topics: ["maths"] } });
    expect(await topicCounts(name)).toEqual({ notes: 0, discussions: 0 });
    await api("PATCH", `/v1/notes/${second}`, { token: author.token, body: { topics: ["maths", name] } });
    expect(await topicCounts(name)).toEqual({ notes: 1, discussions: 2 });
    expect(await recount(name)).toBe(2);
  });

  it("is exact after many people comment at once", async () => {
    const name = `tiktokrefugee${Math.floor(Math.random() * 1e6)}`;
    const notes = [await post(author, [name]), await post(readers[0]!, [name])];
    await Promise.all(readers.flatMap((reader) => notes.flatMap((note) => [comment(reader, note), comment(reader, note)])));
    expect(await topicCounts(name)).toEqual({ notes: 2, discussions: 2 + readers.length * 2 * 2 });
    expect(await recount(name)).toBe(2 + readers.length * 2 * 2);
    // Spread over shards, not one row.
    const shards = await env.DB.prepare("SELECT count(*) AS n FROM topic_discussion_shards WHERE topic = ?").bind(name).first<number>("n");
    expect(shards).toBeGreaterThan(1);
  });
});

describe("GET /v1/topics/{name}/notes?sort=top", () => {
  let name: string;
  let quiet: string;
  let liked: string;
  let discussed: string;
  beforeAll(async () => {
    name = `cattax${Math.floor(Math.random() * 1e6)}`;
    liked = await post(author, [name], "liked");
    discussed = await post(author, [name], "discussed");
    quiet = await post(author, [name], "quiet");
    for (const reader of readers.slice(0, 3)) await api("PUT", `/v1/notes/${liked}/like`, { token: reader.token });
    await api("PUT", `/v1/notes/${discussed}/collect`, { token: readers[0]!.token });
    await comment(readers[1]!, discussed);
  });

  const page = async (query: string, token?: string) => {
    const res = await api("GET", `/v1/topics/${name}/notes?${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: { id: string }[]; nextCursor: string | null };
  };

  it("puts the most liked, collected and discussed first; newest by default", async () => {
    expect((await page("sort=top")).items.map((n) => n.id)).toEqual([liked, discussed, quiet]);
    expect((await page("")).items.map((n) => n.id)).toEqual([quiet, discussed, liked]);
  });

  it("pages through every note once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result = await page(`sort=top&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...result.items.map((n) => n.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(seen).toEqual([liked, discussed, quiet]);
  });

  it("moves a note up as it gains likes", async () => {
    for (const reader of readers) await api("PUT", `/v1/notes/${quiet}/like`, { token: reader.token });
    expect((await page("sort=top")).items[0]!.id).toBe(quiet);
  });

  it("leaves out hidden notes and notes of blocked people", async () => {
    await env.DB.prepare("UPDATE notes SET visibility = 'hidden' WHERE id = ?").bind(liked).run();
    expect((await page("sort=top")).items.map((n) => n.id)).not.toContain(liked);
    const blocker = readers[3]!;
    await env.DB.prepare("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)").bind(blocker.id, author.id, Date.now()).run();
    expect((await page("sort=top", blocker.token)).items).toEqual([]);
    expect((await page("", blocker.token)).items).toEqual([]);
  });
});
