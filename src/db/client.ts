import { drizzle } from "drizzle-orm/d1";

/*
 * No `schema` option: nothing here uses drizzle's relational queries (db.query.*),
 * and passing the schema makes drizzle rebuild its relational config on every
 * createDb — once per request, since each request has its own D1 session. The
 * profile (npm run bench:profile) put that at ~13% of a note read's CPU.
 */
export const createDb = (d1: D1Database) => drizzle(d1);

export type Db = ReturnType<typeof createDb>;
