import type { Context, MiddlewareHandler } from "hono";
import type { Taken } from "../durable-objects/rate-limiter";
import type { AppEnv } from "../env";
import { sha256Hex } from "./crypto";
import { ApiError } from "./errors";
import { refuseIfSuspended } from "./suspension";
import { type Locale, render, t } from "./i18n";

/*
 * Exact budgets, counted in RateLimiter Durable Objects (one per budget and key).
 * Each budget is one wrangler.toml var, e.g. RATE_LIMIT_COMMENT = "user=120/60 ip=600/60":
 * 120 comments a minute per account and 600 per IP address. Scopes:
 * - user:  the signed-in account
 * - ip:    the client's address (hashed before it names anything)
 * - guest: the client's address, only when signed out
 * - phone: the phone number signed in to (hashed), charged by the sign-in handler
 */
export type Scope = "user" | "ip" | "guest" | "phone";

/**
 * Budgets, and what each does when its limiter can't be reached. Fail-closed
 * budgets guard against abuse that is costly to undo (account farms, password
 * guessing, mass reports that hide content); the rest fail open, so a limiter
 * outage never stops people reading, posting or liking.
 */
export const BUDGETS = {
  signup: { variable: "RATE_LIMIT_SIGNUP", failOpen: false, what: "sign-ups" },
  signin: { variable: "RATE_LIMIT_SIGNIN", failOpen: false, what: "sign-in attempts" },
  post: { variable: "RATE_LIMIT_POST", failOpen: true, what: "notes" },
  comment: { variable: "RATE_LIMIT_COMMENT", failOpen: true, what: "comments" },
  react: { variable: "RATE_LIMIT_REACT", failOpen: true, what: "likes, collects and cat tax stamps" },
  follow: { variable: "RATE_LIMIT_FOLLOW", failOpen: true, what: "follows, blocks and mutes" },
  report: { variable: "RATE_LIMIT_REPORT", failOpen: false, what: "reports" },
  translate: { variable: "RATE_LIMIT_TRANSLATE", failOpen: true, what: "translations that need an engine" },
  write: { variable: "RATE_LIMIT_WRITE", failOpen: true, what: "edits and other writes" },
  live: { variable: "RATE_LIMIT_LIVE", failOpen: true, what: "live-thread connections" },
  export: { variable: "RATE_LIMIT_EXPORT", failOpen: true, what: "data exports" },
  search: { variable: "RATE_LIMIT_SEARCH", failOpen: true, what: "searches" },
} as const satisfies Record<string, { variable: keyof Env; failOpen: boolean; what: string }>;

export type BudgetName = keyof typeof BUDGETS;

type Quota = { scope: Scope; limit: number; windowSeconds: number };

/** A policy's state after a take, for the RateLimit headers. */
export type PolicyState = { policy: string; limit: number; windowSeconds: number; remaining: number; resetAt: number };

/** How long a limiter may take to answer before it counts as down. */
const LIMITER_TIMEOUT_MS = 2_000;

const parsed = new Map<string, Quota[]>();

/** Reads "user=120/60 ip=600/60" (limit per window seconds, per scope). */
export function quotasOf(env: Env, budget: BudgetName): Quota[] {
  const text = String(env[BUDGETS[budget].variable] ?? "");
  let quotas = parsed.get(text);
  if (!quotas) {
    quotas = text
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => {
        const match = /^(user|ip|guest|phone)=(\d+)\/(\d+)$/.exec(part);
        if (!match || Number(match[3]) <= 0) throw new Error(`${BUDGETS[budget].variable}: can't read "${part}"`);
        return { scope: match[1] as Scope, limit: Number(match[2]), windowSeconds: Number(match[3]) };
      });
    parsed.set(text, quotas);
  }
  return quotas;
}

/** The address Cloudflare saw; local runs have none. */
export const clientIp = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "unknown";

/** The policy name in headers: "comment" for the account's budget, "comment-ip" for the address's. */
const policyName = (budget: BudgetName, scope: Scope) => (scope === "user" ? budget : `${budget}-${scope}`);

