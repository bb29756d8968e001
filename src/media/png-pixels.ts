/**
 * Decodes a small 8-bit, non-interlaced PNG (what the Images binding writes) to RGBA,
 * for the placeholder. The binding's raw "rgba" output would do this in production,
 * but it does not run locally, so one code path serves both. Null for anything else.
 */
export async function pngToRgba(png: Uint8Array): Promise<{ width: number; height: number; rgba: Uint8Array } | null> {
  const data = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let colourType = -1;
  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = data.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = data.getUint32(at + 8);
      height = data.getUint32(at + 12);
      colourType = png[at + 17]!;
      if (png[at + 16] !== 8 || png[at + 20] !== 0) return null; // 8-bit, not interlaced
    } else if (type === "PLTE") palette = body;
    else if (type === "tRNS") transparency = body;
    else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType];
  if (!channels || !width || !height || width * height > 10_000) return null;
  const raw = new Uint8Array(await new Response(new Blob(idat).stream().pipeThrough(new DecompressionStream("deflate"))).arrayBuffer());
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = (value + predicted) & 255;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, i * channels + channels);
    if (colourType === 3) {
      const index = p[0]!;
      rgba.set(palette ? palette.subarray(index * 3, index * 3 + 3) : [0, 0, 0], i * 4);
      rgba[i * 4 + 3] = transparency && index < transparency.length ? transparency[index]! : 255;
    } else {
      const grey = channels <= 2;
      rgba[i * 4] = p[0]!;
      rgba[i * 4 + 1] = grey ? p[0]! : p[1]!;
      rgba[i * 4 + 2] = grey ? p[0]! : p[2]!;
      rgba[i * 4 + 3] = channels === 2 ? p[1]! : channels === 4 ? p[3]! : 255;
    }
  }
  return { width, height, rgba };
}
