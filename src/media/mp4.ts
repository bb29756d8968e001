/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

export type VideoInfo = { durationMs: number | null; width: number | null; height: number | null };

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const type = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));
const MAX_BOXES = 64;

/** Size and type of the box at `offset`, handling 64-bit sizes and "to end of file". */
async function boxAt(readAt: ReadAt, offset: number, end: number) {
  const head = await readAt(offset, 16);
  if (head.length < 8) return null;
  let size = view(head).getUint32(0);
  let headerSize = 8;
  if (size === 1 && head.length >= 16) {
    size = Number(view(head).getBigUint64(8));
    headerSize = 16;
  } else if (size === 0) size = end - offset;
  if (size < headerSize) return null;
  return { type: type(head, 4), start: offset, body: offset + headerSize, end: offset + size };
}

/** The boxes directly inside [start, end). */
async function* children(readAt: ReadAt, start: number, end: number) {
  for (let at = start, n = 0; at < end && n < MAX_BOXES; n++) {
    const box = await boxAt(readAt, at, end);
    if (!box) return;
    yield box;
    at = box.end;
  }
}

function mvhdDuration(body: Uint8Array): number | null {
  const data = view(body);
  if (body[0] === 1 && body.length >= 32) {
    const timescale = data.getUint32(20);
    return timescale ? Math.round((Number(data.getBigUint64(24)) * 1000) / timescale) : null;
  }
  if (body.length < 20) return null;
  const timescale = data.getUint32(12);
  const duration = data.getUint32(16);
  return timescale && duration !== 0xffffffff ? Math.round((duration * 1000) / timescale) : null;
}

/** A track header's width and height (16.16 fixed point); zero for sound tracks. */
function tkhdSize(body: Uint8Array): { width: number; height: number } | null {
  const at = body[0] === 1 ? 88 : 76;
  if (body.length < at + 8) return null;
  const data = view(body);
  return { width: Math.round(data.getUint32(at) / 65536), height: Math.round(data.getUint32(at + 4) / 65536) };
}

/**
 * An MP4's duration (movie header) and picture size (first video track's header),
 * reading only box headers and those two small boxes: a handful of small reads
 * wherever `moov` sits (start or end of the file). Nulls where there is nothing to read.
 */
export async function mp4Info(readAt: ReadAt, fileSize: number): Promise<VideoInfo> {
  const info: VideoInfo = { durationMs: null, width: null, height: null };
  for await (const box of children(readAt, 0, fileSize)) {
    if (box.type !== "moov") continue;
    for await (const inner of children(readAt, box.body, box.end)) {
      if (inner.type === "mvhd") info.durationMs = mvhdDuration(await readAt(inner.body, 32));
      if (inner.type === "trak" && info.width === null) {
        for await (const header of children(readAt, inner.body, inner.end)) {
          if (header.type !== "tkhd") continue;
          const size = tkhdSize(await readAt(header.body, 96));
          if (size && size.width > 0 && size.height > 0) Object.assign(info, size);
        }
      }
    }
    break;
  }
  return info;
}

/** ReadAt over bytes already in memory. */
export const readFromBytes =
  (bytes: Uint8Array): ReadAt =>
  async (offset, length) =>
    bytes.subarray(offset, offset + length);
