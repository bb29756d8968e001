/*
 * The for-you ranking, as pure functions over plain data: no database, no clock,
 * no imports. The worker calls them on a candidate pool; bench/fairness.mjs
 * imports this very file (Node 22 strips the types) to measure who gets reach.
 *
 * What decides reach: engagement relative to reach (likes, collects, comments
 * and cat tax receipts per impression, smoothed toward a prior so a note with 3
 * views and 1 like doesn't win everything), freshness, the reader's topic
 * affinity and place. Follower counts are not an input at all.
 * Fair exposure: a note with fewer than `explorationImpressions` views is in the
 * traffic pool and competes only for exploration slots, less-seen first, so
 * every new note from any account is shown before its engagement decides.
 */

export type Candidate = {
  id: string;
  authorId: string;
  /** BCP 47 tag of the note. */
  language: string;
  /** IP country of the note (ISO alpha-2), or null. */
  country: string | null;
  topics: string[];
  createdAt: number;
  views: number;
  likes: number;
  collects: number;
  comments: number;
  receipts: number;
};

export type Reader = {
  /** Null when signed out. */
  id: string | null;
  /** Languages the reader reads (any BCP 47 tags; compared by base language). */
  languages: string[];
  country: string | null;
  /** Topic → how often the reader liked, collected or commented on notes with it. */
  affinity: Record<string, number>;
  /** 0..1: share of the page in languages the reader doesn't read. */
  otherLanguageShare: number;
};

export type Pick = { id: string; reasons: string[] };

export const RANKING = {
  /** Impressions every note gets from the traffic pool before engagement decides its reach. */
  explorationImpressions: 40,
  /** Only notes younger than this are explored; older unseen notes compete on engagement. */
  explorationMaxAgeMs: 3 * 24 * 3_600_000,
  explorationShare: 0.25,
  /** At least this share of a signed-in reader's page comes from other countries. */
  elsewhereShare: 0.2,
  nearYouBoost: 1.25,
  maxPerAuthor: 2,
  freshnessHalfLifeMs: 24 * 3_600_000,
  /** The smoothing prior: every note starts as if it had `priorViews` views at `priorRate`. */
  priorViews: 20,
  priorRate: 0.05,
  /** Affinity match that earns a `topic:` reason. */
  topicReasonThreshold: 0.25,
} as const;

/** The language without script or region: `zh-Hant-TW` → `zh`. */
export const baseLanguage = (tag: string) => tag.split("-")[0]!.toLowerCase();

