// Fairness of the for-you feed, simulated: who gets reach, and does quality win?
//
// A population with heavy-tailed follower counts posts notes of hidden quality
// over two simulated days. Simulated readers page the for-you feed through the
// REAL ranking (src/feed/ranking.ts, imported as is: Node 22 strips its types)
// and engage with a probability set by the note's quality and their interests,
// never by the author's fame. The same population, notes and readers are run a
// second time through a follower-weighted ranking, for comparison.
//
// No server, no network, CPU only, about ten seconds: `npm run bench:fairness`
// (`-- --seed N` for another population, `--json` for machine-readable output).
import { RANKING, rankPage } from "../src/feed/ranking.ts";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SEED = option("seed", 7);

const ACCOUNTS = 2_000;
const READERS = 400;
const ROUNDS = 96; // 30 simulated minutes each: two days
const ROUND_MS = 30 * 60_000;
const PAGE = 20;
const TOPICS = ["cattax", "cooking", "homework", "travel", "slang", "music", "pets", "garden", "fashion", "games", "books", "sports"];
const LANGUAGES = [["zh-Hans", "CN", 0.55], ["en", "US", 0.3], ["es", "MX", 0.08], ["pt", "BR", 0.07]];
// The worker's pool (src/feed/store.ts): the newest notes plus the best-engaged of a recent window.
const POOL_NEWEST = 400;
const POOL_ESTABLISHED = 200;
const POOL_WINDOW = 5_000;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Beta(a, b) by two gamma draws (Marsaglia–Tsang for shape ≥ 1). */
function beta(random, a, b) {
  const gamma = (k) => {
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x;
      let v;
      do {
        const u1 = random();
        const u2 = random();
        x = Math.sqrt(-2 * Math.log(u1 || 1e-12)) * Math.cos(2 * Math.PI * u2);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(random() || 1e-12) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const x = gamma(a);
  return x / (x + gamma(b));
}

const pickWeighted = (random, entries) => {
  let r = random();
  for (const entry of entries) if ((r -= entry.at(-1)) < 0) return entry;
  return entries.at(-1);
};

/** The world both rankings are run on: the same accounts, notes, readers and coin flips. */
function buildWorld(seed) {
  const random = mulberry32(seed);
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => {
    const [language, country] = pickWeighted(random, LANGUAGES);
    // Pareto(α = 1.1): a handful of accounts with millions, most with a few dozen.
    const followers = Math.floor(20 / (1 - random()) ** (1 / 1.1));
    return { id: `a${i}`, language, country, followers };
  });
  const byFollowers = [...accounts].sort((a, b) => b.followers - a.followers);
  const big = new Set(byFollowers.slice(0, Math.ceil(ACCOUNTS / 100)).map((a) => a.id));
  // Big accounts post three times as often, and a little better on average: fame isn't noise.
  const notes = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const account of accounts) {
      const rate = big.has(account.id) ? 0.06 : 0.02;
      if (random() >= rate) continue;
      notes.push({
        id: `n${notes.length}`.padStart(12, "0"),
        authorId: account.id,
        language: account.language,
        country: account.country,
        topics: [TOPICS[Math.floor(random() * TOPICS.length)]],
        round,
        createdAt: round * ROUND_MS + Math.floor(random() * ROUND_MS),
        quality: Math.min(1, beta(random, 2, 5) + (big.has(account.id) ? 0.05 : 0)),
      });
    }
  }
  const readers = Array.from({ length: READERS }, (_, i) => {
    const [language, country] = pickWeighted(random, LANGUAGES);
    const interests = new Set([0, 1, 2].map(() => TOPICS[Math.floor(random() * TOPICS.length)]));
    return { id: `r${i}`, languages: [language], country, interests, sessionSeed: seed * 1_000 + i };
  });
  return { accounts, big, notes, readers };
}

/** The pool the worker would read: newest notes, plus the best engagement per view among a recent window. */
function candidatePool(published, stats) {
  const newest = published.slice(-POOL_NEWEST);
  const window = published.slice(-POOL_WINDOW, -POOL_NEWEST);
  const rate = (n) => {
    const s = stats.get(n.id);
    return (s.likes + s.collects + s.comments + 1) / (s.views + 20);
  };
  const established = window.sort((a, b) => rate(b) - rate(a)).slice(0, POOL_ESTABLISHED);
  return [...newest, ...established];
}

function followerWeightedPage({ candidates, now, served, limit, followers }) {
  const perAuthor = new Map();
  const page = [];
  const scored = candidates
    .filter((c) => !served.has(c.id))
    .map((c) => ({ c, s: followers.get(c.authorId) * 0.5 ** ((now - c.createdAt) / RANKING.freshnessHalfLifeMs) }))
    .sort((a, b) => b.s - a.s);
  for (const { c } of scored) {
    if ((perAuthor.get(c.authorId) ?? 0) >= RANKING.maxPerAuthor) continue;
    perAuthor.set(c.authorId, (perAuthor.get(c.authorId) ?? 0) + 1);
    page.push({ id: c.id });
    if (page.length === limit) break;
  }
  return page;
}

