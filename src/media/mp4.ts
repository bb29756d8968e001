/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const type = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

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
  return { type: type(head, 4), size, headerSize };
}

/**
 * A video's duration from the MP4 movie header (moov/mvhd), reading only box headers:
 * a handful of small reads wherever moov sits (start or end of the file). Null when
 * there is none.
 */
export async function mp4DurationMs(readAt: ReadAt, fileSize: number): Promise<number | null> {
  let offset = 0;
  for (let boxes = 0; offset < fileSize && boxes < 64; boxes++) {
    const box = await boxAt(readAt, offset, fileSize);
    if (!box) return null;
    if (box.type === "moov") {
      let child = offset + box.headerSize;
      const moovEnd = offset + box.size;
      for (let children = 0; child < moovEnd && children < 64; children++) {
        const inner = await boxAt(readAt, child, moovEnd);
        if (!inner) return null;
        if (inner.type === "mvhd") return mvhdDuration(await readAt(child + inner.headerSize, 32));
        child += inner.size;
      }
      return null;
    }
    offset += box.size;
  }
  return null;
}

function mvhdDuration(body: Uint8Array): number | null {
  const data = view(body);
  const version = body[0];
  if (version === 1 && body.length >= 32) {
    const timescale = data.getUint32(20);
    const duration = Number(data.getBigUint64(24));
    return timescale ? Math.round((duration * 1000) / timescale) : null;
  }
  if (body.length < 20) return null;
  const timescale = data.getUint32(12);
  const duration = data.getUint32(16);
  return timescale && duration !== 0xffffffff ? Math.round((duration * 1000) / timescale) : null;
}

/** ReadAt over bytes already in memory. */
export const readFromBytes =
  (bytes: Uint8Array): ReadAt =>
  async (offset, length) =>
    bytes.subarray(offset, offset + length);
