/*
 * Creates in one D1 round trip, with their Idempotency-Key kept in the same
 * transaction as the write: the batch deletes the key if expired, inserts it
 * with the answer, then runs the write. D1 runs a batch as one transaction,
 * so either the key, the write and the answer are all there, or none is:
 * there is no "still running" state that a crash could leave behind, and two
 * concurrent requests with one key can't both create (the second one's key
 * insert fails, its whole batch rolls back, and it replays the first answer).
 */
import { t } from "./i18n";
import { and, eq, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context, MiddlewareHandler } from "hono";
import { idempotencyKeys, users } from "../db/schema";
import type { AppEnv } from "../env";
import { sha256Hex } from "./crypto";
import { isUniqueViolation } from "./db-errors";
import { ApiError } from "./errors";
import { IDEMPOTENCY_TTL_MS, isIdempotencyKey } from "./idempotency";
import { guardedWrite, suspensionGuardWithNickname } from "./suspension";

export type IdempotencyClaim = { scope: string; key: string; requestHash: string };

/** Route middleware for creates answered by `createOnce`: notes the key, claims nothing yet. */
/** Marks a replayed answer, as the `idempotent` middleware does. */
export function markReplayed(c: Context<AppEnv>, replayed: boolean) {
  if (replayed) c.header("Idempotent-Replayed", "true");
}

export const idempotentCreate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header("Idempotency-Key");
  if (key !== undefined && isIdempotencyKey(key)) {
    const scope = c.var.viewer ? `user:${c.var.viewer.id}` : "anonymous";
    c.set("idempotency", { scope, key, requestHash: await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`) });
  }
  return next();
};

/** An answer that names its author: the nickname is read in the write's own batch, so it is never stale. */
type Authored = { author: { id: string; nickname: string } };

const isKeyTaken = (error: unknown) => isUniqueViolation(error) && /idempotency_keys/.test(String(error) + String((error as Error)?.cause ?? ""));

/**
 * Runs `writes` in one round trip and gives back `answer` (a 201's body) with
 * its author's nickname. With a key already used, gives back the first answer
 * instead (the caller marks it `Idempotent-Replayed`), or throws 422 for a
 * different request; a failed write keeps nothing, so the key may be retried.
 */
export async function createOnce<T extends Authored>(
  c: Context<AppEnv>,
  writes: [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]],
  answer: T,
  /** Statements read after the writes, in the same transaction; their rows come back as `reads` (none on a replay). */
  reads: BatchItem<"sqlite">[] = [],
): Promise<{ answer: T; replayed: boolean; reads: unknown[] }> {
  const db = c.var.db;
  const claim = c.var.idempotency;
  // The author's suspension is checked in the same batch (routes behind limitBatched(budget)), and their nickname read with it.
  const guard = suspensionGuardWithNickname(db, answer.author.id);
  if (!claim) {
    const results = await guardedWrite(db, answer.author.id, () => db.batch([guard, ...writes, ...reads]));
    return { answer: withNickname(answer, results[0] as { nickname: string }[]), replayed: false, reads: readsOf(results, reads) };
  }
  const now = Date.now();
  const thisKey = and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key));
  // The stored answer takes the author's nickname from the same snapshot the answer does.
  const keepKey = db.insert(idempotencyKeys).select(
    db
      .select({
        scope: sql<string>`${claim.scope}`.as("scope"),
        key: sql<string>`${claim.key}`.as("key"),
        requestHash: sql<string>`${claim.requestHash}`.as("request_hash"),
        status: sql<number>`201`.as("status"),
        responseBody: sql<string>`json_set(${JSON.stringify(answer)}, '$.author.nickname', ${users.nickname})`.as("response_body"),
        createdAt: sql<number>`${now}`.as("created_at"),
        expiresAt: sql<number>`${now + IDEMPOTENCY_TTL_MS}`.as("expires_at"),
      })
      .from(users)
      .where(eq(users.id, answer.author.id)),
  );
  try {
    const results = await guardedWrite(db, answer.author.id, () =>
      db.batch([guard, db.delete(idempotencyKeys).where(and(thisKey, lt(idempotencyKeys.expiresAt, now))), keepKey, ...writes, ...reads]),
    );
    return { answer: withNickname(answer, results[0] as { nickname: string }[]), replayed: false, reads: readsOf(results, reads) };
  } catch (error) {
    if (!isKeyTaken(error)) throw error;
  }
  const earlier = await db.select().from(idempotencyKeys).where(thisKey).get();
  if (!earlier || earlier.requestHash !== claim.requestHash) {
    throw new ApiError("idempotency_key_reused", t("idempotency.keyReused"));
  }
  if (earlier.status === null || earlier.responseBody === null) {
    throw new ApiError("idempotency_request_in_progress", t("idempotency.inProgress"), {
      headers: { "Retry-After": "1" },
    });
  }
  return { answer: JSON.parse(earlier.responseBody) as T, replayed: true, reads: [] };
}

const readsOf = (results: unknown[], reads: unknown[]) => (reads.length === 0 ? [] : results.slice(-reads.length));

function withNickname<T extends Authored>(answer: T, rows: { nickname: string }[]): T {
  return { ...answer, author: { ...answer.author, nickname: rows[0]?.nickname ?? answer.author.nickname } };
}