function simulate(world, ranking) {
  const random = mulberry32(SEED * 31 + 1); // the same coin flips for both rankings
  const followers = new Map(world.accounts.map((a) => [a.id, a.followers]));
  const stats = new Map(world.notes.map((n) => [n.id, { views: 0, likes: 0, collects: 0, comments: 0 }]));
  const notesById = new Map(world.notes.map((n) => [n.id, n]));
  const affinity = new Map(world.readers.map((r) => [r.id, {}]));
  let published = [];
  let next = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const now = (round + 1) * ROUND_MS;
    while (next < world.notes.length && world.notes[next].round <= round) published.push(world.notes[next++]);
    const pool = candidatePool([...published], stats).map((n) => ({
      id: n.id,
      authorId: n.authorId,
      language: n.language,
      country: n.country,
      topics: n.topics,
      createdAt: n.createdAt,
      receipts: 0,
      ...stats.get(n.id),
    }));
    for (const reader of world.readers) {
      if (random() >= 0.25) continue; // a quarter of readers open the app each half hour
      const served = new Set();
      const pages = 1 + Math.floor(random() * 3);
      for (let p = 0; p < pages; p++) {
        const request = {
          candidates: pool,
          reader: { id: reader.id, languages: reader.languages, country: reader.country, affinity: affinity.get(reader.id), otherLanguageShare: 0.25 },
          now,
          seed: `${reader.sessionSeed}:${round}`,
          served,
          limit: PAGE,
          followers,
        };
        const page = ranking === "for-you" ? rankPage(request) : followerWeightedPage(request);
        for (const { id } of page) {
          served.add(id);
          const note = notesById.get(id);
          const s = stats.get(id);
          s.views++;
          // Engagement depends on quality and the reader's interests, never on who wrote it.
          const interest = reader.interests.has(note.topics[0]) ? 1.4 : 0.8;
          const understands = reader.languages.includes(note.language) ? 1 : 0.6;
          const p = note.quality * interest * understands;
          if (random() < 0.35 * p) {
            s.likes++;
            const a = affinity.get(reader.id);
            a[note.topics[0]] = (a[note.topics[0]] ?? 0) + 1;
          }
          if (random() < 0.1 * p) s.collects++;
          if (random() < 0.05 * p) s.comments++;
        }
      }
    }
  }
  return stats;
}

/** Spearman's rank correlation (average ranks for ties). */
function spearman(xs, ys) {
  const ranks = (vs) => {
    const order = vs.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
    const r = new Array(vs.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
      for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (rx[i] - mx) * (ry[i] - my);
    dx += (rx[i] - mx) ** 2;
    dy += (ry[i] - my) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

function report(world, stats) {
  const engagement = (n) => {
    const s = stats.get(n.id);
    return s.likes + s.collects + s.comments;
  };
  const notes = world.notes;
  const ordinary = (n) => !world.big.has(n.authorId);
  const views = notes.reduce((sum, n) => sum + stats.get(n.id).views, 0);
  const ordinaryViews = notes.filter(ordinary).reduce((sum, n) => sum + stats.get(n.id).views, 0);
  const hits = [...notes].sort((a, b) => engagement(b) - engagement(a)).slice(0, Math.ceil(notes.length / 100));
  const unseen = notes.filter((n) => stats.get(n.id).views === 0).length;
  return {
    impressions: views,
    ordinaryImpressionShare: ordinaryViews / views,
    hits: hits.length,
    ordinaryHitShare: hits.filter(ordinary).length / hits.length,
    qualityEngagementRho: spearman(notes.map((n) => n.quality), notes.map(engagement)),
    neverShownShare: unseen / notes.length,
  };
}

const started = performance.now();
const world = buildWorld(SEED);
const forYou = report(world, simulate(world, "for-you"));
const followerWeighted = report(world, simulate(world, "follower-weighted"));
const seconds = (performance.now() - started) / 1000;

const bigNotes = world.notes.filter((n) => world.big.has(n.authorId)).length;
const goalMet = forYou.ordinaryHitShare >= 0.78 && forYou.qualityEngagementRho > followerWeighted.qualityEngagementRho;

if (args.includes("--json")) {
  console.log(JSON.stringify({ seed: SEED, forYou, followerWeighted, goalMet }, null, 2));
} else {
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  const rows = [
    ["impressions from ordinary accounts", pct(forYou.ordinaryImpressionShare), pct(followerWeighted.ordinaryImpressionShare)],
    ["hit notes (top 1% by engagement) from ordinary accounts", pct(forYou.ordinaryHitShare), pct(followerWeighted.ordinaryHitShare)],
    ["rank correlation quality ↔ engagement (Spearman)", forYou.qualityEngagementRho.toFixed(3), followerWeighted.qualityEngagementRho.toFixed(3)],
    ["notes never shown", pct(forYou.neverShownShare), pct(followerWeighted.neverShownShare)],
  ];
  console.log(`Fairness simulation (seed ${SEED}): ${ACCOUNTS} accounts (top 1% = ${world.big.size} accounts by followers, ${bigNotes} of ${world.notes.length} notes), ${READERS} readers, ${ROUNDS} half-hour rounds, ${forYou.hits} hit notes\n`);
  console.log("| measure | for-you (src/feed/ranking.ts) | follower-weighted |");
  console.log("| --- | ---: | ---: |");
  for (const [name, a, b] of rows) console.log(`| ${name} | ${a} | ${b} |`);
  console.log(`\nGoal (≥ 78% of hits from ordinary accounts, quality correlation above follower-weighted): ${goalMet ? "met" : "NOT met"} · ${seconds.toFixed(1)} s`);
}
process.exitCode = goalMet ? 0 : 1;
