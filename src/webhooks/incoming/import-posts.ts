import type { Db } from "../../db/client";
import { detectLanguage } from "../../language/detect";
import { isUniqueViolation } from "../../lib/db-errors";
import { newId } from "../../lib/ids";
import { MAX_TOPICS_PER_NOTE, topicsInText } from "../../topics/normalise";
import { isLinked } from "../apps/store";
import { type ImportPost, ImportPostSchema } from "./schemas";
import { alreadyImported, finishImport, findReceipt, insertImportedNote } from "./store";

export type ImportPayload = { account: string; source: string; posts: ImportPost[] };
export type PostRejection = { index: number; originalId: string | null; field: string; message: string };
export type PostOutcome = { originalId: string; outcome: "created" | "already_imported" | "failed"; noteId: string | null; error?: string };

const topicsOf = (post: ImportPost) => [...new Set([...topicsInText(`${post.title}\n${post.body}`), ...post.topics])];

/** Checks each post on its own: the good ones go ahead, each bad one is reported with its field. */
export function sortPosts(posts: unknown[]): { accepted: ImportPost[]; rejected: PostRejection[] } {
  const accepted: ImportPost[] = [];
  const rejected: PostRejection[] = [];
  const seen = new Set<string>();
  posts.forEach((raw, index) => {
    const rawId = (raw as { originalId?: unknown } | null)?.originalId;
    const originalId = typeof rawId === "string" ? rawId : null;
    const reject = (field: string, message: string) => rejected.push({ index, originalId, field: `data.posts.${index}${field}`, message });
    const parsed = ImportPostSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return reject(issue.path.length ? `.${issue.path.join(".")}` : "", issue.message);
    }
    if (topicsOf(parsed.data).length > MAX_TOPICS_PER_NOTE) return reject(".topics", `At most ${MAX_TOPICS_PER_NOTE} topics including #tags`);
    if (seen.has(parsed.data.originalId)) return reject(".originalId", "The same post appears twice in this delivery");
    seen.add(parsed.data.originalId);
    accepted.push(parsed.data);
  });
  return { accepted, rejected };
}

async function importOne(db: Db, payload: ImportPayload, post: ImportPost): Promise<PostOutcome> {
  const createdAt = Date.parse(post.createdAt);
  const id = newId(createdAt);
  try {
    await insertImportedNote(db, {
      id,
      authorId: payload.account,
      title: post.title,
      body: post.body,
      media: post.media,
      language: post.language ?? detectLanguage(`${post.title}\n${post.body}`),
      languageSource: post.language ? "author" : "detected",
      topics: topicsOf(post),
      source: payload.source,
      originalId: post.originalId,
      createdAt,
    });
    return { originalId: post.originalId, outcome: "created", noteId: id };
  } catch (error) {
    // Another delivery imported the same post meanwhile: the unique index kept it single.
    if (isUniqueViolation(error)) return { originalId: post.originalId, outcome: "already_imported", noteId: null };
    console.error(JSON.stringify({ level: "error", message: "import of one post failed", error: String(error) }));
    return { originalId: post.originalId, outcome: "failed", noteId: null, error: "Could not be saved" };
  }
}

const PARALLEL_POSTS = 8;

/**
 * The queue's half of a content.import delivery: each post becomes a note (with
 * language detection) in its own batch, or is reported failed. Running twice
 * imports nothing twice.
 */
export async function applyImport(db: Db, appId: string, webhookId: string): Promise<void> {
  const receipt = await findReceipt(db, appId, webhookId);
  if (!receipt || receipt.status !== "queued" || !receipt.payload) return;
  const payload = receipt.payload as ImportPayload;
  if (!(await isLinked(db, payload.account, appId))) {
    const outcomes = payload.posts.map((post) => ({
      originalId: post.originalId,
      outcome: "failed" as const,
      noteId: null,
      error: "The account unlinked the app before the import ran",
    }));
    await finishImport(db, appId, webhookId, outcomes);
    return;
  }
  const existing = await alreadyImported(db, payload.account, payload.source, payload.posts.map((p) => p.originalId));
  const outcomes: PostOutcome[] = [];
  for (let i = 0; i < payload.posts.length; i += PARALLEL_POSTS) {
    const chunk = payload.posts.slice(i, i + PARALLEL_POSTS);
    outcomes.push(
      ...(await Promise.all(
        chunk.map((post) =>
          existing.has(post.originalId)
            ? { originalId: post.originalId, outcome: "already_imported" as const, noteId: existing.get(post.originalId)! }
            : importOne(db, payload, post),
        ),
      )),
    );
  }
  await finishImport(db, appId, webhookId, outcomes);
}
