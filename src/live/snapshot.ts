import { pageOfThread } from "../comments/store";
import type { Db } from "../db/client";
import { SNAPSHOT_COMMENTS, SNAPSHOT_REUSE_EVENTS } from "./limits";
import type { ThreadStorage } from "./thread-storage";

/** A new viewer's first page, valid as of event `upTo`. */
export type Snapshot = { upTo: number; comments: NonNullable<Awaited<ReturnType<typeof pageOfThread>>>; commentIds: Set<string> };

/**
 * The first page of comments for new viewers, valid as of event `upTo`:
 * everything logged by then is in it, and anything in it logged later is
 * filtered from their replay. Shared while the thread has moved on little, and
 * read once however many viewers join at the same moment.
 */
export class ThreadSnapshots {
  private snapshot: Snapshot | null = null;
  private reading: Promise<Snapshot> | null = null;

  constructor(
    private readonly db: Db,
    private readonly storage: ThreadStorage,
    /** Takes the outbox into the log, so what the page holds is filtered, not sent live. */
    private readonly catchUp: () => Promise<void>,
  ) {}

  fresh(): Promise<Snapshot> {
    const reusable = this.snapshot;
    if (reusable && this.storage.lastId - reusable.upTo <= SNAPSHOT_REUSE_EVENTS && this.storage.covers(reusable.upTo)) {
      return Promise.resolve(reusable);
    }
    this.reading ??= this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  forget() {
    this.snapshot = null;
  }

  private async read(): Promise<Snapshot> {
    const upTo = this.storage.lastId;
    // A note deleted (or hidden) meanwhile has no comments; the thread closes at its next pull.
    const comments = (await pageOfThread(this.db, this.storage.noteId ?? "", null, { limit: SNAPSHOT_COMMENTS })) ?? { items: [], nextCursor: null };
    await this.catchUp();
    const commentIds = new Set(comments.items.flatMap((comment) => [comment.id, ...comment.firstReplies.map((reply) => reply.id)]));
    this.snapshot = { upTo, comments, commentIds };
    return this.snapshot;
  }
}