/** Hashed keys of the addresses and phones seen lately by this isolate (a hash per request showed in profiles). */
const hashedKeys = new Map<string, string>();
const HASHED_KEYS_KEPT = 10_000;

async function hashedKey(scope: Scope, key: string): Promise<string> {
  const plain = `${scope}:${key}`;
  let hashed = hashedKeys.get(plain);
  if (hashed === undefined) {
    hashed = await sha256Hex(plain);
    if (hashedKeys.size >= HASHED_KEYS_KEPT) hashedKeys.clear();
    hashedKeys.set(plain, hashed);
  }
  return hashed;
}

/** The RateLimiter object counting `budget` for one key. IP addresses and phone numbers are hashed first, so no limiter is named after one. */
export async function limiterName(budget: BudgetName, scope: Scope, key: string): Promise<string> {
  return `${budget}:${scope}:${scope === "user" ? key : await hashedKey(scope, key)}`;
}

export class LimiterDown extends Error {}

async function takeOne(env: Env, budget: BudgetName, quota: Quota, key: string, cost: number): Promise<Taken> {
  const name = await limiterName(budget, quota.scope, key);
  const stub = env.RATE_LIMITER.getByName(name);
  let timer: ReturnType<typeof setTimeout> | null = null;
  try {
    return await Promise.race([
      stub.take(policyName(budget, quota.scope), quota.limit, quota.windowSeconds, cost),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new LimiterDown("timed out")), LIMITER_TIMEOUT_MS))),
    ]);
  } catch (error) {
    throw error instanceof LimiterDown ? error : new LimiterDown(String(error));
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}

export type Keys = Partial<Record<Scope, string>>;

/**
 * Takes `cost` from every quota of `budget` that has a key. Returns the
 * policies' states, and which refused (empty when all allowed). A limiter that
 * is down: fail-open budgets skip it (logged), fail-closed ones throw 503.
 */
export async function takeBudget(env: Env, budget: BudgetName, keys: Keys, cost = 1) {
  const quotas = quotasOf(env, budget).filter((quota) => keys[quota.scope] !== undefined);
  const results = await Promise.all(
    quotas.map(async (quota) => {
      try {
        const taken = await takeOne(env, budget, quota, keys[quota.scope]!, cost);
        return { quota, taken };
      } catch (error) {
        console.error(JSON.stringify({ level: "error", event: "rate_limiter_down", budget, scope: quota.scope, error: String(error) }));
        if (BUDGETS[budget].failOpen) return null;
        throw new ApiError("service_unavailable", (locale: Locale) => render(t("rateLimit.down", { what: render(t(`rateLimit.what.${budget}` as const), locale) }), locale), {
          headers: { "Retry-After": "5" },
          retryAfter: 5,
        });
      }
    }),
  );
  const states: PolicyState[] = [];
  const refused: PolicyState[] = [];
  for (const result of results) {
    if (!result) continue;
    const { quota, taken } = result;
    const state = {
      policy: policyName(budget, quota.scope),
      limit: quota.limit,
      windowSeconds: quota.windowSeconds,
      remaining: taken.remaining,
      resetAt: taken.resetAt,
    };
    states.push(state);
    if (!taken.allowed) refused.push(state);
  }
  return { states, refused };
}

const secondsUntil = (at: number) => Math.max(Math.ceil((at - Date.now()) / 1000), 0);

/**
 * `RateLimit-Policy: "comment";q=120;w=60` and `RateLimit: "comment";r=117;t=42`
 * (draft-ietf-httpapi-ratelimit-headers): one list item per policy applied.
 */
export function rateLimitHeaders(states: PolicyState[]): Record<string, string> {
  if (states.length === 0) return {};
  return {
    "RateLimit-Policy": states.map((s) => `"${s.policy}";q=${s.limit};w=${s.windowSeconds}`).join(", "),
    RateLimit: states.map((s) => `"${s.policy}";r=${s.remaining};t=${secondsUntil(s.resetAt)}`).join(", "),
  };
}

