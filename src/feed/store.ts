import { type SQL, and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { collects, comments, follows, likes, notes, noteTopics, users } from "../db/schema";
import { afterCursor } from "../lib/pagination";
import { noteInFeedOf } from "../lib/visibility";
import type { Candidate } from "./ranking";

type NoteRow = typeof notes.$inferSelect;

/** A note ready to present: its row, its author's nickname and its topics. */
export type FeedNote = { note: NoteRow; nickname: string; topics: string[]; liked: boolean; collected: boolean };

/** Newest public notes in the for-you pool, and established notes chosen among the newest `POOL_WINDOW`. */
export const POOL_NEWEST = 400;
export const POOL_ESTABLISHED = 200;
const POOL_WINDOW = 5_000;

// Every selected expression is aliased: D1 batches return rows keyed by column name.
const topicsJson = sql<string>`(select json_group_array(${noteTopics.topic}) from ${noteTopics} where ${noteTopics.noteId} = ${notes.id})`.as("topics_json");

const viewerFlags = (viewerId: string | null) => ({
  liked: (viewerId
    ? sql<number>`exists(select 1 from ${likes} where ${likes.userId} = ${viewerId} and ${likes.noteId} = ${notes.id})`
    : sql<number>`0`
  ).as("liked"),
  collected: (viewerId
    ? sql<number>`exists(select 1 from ${collects} where ${collects.userId} = ${viewerId} and ${collects.noteId} = ${notes.id})`
    : sql<number>`0`
  ).as("collected"),
});

const presentable = (viewerId: string | null) => ({
  note: notes,
  nickname: users.nickname,
  topics: topicsJson,
  ...viewerFlags(viewerId),
});

type PresentableRow = { note: NoteRow; nickname: string; topics: string; liked: number; collected: number };

const toFeedNote = (row: PresentableRow): FeedNote => ({
  note: row.note,
  nickname: row.nickname,
  topics: (JSON.parse(row.topics) as string[]).sort(),
  liked: Boolean(row.liked),
  collected: Boolean(row.collected),
});

export type CandidatePool = {
  notes: Map<string, FeedNote>;
  candidates: Candidate[];
  /** The newest notes alone, chosen by time only: what random modes draw from, so engagement can't bias them. */
  newest: Set<string>;
  builtAt: number;
};

const asCandidate = ({ note, topics }: FeedNote): Candidate => ({
  id: note.id,
  authorId: note.authorId,
  language: note.language,
  country: note.ipCountry,
  topics,
  createdAt: note.createdAt,
  views: note.viewCount,
  likes: note.likeCount,
  collects: note.collectCount,
  comments: note.commentCount,
  receipts: note.receiptCount,
});

/**
 * The for-you candidate pool, for every reader alike: the newest public notes
 * (where the traffic pool's exploration happens) plus the best-engaged of the
 * newest few thousand (engagement per impression). Per-reader exclusions are
 * applied afterwards, by `readerContext`.
 */
export async function readCandidatePool(db: Db): Promise<CandidatePool> {
  const rate = sql`(${notes.likeCount} + ${notes.collectCount} + ${notes.commentCount} + ${notes.receiptCount} + 1.0) / (${notes.viewCount} + 20)`;
  const [newest, established] = await db.batch([
    db
      .select(presentable(null))
      .from(notes)
      .innerJoin(users, eq(users.id, notes.authorId))
      .where(noteInFeedOf(null))
      .orderBy(desc(notes.id))
      .limit(POOL_NEWEST),
    db
      .select(presentable(null))
      .from(notes)
      .innerJoin(users, eq(users.id, notes.authorId))
      .where(
        and(
          noteInFeedOf(null),
          sql`${notes.id} in (select ${notes.id} from ${notes} order by ${notes.id} desc limit ${POOL_WINDOW})`,
        ),
      )
      .orderBy(desc(rate))
      .limit(POOL_ESTABLISHED),
  ]);
  const pool = new Map<string, FeedNote>();
  for (const row of [...newest, ...established]) pool.set(row.note.id, toFeedNote(row));
  return {
    notes: pool,
    candidates: [...pool.values()].map(asCandidate),
    newest: new Set(newest.map((row) => row.note.id)),
    builtAt: Date.now(),
  };
}

let cachedPool: Promise<CandidatePool> | undefined;

/** The pool, reused by this isolate for `ttlMs` (a few seconds behind new notes and counters). */
export async function candidatePool(db: Db, ttlMs: number): Promise<CandidatePool> {
  const current = cachedPool && (await cachedPool.catch(() => undefined));
  if (current && Date.now() - current.builtAt < ttlMs) return current;
  const next = readCandidatePool(db);
  cachedPool = next;
  return next;
}

export type ReaderRow = {
  languages: string[];
  ipCountry: string | null;
  timeZone: string | null;
  randomFridays: boolean;
  otherLanguagePercent: number;
};

export type ReaderContext = {
  profile: ReaderRow | undefined;
  affinity: Record<string, number>;
  /** Pool notes this reader may not see now: gone since the pool was read, hidden, or across a block or mute. */
  unseen: Set<string>;
  /** Pool notes this reader liked or collected. */
  reactions: Map<string, { liked: boolean; collected: boolean }>;
};

/** Recent interactions that shape topic affinity, per kind. */
const AFFINITY_DEPTH = 100;

/**
 * Everything about one reader a for-you page needs, in one D1 batch: profile
 * preferences, topic affinity from what they liked, collected and commented on,
 * and which pool notes the visibility rule lets them see.
 */
export async function readerContext(db: Db, viewerId: string | null, poolIds: string[]): Promise<ReaderContext> {
  const ids = JSON.stringify(poolIds);
  // The pool holds public notes, so the few this reader may not see are asked for, not the hundreds they may.
  const unseenQuery = db
    .select({ id: sql<string>`value`.as("id") })
    .from(sql`json_each(${ids})`)
    .where(sql`not exists (select 1 from ${notes} where ${notes.id} = value and ${noteInFeedOf(viewerId)})`);
  if (!viewerId) {
    const unseen = await unseenQuery;
    return { profile: undefined, affinity: {}, unseen: new Set(unseen.map((row) => row.id)), reactions: new Map() };
  }
  const recent = (table: typeof likes | typeof collects) =>
    sql`select ${table.noteId} as note_id from ${table} where ${table.userId} = ${viewerId} order by ${table.createdAt} desc limit ${AFFINITY_DEPTH}`;
  const reacted = (table: typeof likes | typeof collects) =>
    db
      .select({ id: table.noteId })
      .from(table)
      .where(and(eq(table.userId, viewerId), sql`${table.noteId} in (select value from json_each(${ids}))`));
  const [profile, affinity, unseen, liked, collected] = await db.batch([
    db
      .select({
        languages: users.languages,
        ipCountry: users.ipCountry,
        timeZone: users.timeZone,
        randomFridays: users.randomFridays,
        otherLanguagePercent: users.otherLanguagePercent,
      })
      .from(users)
      .where(eq(users.id, viewerId)),
    db
      .select({ topic: noteTopics.topic, weight: sql<number>`count(*)`.as("weight") })
      .from(
        sql`(select * from (${recent(likes)}) union all select * from (${recent(collects)}) union all select * from (select ${comments.noteId} as note_id from ${comments} where ${comments.authorId} = ${viewerId} order by ${comments.id} desc limit ${AFFINITY_DEPTH})) as interacted`,
      )
      .innerJoin(noteTopics, sql`${noteTopics.noteId} = interacted.note_id`)
      .groupBy(noteTopics.topic)
      .orderBy(desc(sql`count(*)`))
      .limit(30),
    unseenQuery,
    reacted(likes),
    reacted(collects),
  ]);
  const reactions = new Map<string, { liked: boolean; collected: boolean }>();
  for (const { id } of liked) reactions.set(id, { liked: true, collected: false });
  for (const { id } of collected) reactions.set(id, { liked: reactions.has(id), collected: true });
  return {
    profile: profile[0],
    affinity: Object.fromEntries(affinity.map((a) => [a.topic, a.weight])),
    unseen: new Set(unseen.map((row) => row.id)),
    reactions,
  };
}

/** Notes of people the viewer follows, newest first, ready to present: one statement. */
export async function followingPage(db: Db, viewerId: string, page: { cursor?: string; limit: number }) {
  const rows = await db
    .select(presentable(viewerId))
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(
      and(
        inArray(
          notes.authorId,
          db.select({ id: follows.followeeId }).from(follows).where(eq(follows.followerId, viewerId)),
        ),
        noteInFeedOf(viewerId),
        afterCursor(page.cursor, "desc", notes.id),
      ),
    )
    .orderBy(desc(notes.id))
    .limit(page.limit + 1);
  return rows.map(toFeedNote);
}

const KM_PER_DEGREE = 111.32;
const BAND_DEGREES = 0.1;

/** Latitude bands and longitude ranges that cover a circle: the nearby feed's index seeks. */
export function nearbyBox(lat: number, lon: number, radiusKm: number) {
  const dLat = radiusKm / KM_PER_DEGREE;
  const band = (latitude: number) => Math.floor((Math.max(-90, Math.min(90, latitude)) + 90) / BAND_DEGREES);
  const bands: number[] = [];
  for (let b = band(lat - dLat); b <= band(lat + dLat); b++) bands.push(b);
  const cosLat = Math.max(Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180), 1e-6);
  const dLon = radiusKm / (KM_PER_DEGREE * cosLat);
  const ranges: [number, number][] =
    dLon >= 180
      ? [[-180, 180]]
      : lon - dLon < -180
        ? [[-180, lon + dLon], [lon - dLon + 360, 180]]
        : lon + dLon > 180
          ? [[lon - dLon, 180], [-180, lon + dLon - 360]]
          : [[lon - dLon, lon + dLon]];
  return { bands, ranges };
}

