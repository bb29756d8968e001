// `npm run bench:media`: media and drafts beside GET /health in one run (issue #12):
// serving a low-resolution image from R2, uploading a 2 MB JPEG end to end (store,
// strip, variant, placeholder), and a sync of 50 drafts. Prints the table, then the
// bytes a reader saves per image in low-resolution mode. See bench/README.md.
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { HEALTH, runBenchmark } from "./lib/harness.mjs";
import { request } from "./lib/http.mjs";
import { benchOptions } from "./lib/options.mjs";
import { createSignedInUsers, newId } from "./lib/users.mjs";

// Uploads are limited to 30 an hour per person (MEDIA_UPLOADS_PER_HOUR), writes to 120 a
// minute: requests take these users in turn.
const USERS = 300;
// Uploads run at these concurrencies only: each one decodes a 12-megapixel photo three times.
const UPLOAD_CONNECTIONS = [1, 10];

/**
 * A phone-sized photo: 4000×3000 (12 MP) of fine grain, about 2 MB as JPEG. Grain
 * rather than a flat picture, so it weighs what a real photo of that size weighs.
 */
async function twoMegabytePhoto() {
  const grain = await sharp({ create: { width: 4000, height: 3000, channels: 3, noise: { type: "gaussian", mean: 128, sigma: 12 } } })
    .png()
    .toBuffer();
  return sharp(grain).jpeg({ quality: 80 }).toBuffer();
}

/**
 * The same photo with a different JPEG comment each time, so every upload is new
 * bytes: the same bytes again would be deduplicated and skip the work measured.
 */
function uniqueCopies(jpeg) {
  let n = 0;
  return () => {
    const text = Buffer.from(`bench upload ${process.pid}-${n++}`);
    const comment = Buffer.alloc(4);
    comment.writeUInt16BE(0xfffe, 0);
    comment.writeUInt16BE(text.length + 2, 2);
    return Buffer.concat([jpeg.subarray(0, 2), comment, text, jpeg.subarray(2)]);
  };
}

/** Fifty drafts written offline: new ids every time, like a device coming back online. */
const fiftyDrafts = () => ({
  changes: Array.from({ length: 50 }, (_, i) => ({
    id: newId(),
    baseVersion: 0,
    content: { title: `Offline draft ${i + 1}`, body: "Written on the train with no signal 🚄 #offline", topics: ["travel"] },
  })),
});

const savings = [];

async function seed({ origin }, worker) {
  // (worker: the bench's own copy, where users are written straight into D1)
  const users = await createSignedInUsers(worker, USERS);
  const tokens = users.map((u) => u.token);
  const upload = (token, bytes) => request(origin, "POST", "/v1/media", { token, rawBody: bytes });

  const photo = await twoMegabytePhoto();
  const fixture = readFileSync(new URL("../test/fixtures/cat-gps.jpg", import.meta.url));
  for (const [label, bytes, token] of [
    ["the test photo (1600×1200 JPEG)", fixture, tokens[0]],
    [`the 2 MB photo (4000×3000 JPEG, ${(photo.length / 1e6).toFixed(2)} MB)`, photo, tokens[1]],
  ]) {
    const stored = await upload(token, bytes);
    savings.push({ image: label, uploaded: bytes.length, original: stored.originalByteSize, lowRes: stored.lowResByteSize });
  }
  const served = await upload(tokens[2], fixture); // the same bytes: already stored, so this is the dedupe path
  const lowResPath = new URL(served.lowResUrl).pathname;

  return {
    seeded: { users: USERS, photoBytes: photo.length, savings },
    scenarios: [
      { name: "GET /media/{key}, low-res image from R2", path: lowResPath },
      {
        name: "POST /v1/media, 2 MB JPEG (store, strip, variant, placeholder)",
        method: "POST",
        path: "/v1/media",
        rawBody: uniqueCopies(photo),
        tokens,
        writes: true,
        connections: UPLOAD_CONNECTIONS,
        expectInBody: '"lowResUrl":"http',
      },
      {
        name: "POST /v1/drafts/sync, 50 new drafts",
        method: "POST",
        path: "/v1/drafts/sync",
        body: fiftyDrafts,
        tokens,
        writes: true,
        check: (answer) => (answer.applied?.length === 50 ? undefined : `applied ${answer.applied?.length}`),
      },
    ],
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

const options = benchOptions({ port: 8851, inspectorPort: 8861 });
await runBenchmark({
  name: "media",
  baseline: HEALTH,
  setup: (context) => seed(context, context.worker),
  options,
});
console.log("\nBytes a reader saves per image in low-resolution mode (480 px long side):");
for (const s of savings) {
  console.log(
    `- ${s.image}: original ${kb(s.original)}, low-res ${kb(s.lowRes)}: saves ${kb(s.original - s.lowRes)} (${((100 * (s.original - s.lowRes)) / s.original).toFixed(0)}%)`,
  );
}
console.log(
  "Locally the Images binding runs on Sharp and ignores `quality` (it encodes at Sharp's default 80); production encodes the variant at 60, so it is smaller there.",
);
