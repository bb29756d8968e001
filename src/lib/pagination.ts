import { z } from "@hono/zod-openapi";
import { type AnyColumn, type SQL, and, eq, gt, lt, or } from "drizzle-orm";
import { ApiError } from "./errors";
import { t } from "./i18n";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

export const PageQuerySchema = z.object({
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "Opaque cursor from the previous page's `nextCursor`", example: "WzE3MzY3MjAwMDAwMDAsIjAxSkg3WjNWNk4iXQ" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ description: `Items per page (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE})`, example: 20 }),
});

export function pageSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .openapi({ description: "Pass as `cursor` to get the next page; null on the last page" }),
    })
    .openapi(name);
}

type CursorKey = [number | string, string];

export function encodeCursor(key: CursorKey): string {
  return btoa(JSON.stringify(key)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const key: unknown = JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/")));
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      (typeof key[0] === "number" || typeof key[0] === "string") &&
      typeof key[1] === "string"
    ) {
      return key as CursorKey;
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError("invalid_cursor", t("request.invalidCursor"), {
    details: [{ field: "cursor", location: "query", message: t("field.unrecognisedCursor") }],
  });
}

/**
 * Keyset condition for a list ordered by `sortColumn` (then `tieBreaker`), so a page
 * never shifts when new rows arrive. Lists ordered by a time-sortable id alone
 * pass no tie-breaker and use cursors made from `[id, id]`.
 */
export function afterCursor(
  cursor: string | undefined,
  direction: "desc" | "asc",
  sortColumn: AnyColumn,
  tieBreaker?: AnyColumn,
): SQL | undefined {
  if (!cursor) return undefined;
  const [sortValue, id] = decodeCursor(cursor);
  const beyond = direction === "desc" ? lt : gt;
  if (!tieBreaker) return beyond(sortColumn, id);
  return or(beyond(sortColumn, sortValue), and(eq(sortColumn, sortValue), beyond(tieBreaker, id)));
}

/** Takes `limit + 1` fetched rows and returns one page plus the cursor for the next. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