export type NearbyRow = FeedNote & { distanceKm: number; sortKey: number };

/**
 * Public notes with a place within `radiusKm` of a point, nearest first. Seeks
 * the (latitude band, longitude) index over the covering box, then orders by an
 * equirectangular distance (accurate to well under 1% at these radii).
 */
export function nearbyQuery(
  db: Db,
  viewerId: string | null,
  point: { lat: number; lon: number; radiusKm: number },
  page: { after?: [number, string]; limit: number },
) {
  const { bands, ranges } = nearbyBox(point.lat, point.lon, point.radiusKm);
  const kmPerLon = KM_PER_DEGREE * Math.cos((point.lat * Math.PI) / 180);
  const dLonAbs = sql`abs(${notes.placeLongitude} - ${point.lon})`;
  const distance2 = sql<number>`((${notes.placeLatitude} - ${point.lat}) * ${KM_PER_DEGREE}) * ((${notes.placeLatitude} - ${point.lat}) * ${KM_PER_DEGREE}) + (min(${dLonAbs}, 360 - ${dLonAbs}) * ${kmPerLon}) * (min(${dLonAbs}, 360 - ${dLonAbs}) * ${kmPerLon})`;
  const inBox = sql.join(
    ranges.map(([from, to]) => sql`(${notes.placeLongitude} between ${from} and ${to})`),
    sql` or `,
  );
  const after: SQL | undefined = page.after
    ? sql`(${distance2} > ${page.after[0]} or (${distance2} = ${page.after[0]} and ${notes.id} > ${page.after[1]}))`
    : undefined;
  return db
    .select({ ...presentable(viewerId), distance2 })
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(
      and(
        inArray(notes.placeBand, bands),
        sql`(${inBox})`,
        sql`${distance2} <= ${point.radiusKm * point.radiusKm}`,
        noteInFeedOf(viewerId),
        after,
      ),
    )
    .orderBy(distance2, notes.id)
    .limit(page.limit + 1);
}

export async function nearbyPage(...args: Parameters<typeof nearbyQuery>): Promise<NearbyRow[]> {
  const rows = await nearbyQuery(...args);
  return rows.map((row) => ({ ...toFeedNote(row), distanceKm: Math.sqrt(row.distance2), sortKey: row.distance2 }));
}
