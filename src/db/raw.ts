import type { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

const dialect = new SQLiteAsyncDialect();

/**
 * A D1 statement from a drizzle `sql` template, for reads drizzle's query builder
 * cannot express (FTS5 MATCH with bm25, MATERIALIZED CTEs). drizzle's own `db.all`
 * cannot go into `db.batch` with parameters, so these are batched with `D1Database.batch`.
 */
export function prepare(d1: D1Database, query: SQL): D1PreparedStatement {
  const { sql, params } = dialect.sqlToQuery(query);
  return d1.prepare(sql).bind(...params);
}

/** Runs statements in one round trip and returns each one's rows. */
export async function allInOneTrip<T extends unknown[]>(
  d1: D1Database,
  queries: { [K in keyof T]: SQL },
): Promise<{ [K in keyof T]: T[K][] }> {
  const results = await d1.batch(queries.map((query) => prepare(d1, query)));
  return results.map((result) => result.results) as { [K in keyof T]: T[K][] };
}
