import type { LockRule, LockState } from "../durable-objects/rate-limiter";
import { sha256Hex } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import { limiterName } from "../lib/rate-limit";
import { MINUTE_MS } from "../lib/time";
import { t } from "../lib/i18n";

/*
 * Failed sign-ins slow down, then lock (documented on POST /v1/sessions and in the README):
 * - one address guessing one number: 3 free failures, then waits of 1, 2, 4… seconds,
 *   and after 10 failures in 15 minutes that pair is locked for 15 minutes;
 * - one number guessed from anywhere: 50 failures in an hour lock it for 15 minutes.
 * Attempts during a lock are refused unchecked and uncounted, so guessing can't make
 * a lock longer: the owner is never locked out for more than 15 minutes at a time by
 * others, and only then by a distributed attack. A success forgives both counts.
 */
export const PAIR_RULE: LockRule = { periodMs: 15 * MINUTE_MS, free: 3, firstWaitMs: 1_000, lockAfter: 10, lockMs: 15 * MINUTE_MS };
export const PHONE_RULE: LockRule = { periodMs: 60 * MINUTE_MS, free: 49, firstWaitMs: 0, lockAfter: 50, lockMs: 15 * MINUTE_MS };

type Lock = { name: string; rule: LockRule };

/**
 * The two locks a sign-in to `phone` from `ip` is subject to; named by hashes, never by
 * the number or address. The number's lock lives in the same object as its sign-in budget.
 */
async function locksFor(phone: string, ip: string): Promise<Lock[]> {
  return [
    { name: `signin-lock:pair:${await sha256Hex(`pair:${phone}:${ip}`)}`, rule: PAIR_RULE },
    { name: await limiterName("signin", "phone", phone), rule: PHONE_RULE },
  ];
}

/** Sign-in fails closed: with its limiter down nobody can guess passwords, and nobody signs in. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    console.error(JSON.stringify({ level: "error", event: "rate_limiter_down", budget: "signin-lock", error: String(error) }));
    throw new ApiError("service_unavailable", t("accounts.signInCheckDown"), {
      headers: { "Retry-After": "5" },
      retryAfter: 5,
    });
  }
}

function lockedError(states: LockState[]): ApiError | null {
  const until = Math.max(...states.map((s) => s.lockedUntil ?? 0));
  if (until <= Date.now()) return null;
  const wait = Math.max(Math.ceil((until - Date.now()) / 1000), 1);
  return new ApiError("rate_limited", t("accounts.tooManyFailures", { seconds: wait }), {
    headers: { "Retry-After": String(wait) },
    retryAfter: wait,
  });
}

/** Throws 429 while this number, or this address with this number, is locked; says whether any failures are counted. */
export async function refuseIfLocked(env: Env, phone: string, ip: string): Promise<{ failures: boolean }> {
  const locks = await locksFor(phone, ip);
  const states = await guarded(() => Promise.all(locks.map((l) => env.RATE_LIMITER.getByName(l.name).lock(l.name, l.rule))));
  const error = lockedError(states);
  if (error) throw error;
  return { failures: states.some((s) => s.failures > 0) };
}

/** Counts a failed attempt on both locks. */
export async function countFailure(env: Env, phone: string, ip: string): Promise<void> {
  const locks = await locksFor(phone, ip);
  await guarded(() => Promise.all(locks.map((l) => env.RATE_LIMITER.getByName(l.name).fail(l.name, l.rule))));
}

/** A success forgives the failures counted for this number. */
export async function forgiveFailures(env: Env, phone: string, ip: string): Promise<void> {
  const locks = await locksFor(phone, ip);
  await Promise.all(locks.map((l) => env.RATE_LIMITER.getByName(l.name).clear(l.name))).catch(() => undefined);
}
