import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { notes } from "./notes";

/**
 * One stored file per distinct upload (keyed by the SHA-256 of the bytes as uploaded),
 * however many people upload it. R2 keys are the SHA-256 of the bytes as stored
 * (EXIF stripped), so URLs never reveal the original's hash.
 */
export const mediaObjects = sqliteTable("media_objects", {
  sourceSha256: text("source_sha256").primaryKey(),
  kind: text("kind", { enum: ["image", "video"] }).notNull(),
  contentType: text("content_type").notNull(),
  originalKey: text("original_key").notNull(),
  originalBytes: integer("original_bytes").notNull(),
  lowResKey: text("low_res_key"),
  lowResBytes: integer("low_res_bytes"),
  width: integer("width"),
  height: integer("height"),
  durationMs: integer("duration_ms"),
  /** ThumbHash, base64: a blurry preview clients draw while the image loads. */
  placeholder: text("placeholder"),
  createdAt: createdAt(),
});

/** An upload as its owner sees it; attached to at most one note. */
export const media = sqliteTable(
  "media",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sourceSha256: text("source_sha256")
      .notNull()
      .references(() => mediaObjects.sourceSha256),
    /** Bytes charged to the owner's quota: the upload's size. */
    byteSize: integer("byte_size").notNull(),
    noteId: text("note_id").references(() => notes.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("media_owner_idx").on(t.ownerId, t.createdAt),
    index("media_object_idx").on(t.sourceSha256),
    index("media_note_idx").on(t.noteId),
  ],
);

/**
 * Offline drafts. Ids come from the client (ULID or UUID), so each author has their
 * own id space. A deleted or published draft stays as a tombstone (`deletedAt`), so
 * a stale device can't bring it back.
 */
export const drafts = sqliteTable(
  "drafts",
  {
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    version: integer("version").notNull(),
    /** The draft's note fields as JSON (see src/drafts/schemas.ts); "{}" on tombstones. */
    content: text("content").notNull(),
    /** Per-author change counter: the sync token is the highest one a client has seen. */
    changeSeq: integer("change_seq").notNull(),
    publishedNoteId: text("published_note_id"),
    deletedAt: integer("deleted_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.authorId, t.id] }), index("drafts_changes_idx").on(t.authorId, t.changeSeq)],
);
