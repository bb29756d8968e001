/*
 * Hot reads built once per isolate. drizzle turns a query's parts into SQL on
 * every call, checking each part's type as it goes; for the comment thread's
 * page, a profile (npm run bench:profile) put that at a fifth of the route's
 * CPU. A template builds its SQL once per shape with placeholders, and each
 * request only binds its values, on its own D1 session, with drizzle's own
 * row mapping.
 *
 * It uses two pieces of drizzle that are not in its typed API: a select's
 * `_prepare()` (what drizzle's own batch calls) and the session's
 * `prepareQuery`. drizzle-orm is pinned in package-lock.json, and
 * test/query-template.test.ts fails if either changes.
 */
import { type Query, fillPlaceholders, sql } from "drizzle-orm";
import type { Db } from "./client";

/** What drizzle's prepared select carries besides its statement. */
type PreparedSelect = {
  getQuery(): Query;
  fields: unknown;
  joinsNotNullableMap: unknown;
  all(): Promise<unknown[]>;
  get(): Promise<unknown>;
};

type Session = {
  prepareQuery(query: Query, fields: unknown, method: "all", arrayMode: boolean, mapper: undefined, metadata: unknown): PreparedSelect;
};

/** The part of a drizzle select a template needs: run it, batch it (drizzle batches call `_prepare`). */
type Select = { all(): Promise<unknown[]> };

type Built = { query: Query; fields: unknown; joinsNotNullableMap: unknown; metadata: unknown };

/**
 * A select built once per shape and isolate. Its shape is which of its values
 * are null: `build` gets a placeholder for each value that isn't, and null for
 * each that is, so branches such as "signed out: no viewer" build their own
 * SQL, once. `build` may use a value only as a value of the query (a
 * placeholder can't be added to or compared in JavaScript): pass `limit + 1`
 * as a value of its own.
 * @example
 * const byAuthor = queryTemplate((db, p: { author: string }) => db.select().from(notes).where(eq(notes.authorId, p.author)));
 * const rows = await byAuthor(db, { author: id }).all();
 */
export function queryTemplate<Values extends Record<string, unknown>, S extends Select>(build: (db: Db, p: Values) => S) {
  const shapes = new Map<string, Built>();
  /** This request's statement: built for the shape of `values` if not yet, then bound to them. */
  return (db: Db, values: Values): S => {
    const shape = Object.keys(values)
      .filter((name) => values[name] === null)
      .join(",");
    let built = shapes.get(shape);
    if (!built) {
      const placeholders = Object.fromEntries(Object.keys(values).map((name) => [name, values[name] === null ? null : sql.placeholder(name)]));
      const prepared = (build(db, placeholders as Values) as unknown as { _prepare(): PreparedSelect & { queryMetadata?: unknown } })._prepare();
      built = {
        query: prepared.getQuery(),
        fields: prepared.fields,
        joinsNotNullableMap: prepared.joinsNotNullableMap,
        metadata: prepared.queryMetadata,
      };
      shapes.set(shape, built);
    }
    const { query, fields, joinsNotNullableMap, metadata } = built;
    const prepare = () => {
      const session = (db as unknown as { session: Session }).session;
      const statement = session.prepareQuery({ sql: query.sql, params: fillPlaceholders(query.params, values) }, fields, "all", true, undefined, metadata);
      statement.joinsNotNullableMap = joinsNotNullableMap;
      return statement;
    };
    // Runs like the select it was built from: awaited alone, or inside db.batch.
    return { _prepare: prepare, all: () => prepare().all(), get: () => prepare().get() } as unknown as S;
  };
}
