// Writes the small media files the tests upload (test/fixtures/). Run once with
// `node scripts/make-media-fixtures.mjs`; the output is committed, so tests never need sharp.
// Pictures come from sharp (already installed with miniflare); the GPS EXIF block and
// the MP4 boxes are written byte by byte, so exactly what they carry is known.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import sharp from "sharp";

const dir = new URL("../test/fixtures/", import.meta.url);
mkdirSync(dir, { recursive: true });
const write = (name, bytes) => writeFileSync(new URL(name, dir), bytes);

/** A cat-ish picture: a warm gradient with a dark disc, so resizing has something to keep. */
function pixels(width, height, channels) {
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const inDisc = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (Math.min(width, height) / 3) ** 2;
      data[i] = inDisc ? 60 : 200 + Math.round((55 * x) / width);
      data[i + 1] = inDisc ? 60 : 120 + Math.round((80 * y) / height);
      data[i + 2] = inDisc ? 70 : 60;
      if (channels === 4) data[i + 3] = x < width / 8 ? 0 : 255; // a transparent stripe
    }
  }
  return data;
}

// --- EXIF (TIFF, little endian) with camera make and a GPS position (Tucson, Arizona) ---
function exifApp1() {
  const entries = (list) => list; // [tag, type, count, valueBytes]
  const ascii = (s) => Buffer.from(`${s}\0`, "latin1");
  const rationals = (pairs) => {
    const b = Buffer.alloc(pairs.length * 8);
    pairs.forEach(([n, d], i) => {
      b.writeUInt32LE(n, i * 8);
      b.writeUInt32LE(d, i * 8 + 4);
    });
    return b;
  };
  // Layout: header(8) | IFD0 | IFD0 data | GPS IFD | GPS data
  const ifd0 = entries([
    [0x010f, 2, ascii("NoteBridgeCam")],
    [0x0110, 2, ascii("Backyard 1")],
    [0x8825, 4, null], // GPS IFD pointer, filled below
  ]);
  const gps = entries([
    [0x0000, 1, Buffer.from([2, 3, 0, 0])],
    [0x0001, 2, ascii("N")],
    [0x0002, 5, rationals([[32, 1], [13, 1], [2136, 100]])],
    [0x0003, 2, ascii("W")],
    [0x0004, 5, rationals([[110, 1], [58, 1], [2892, 100]])],
  ]);
  const ifdSize = (list) => 2 + list.length * 12 + 4;
  const dataSize = (list) => list.reduce((sum, [, , v]) => sum + (v && v.length > 4 ? v.length : 0), 0);
  const ifd0Offset = 8;
  const gpsOffset = ifd0Offset + ifdSize(ifd0) + dataSize(ifd0);
  const total = gpsOffset + ifdSize(gps) + dataSize(gps);
  const tiff = Buffer.alloc(total);
  tiff.write("II", 0, "latin1");
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(ifd0Offset, 4);
  const writeIfd = (list, offset) => {
    let dataAt = offset + ifdSize(list);
    tiff.writeUInt16LE(list.length, offset);
    list.forEach(([tag, type, value], i) => {
      const at = offset + 2 + i * 12;
      tiff.writeUInt16LE(tag, at);
      tiff.writeUInt16LE(type, at + 2);
      if (tag === 0x8825) {
        tiff.writeUInt32LE(1, at + 4);
        tiff.writeUInt32LE(gpsOffset, at + 8);
        return;
      }
      const unit = type === 5 ? 8 : 1;
      tiff.writeUInt32LE(value.length / unit, at + 4);
      if (value.length <= 4) value.copy(tiff, at + 8);
      else {
        tiff.writeUInt32LE(dataAt, at + 8);
        value.copy(tiff, dataAt);
        dataAt += value.length;
      }
    });
    tiff.writeUInt32LE(0, offset + ifdSize(list) - 4);
  };
  writeIfd(ifd0, ifd0Offset);
  writeIfd(gps, gpsOffset);
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

const jpeg = await sharp(pixels(1600, 1200, 3), { raw: { width: 1600, height: 1200, channels: 3 } })
  .jpeg({ quality: 85 })
  .toBuffer();
// Right after SOI (FF D8), where cameras put it.
write("cat-gps.jpg", Buffer.concat([jpeg.subarray(0, 2), exifApp1(), jpeg.subarray(2)]));

write(
  "cat.png",
  await sharp(pixels(640, 480, 4), { raw: { width: 640, height: 480, channels: 4 } }).png().toBuffer(),
);
write(
  "cat.webp",
  await sharp(pixels(600, 400, 3), { raw: { width: 600, height: 400, channels: 3 } }).webp({ quality: 80 }).toBuffer(),
);

// --- MP4: ftyp, then moov with a movie header saying 2.5 s, then a few bytes of mdat ---
function box(type, ...parts) {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8, 0);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, body]);
}
const ftyp = box("ftyp", Buffer.from("isom", "latin1"), Buffer.from([0, 0, 2, 0]), Buffer.from("isomiso2avc1mp41", "latin1"));
const mvhd = Buffer.alloc(100); // version 0
mvhd.writeUInt32BE(1000, 12); // timescale: 1000 units a second
mvhd.writeUInt32BE(2500, 16); // duration: 2.5 s
mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
mvhd.writeUInt32BE(2, 96); // next track id
// A real, playable 2 s, 96×64 H.264 clip when ffmpeg is installed (apt-get install ffmpeg): one with
// the movie header first (as phones upload for streaming), one with it last (as cameras write).
const ffmpeg = (name, faststart) =>
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=96x64:rate=10",
    "-c:v", "libx264", "-pix_fmt", "yuv420p", ...(faststart ? ["-movflags", "+faststart"] : []), "-y", new URL(name, dir).pathname]);
try {
  ffmpeg("clip.mp4", true);
  ffmpeg("clip-moov-last.mp4", false);
} catch {
  // Without ffmpeg: the container alone (no tracks), enough for type and duration.
  const moov = box("moov", box("mvhd", mvhd));
  const mdat = box("mdat", Buffer.alloc(2048, 7));
  write("clip.mp4", Buffer.concat([ftyp, moov, mdat]));
  write("clip-moov-last.mp4", Buffer.concat([ftyp, mdat, moov]));
}

write("not-a-photo.jpg", Buffer.from("This is a shopping list, not a photo: tomatoes, eggs, cat food.\n"));
console.log("fixtures written to test/fixtures/");
