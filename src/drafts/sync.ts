import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { changesSince, type DraftRow, type DraftWrite, draftsByIds, MAX_CHANGES_PER_SYNC, writeDraft } from "./store";

export type SyncOutcome = {
  applied: DraftRow[];
  conflicts: { change: DraftWrite; server: DraftRow }[];
  changed: DraftRow[];
  syncToken: string;
  hasMore: boolean;
};

/** A retried request whose first attempt was applied (its answer lost): the server already holds exactly this change. */
function alreadyApplied(change: DraftWrite, server: DraftRow): boolean {
  if ("deleted" in change) return server.deletedAt !== null && server.publishedNoteId === null;
  return (
    server.deletedAt === null &&
    server.publishedNoteId === null &&
    server.version === change.baseVersion + 1 &&
    server.content === JSON.stringify(change.content)
  );
}

/**
 * Applies a device's changes and reads what changed since its token, all in one D1
 * batch (one transaction): each change is a single conditional upsert, then the
 * drafts it touched and the changes since the token are read back.
 * `since` null skips the changes read (a single PUT or DELETE).
 */
export async function applyDraftChanges(db: Db, authorId: string, changes: DraftWrite[], since: number | null): Promise<SyncOutcome> {
  const now = Date.now();
  const ids = changes.map((change) => change.id);
  const statements: BatchItem<"sqlite">[] = [
    ...changes.map((change) => writeDraft(db, authorId, change, now)),
    ...(ids.length ? [draftsByIds(db, authorId, ids)] : []),
    ...(since !== null ? [changesSince(db, authorId, since)] : []),
  ];
  if (statements.length === 0) return { applied: [], conflicts: [], changed: [], syncToken: "0", hasMore: false };
  const results = (await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]])) as DraftRow[][];
  const current = new Map((ids.length ? results[changes.length]! : []).map((row) => [row.id, row]));

  const applied: DraftRow[] = [];
  const conflicts: SyncOutcome["conflicts"] = [];
  changes.forEach((change, i) => {
    const written = results[i]![0];
    const server = current.get(change.id)!;
    if (written || alreadyApplied(change, server)) applied.push(written ?? server);
    else conflicts.push({ change, server });
  });

  const recent = since !== null ? results.at(-1)! : [];
  const hasMore = recent.length > MAX_CHANGES_PER_SYNC;
  const window = recent.slice(0, MAX_CHANGES_PER_SYNC);
  const lastSeq = window.reduce((max, row) => Math.max(max, row.changeSeq), since ?? 0);
  const mine = new Set(applied.map((row) => `${row.id}@${row.version}`));
  return {
    applied,
    conflicts,
    changed: window.filter((row) => !mine.has(`${row.id}@${row.version}`)),
    syncToken: String(lastSeq),
    hasMore,
  };
}
