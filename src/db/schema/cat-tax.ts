import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { notes } from "./notes";

/**
 * Cat tax receipts, mirrored from each cat note's CatTaxCounter Durable Object,
 * which issues the serials. A stamper whose account is deleted leaves the
 * receipt in place (stamper null), so serials stay 1..n without gaps.
 */
export const catTaxReceipts = sqliteTable(
  "cat_tax_receipts",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    serial: integer("serial").notNull(),
    stamperId: text("stamper_id").references(() => users.id, { onDelete: "set null" }),
    /** The bilingual receipt as issued, e.g. "猫税收据 · CAT TAX RECEIPT No. 0042 …". */
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.noteId, t.serial] }),
    uniqueIndex("cat_tax_receipts_stamper_idx").on(t.noteId, t.stamperId),
    index("cat_tax_receipts_time_idx").on(t.createdAt, t.noteId),
    index("cat_tax_receipts_by_stamper_idx").on(t.stamperId),
  ],
);
