import { type AnyColumn, type SQL, gt } from "drizzle-orm";
import { iso } from "../lib/time";

/** Rows read per D1 query: a page is written out before the next is read, so memory stays flat however much there is. */
export const EXPORT_PAGE = 100;

export type Row = Record<string, unknown>;
/** Reads one page of a section after `after` (the last page's last key; null for the first). */
export type PageReader = (after: string | null) => Promise<{ key: string; item: Row }[]>;
export type ExportSection = { name: string; read: PageReader };

export const time = (ms: number | null) => (ms === null ? null : iso(ms));
export const after = (column: AnyColumn, key: string | null): SQL | undefined => (key === null ? undefined : gt(column, key));

/** Other people appear only as id and nickname, never with their phone, sessions or anything else. */
export const person = (id: string | null, nickname: string | null) => (id ? { id, nickname } : null);

/** A page of rows as keyed export items. */
export const pageOf = <T extends Row>(query: Promise<T[]>, keyOf: (row: T) => string, itemOf: (row: T) => Row) =>
  query.then((rows) => rows.map((row) => ({ key: keyOf(row), item: itemOf(row) })));