/** The 429 for a refused take, with Retry-After in the header and in the envelope. */
export function overBudget(budget: BudgetName, refused: PolicyState[], headers: Record<string, string> = {}): ApiError {
  const wait = Math.max(...refused.map((s) => secondsUntil(s.resetAt)), 1);
  const message = (locale: Locale) => {
    const which = refused.map((s) => render(t("rateLimit.quota", { limit: s.limit, window: s.windowSeconds, policy: s.policy }), locale)).join(", ");
    return render(t("rateLimit.tooMany", { what: render(t(`rateLimit.what.${budget}` as const), locale), which, seconds: wait }), locale);
  };
  return new ApiError("rate_limited", message, {
    headers: { ...headers, "Retry-After": String(wait) },
    retryAfter: wait,
  });
}

/** Charges `budget` for this request and puts the RateLimit headers on its response (the error one too); throws 429 when over. */
export async function charge(c: Context<AppEnv>, budget: BudgetName, keys: Keys, cost = 1): Promise<void> {
  const { states, refused } = await takeBudget(c.env, budget, keys, cost);
  const all = [...(c.get("rateLimits") ?? []).filter((s) => !states.some((n) => n.policy === s.policy)), ...states];
  c.set("rateLimits", all);
  const headers = rateLimitHeaders(all);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  if (refused.length > 0) throw overBudget(budget, refused, headers);
}

/** The keys of a request: its account when signed in, its address, and its address as a guest when signed out. */
export function requestKeys(c: Context<AppEnv>): Keys {
  const viewer = c.var.viewer;
  const ip = clientIp(c);
  return viewer ? { user: viewer.id, ip } : { ip, guest: ip };
}

/**
 * Route middleware: charges one unit of `budget` to the caller (after
 * `requireAuth` for account budgets). Other features use it by name, e.g.
 * `middleware: [requireAuth, limit("report")]`.
 *
 * `suspension: "in-batch"` is for writes whose own batch starts with
 * `suspensionGuard` (src/lib/suspension.ts): the suspension is still checked at
 * write time, in the write's one D1 round trip instead of a read of its own here.
 */
export function limit(budget: BudgetName, options: { suspension?: "read" | "in-batch" } = {}): MiddlewareHandler<AppEnv> {
  const readsSuspension = WRITE_BUDGETS.has(budget) && options.suspension !== "in-batch";
  return async (c, next) => {
    const viewer = c.var.viewer;
    // A suspended account reads but doesn't write: checked at write time, beside the budget, so every session stops at once.
    await Promise.all([charge(c, budget, requestKeys(c)), readsSuspension && viewer ? refuseIfSuspended(c.var.db, viewer.id) : undefined]);
    return next();
  };
}

/** `limit(budget)` for a write whose batch carries `suspensionGuard`: no suspension read of its own. */
export const limitBatched = (budget: BudgetName) => limit(budget, { suspension: "in-batch" });

/** Budgets that charge writes, which suspended accounts may not make. */
const WRITE_BUDGETS = new Set<BudgetName>(["post", "comment", "react", "follow", "report", "write"]);

/** Route middleware after `requireAuth` for writes with no budget of their own ("edits and other writes"). */
export const limitWrites = limit("write");

/** For callers without a request context (live-thread sockets): throws 429 when over budget. */
export async function enforceBudget(env: Env, budget: BudgetName, keys: Keys): Promise<void> {
  const { refused } = await takeBudget(env, budget, keys);
  if (refused.length > 0) throw overBudget(budget, refused);
}

/** The response headers of a limited route, for its OpenAPI contract. */
export const rateLimitResponseHeaders = {
  "RateLimit-Policy": {
    description: 'The budgets this request counted against, e.g. `"comment";q=120;w=60` (120 per 60 seconds)',
    schema: { type: "string" as const, example: '"comment";q=120;w=60' },
  },
  RateLimit: {
    description: 'What is left of each budget and seconds until it resets, e.g. `"comment";r=117;t=42`',
    schema: { type: "string" as const, example: '"comment";r=117;t=42' },
  },
};
