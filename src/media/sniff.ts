/** What an upload is, decided from its first bytes alone (never its name or Content-Type). */
export type SniffedType = { kind: "image" | "video"; contentType: string; extension: string };

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);
const MP4_BRANDS = /^(isom|iso[2-9]|mp4[12v]|avc1|dash|M4V |M4VP|f4v |mmp4|3gp[4-6]|3g2a)$/;

/** Needs the first 64 bytes (fewer only for a file that short). */
export function sniffMediaType(head: Uint8Array): SniffedType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: "image", contentType: "image/jpeg", extension: "jpg" };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: "image", contentType: "image/png", extension: "png" };
  }
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") {
    return { kind: "image", contentType: "image/gif", extension: "gif" };
  }
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WEBP") {
    return { kind: "image", contentType: "image/webp", extension: "webp" };
  }
  if (ascii(head, 4, 4) === "ftyp") {
    const brand = ascii(head, 8, 4);
    if (HEIC_BRANDS.has(brand)) return { kind: "image", contentType: "image/heic", extension: "heic" };
    if (MP4_BRANDS.test(brand)) return { kind: "video", contentType: "video/mp4", extension: "mp4" };
    return null;
  }
  // WebM is Matroska (EBML magic) with the doc type "webm" in its header.
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(head, 0, 64).includes("webm")) {
    return { kind: "video", contentType: "video/webm", extension: "webm" };
  }
  return null;
}

export const SNIFF_BYTES = 64;
