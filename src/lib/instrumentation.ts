/*
 * Round-trip counting for tests: every binding of a request's env is wrapped in a
 * counting proxy, and the counts go out on a response header. Only when the
 * test-only var COUNT_ROUND_TRIPS is "1" (vitest.config.ts) and never in
 * production, so the proxies cost nothing where it matters.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";

export const ROUND_TRIPS_HEADER = "X-Round-Trips";

/** What one request sent out. `d1` = statements run alone + batches (each one network hop in production). */
export type RoundTrips = {
  d1: number;
  d1Statements: number;
  d1Batches: number;
  durableObject: number;
  kv: number;
};

const newCounts = (): RoundTrips => ({ d1: 0, d1Statements: 0, d1Batches: 0, durableObject: 0, kv: 0 });

const isFunction = (value: unknown): value is (...args: unknown[]) => unknown => typeof value === "function";

/** The real statement behind a counting one, for D1's own batch (which needs its statements unwrapped). */
const realStatements = new WeakMap<object, D1PreparedStatement>();

function countingStatement(statement: D1PreparedStatement, counts: RoundTrips): D1PreparedStatement {
  const wrapped = new Proxy(statement, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (!isFunction(value)) return value;
      if (prop === "bind") return (...args: unknown[]) => countingStatement(Reflect.apply(value, target, args) as D1PreparedStatement, counts);
      if (prop === "all" || prop === "run" || prop === "raw" || prop === "first") {
        return (...args: unknown[]) => {
          counts.d1++;
          counts.d1Statements++;
          return Reflect.apply(value, target, args);
        };
      }
      return (...args: unknown[]) => Reflect.apply(value, target, args);
    },
  });
  realStatements.set(wrapped, statement);
  return wrapped;
}

function countingD1<T extends D1Database | D1DatabaseSession>(db: T, counts: RoundTrips): T {
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (!isFunction(value)) return value;
      if (prop === "prepare") return (query: string) => countingStatement(Reflect.apply(value, target, [query]) as D1PreparedStatement, counts);
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          counts.d1++;
          counts.d1Batches++;
          return Reflect.apply(value, target, [statements.map((s) => realStatements.get(s) ?? s)]);
        };
      }
      if (prop === "exec") {
        return (...args: unknown[]) => {
          counts.d1++;
          counts.d1Statements++;
          return Reflect.apply(value, target, args);
        };
      }
      if (prop === "withSession") return (...args: unknown[]) => countingD1(Reflect.apply(value, target, args) as D1DatabaseSession, counts);
      return (...args: unknown[]) => Reflect.apply(value, target, args);
    },
  });
}

/** Every method call on an object counts once (KV gets, rate-limit checks, Durable Object RPC). Reflect.apply: on an RPC stub, `.apply` would be a remote method. */
function countingCalls<T extends object>(target: T, count: () => void): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj);
      if (!isFunction(value)) return value;
      return (...args: unknown[]) => {
        count();
        return Reflect.apply(value, obj, args);
      };
    },
  });
}

function countingNamespace(namespace: DurableObjectNamespace, counts: RoundTrips): DurableObjectNamespace {
  return new Proxy(namespace, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (!isFunction(value)) return value;
      if (prop === "get" || prop === "getByName") {
        return (...args: unknown[]) => countingCalls(Reflect.apply(value, target, args) as object, () => counts.durableObject++);
      }
      return (...args: unknown[]) => Reflect.apply(value, target, args);
    },
  });
}

const has = (binding: object, ...methods: string[]) => methods.every((m) => isFunction((binding as Record<string, unknown>)[m]));

/** A copy of env whose D1, KV, Durable Object and rate-limit bindings count into `counts`. */
export function countingEnv(env: Env, counts: RoundTrips): Env {
  const copy: Record<string, unknown> = { ...env };
  for (const [name, binding] of Object.entries(env)) {
    if (binding === null || typeof binding !== "object") continue;
    if (has(binding, "prepare", "batch")) copy[name] = countingD1(binding as D1Database, counts);
    else if (has(binding, "idFromName")) copy[name] = countingNamespace(binding as DurableObjectNamespace, counts);
    else if (has(binding, "getWithMetadata")) copy[name] = countingCalls(binding, () => counts.kv++);
  }
  return copy as unknown as Env;
}

const countingOn = (env: Env) =>
  (env as { COUNT_ROUND_TRIPS?: string }).COUNT_ROUND_TRIPS === "1" && (env.ENVIRONMENT as string) !== "production";

/**
 * App middleware, before anything touches a binding: counts what the request
 * sends out, including calls started for after the answer (`waitUntil`) before
 * the answer leaves.
 */
export const countRoundTrips: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!countingOn(c.env)) return next();
  const counts = newCounts();
  c.env = countingEnv(c.env, counts);
  await next();
  try {
    c.res.headers.set(ROUND_TRIPS_HEADER, JSON.stringify(counts));
  } catch {
    // immutable headers (a WebSocket upgrade): nothing to count there
  }
};