/** FNV-1a of `seed|id` as a number in [0, 1): a reproducible coin per note and seed. */
export function seededUnit(seed: string, id: string): number {
  let hash = 0x811c9dc5;
  const text = `${seed}|${id}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // One more avalanche round so ids sharing a long prefix spread evenly.
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) / 4_294_967_296;
}

/** Weighted interactions per impression, smoothed toward the prior. Never absolute counts. */
export function engagementRate(c: Candidate): number {
  const interactions = c.likes + 1.5 * c.collects + 2 * c.comments + c.receipts;
  return (interactions + RANKING.priorRate * RANKING.priorViews) / (c.views + RANKING.priorViews);
}

export function freshness(c: Candidate, now: number): number {
  const age = Math.max(0, now - c.createdAt);
  return 0.5 ** (age / RANKING.freshnessHalfLifeMs);
}

/** 0..1: how strongly the note's best topic matches what the reader engages with. */
export function topicAffinity(c: Candidate, reader: Reader): { match: number; topic: string | null } {
  let best = 0;
  let topic: string | null = null;
  const strongest = Math.max(0, ...Object.values(reader.affinity));
  if (strongest === 0) return { match: 0, topic: null };
  for (const t of c.topics) {
    const weight = (reader.affinity[t] ?? 0) / strongest;
    if (weight > best) {
      best = weight;
      topic = t;
    }
  }
  return { match: best, topic };
}

export const readsLanguage = (reader: Reader, language: string) =>
  reader.languages.some((tag) => baseLanguage(tag) === baseLanguage(language));

export const isExploring = (c: Candidate, now: number) =>
  c.views < RANKING.explorationImpressions && now - c.createdAt < RANKING.explorationMaxAgeMs;

export function score(c: Candidate, reader: Reader, now: number): number {
  const near = reader.country !== null && c.country === reader.country ? RANKING.nearYouBoost : 1;
  return engagementRate(c) * freshness(c, now) * (1 + topicAffinity(c, reader).match) * near;
}

type Queues = { explore: Candidate[]; ranked: Candidate[] };

function queuesOf(candidates: Candidate[], reader: Reader, now: number, seed: string): Queues {
  const explore: Candidate[] = [];
  const ranked: { c: Candidate; s: number }[] = [];
  for (const c of candidates) {
    if (isExploring(c, now)) explore.push(c);
    else ranked.push({ c, s: score(c, reader, now) });
  }
  // Less-seen first, jittered by the reader's seed: readers served from the same
  // (seconds-old) view counts spread over the traffic pool instead of all getting
  // the same few least-seen notes.
  const exploreKey = (c: Candidate) => c.views / RANKING.explorationImpressions + seededUnit(seed, c.id);
  explore.sort((a, b) => exploreKey(a) - exploreKey(b));
  ranked.sort((a, b) => b.s - a.s || (a.c.id < b.c.id ? -1 : 1));
  return { explore, ranked: ranked.map((r) => r.c) };
}

function reasonsFor(c: Candidate, reader: Reader, how: { explored: boolean; other: boolean; elsewhere: boolean }) {
  const reasons: string[] = [];
  if (how.explored) reasons.push("exploration");
  if (how.other) reasons.push("other-language");
  const affinity = topicAffinity(c, reader);
  if (affinity.topic && affinity.match >= RANKING.topicReasonThreshold) reasons.push(`topic:${affinity.topic}`);
  if (reader.country !== null && c.country === reader.country) reasons.push("near-you");
  else if (how.elsewhere) reasons.push("elsewhere");
  if (reasons.length === 0) reasons.push(engagementRate(c) >= 2 * RANKING.priorRate ? "popular" : "fresh");
  return reasons;
}

export type PageRequest = {
  candidates: Candidate[];
  reader: Reader;
  now: number;
  /** Ties in the traffic pool are broken per reader. */
  seed: string;
  /** Notes this reader was already served while paging: never again. */
  served: ReadonlySet<string>;
  limit: number;
};

/**
 * One ranked page. Slot by slot it keeps running quotas — other-language share,
 * exploration share, a share from other countries — and never takes a third
 * note from one author.
 */
export function rankPage({ candidates, reader, now, seed, served, limit }: PageRequest): Pick[] {
  const eligible = candidates.filter((c) => !served.has(c.id) && c.authorId !== reader.id);
  const own = queuesOf(eligible.filter((c) => readsLanguage(reader, c.language)), reader, now, seed);
  const other = queuesOf(eligible.filter((c) => !readsLanguage(reader, c.language)), reader, now, seed);
  const perAuthor = new Map<string, number>();
  const picks: Pick[] = [];
  let otherCount = 0;
  let exploreCount = 0;
  let elsewhereCount = 0;

  const take = (queue: Candidate[], preferElsewhere: boolean): Candidate | undefined => {
    const allowed = (c: Candidate) => (perAuthor.get(c.authorId) ?? 0) < RANKING.maxPerAuthor;
    const foreign = (c: Candidate) => c.country !== null && c.country !== reader.country;
    let index = preferElsewhere ? queue.findIndex((c) => allowed(c) && foreign(c)) : -1;
    if (index < 0) index = queue.findIndex(allowed);
    return index < 0 ? undefined : queue.splice(index, 1)[0];
  };

  for (let slot = 0; slot < limit; slot++) {
    const wantOther = otherCount < Math.round((slot + 1) * reader.otherLanguageShare);
    const wantExplore = exploreCount < Math.round((slot + 1) * RANKING.explorationShare);
    const wantElsewhere = reader.country !== null && elsewhereCount < Math.round((slot + 1) * RANKING.elsewhereShare);
    const groups = wantOther ? [other, own] : [own, other];
    let picked: { c: Candidate; explored: boolean; other: boolean } | undefined;
    for (const group of groups) {
      for (const explored of wantExplore ? [true, false] : [false, true]) {
        const c = take(explored ? group.explore : group.ranked, wantElsewhere);
        if (c) {
          picked = { c, explored, other: group === other };
          break;
        }
      }
      if (picked) break;
    }
    if (!picked) break;
    const { c } = picked;
    const elsewhere = c.country !== null && c.country !== reader.country;
    perAuthor.set(c.authorId, (perAuthor.get(c.authorId) ?? 0) + 1);
    if (picked.other) otherCount++;
    if (picked.explored) exploreCount++;
    if (elsewhere) elsewhereCount++;
    picks.push({ id: c.id, reasons: reasonsFor(c, reader, { ...picked, elsewhere: elsewhere && wantElsewhere }) });
  }
  return picks;
}

/**
 * Out-of-control Friday: no ranking at all. A reproducible shuffle of the
 * candidates by the reader's seed (per reader and day), minus what was served.
 */
export function randomPage({ candidates, reader, seed, served, limit }: Omit<PageRequest, "now">): Pick[] {
  return candidates
    .filter((c) => !served.has(c.id) && c.authorId !== reader.id)
    .map((c) => ({ id: c.id, key: seededUnit(seed, c.id) }))
    .sort((a, b) => a.key - b.key)
    .slice(0, limit)
    .map(({ id }) => ({ id, reasons: ["random"] }));
}
