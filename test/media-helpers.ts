import { env, exports } from "cloudflare:workers";

/** A committed file from test/fixtures/. */
export const fixture = (name: string) => Uint8Array.from(atob(env.MEDIA_FIXTURES[name]!), (c) => c.charCodeAt(0));

export type Sent = { status: number; headers: Headers; body: any; bytes: Uint8Array };

async function send(request: Request): Promise<Sent> {
  const response = await exports.default.fetch(request);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let body: unknown = null;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    // a file, not JSON
  }
  return { status: response.status, headers: response.headers, body, bytes };
}

/** Uploads bytes as the raw body (default) or as a multipart `file` part. */
export function upload(
  token: string | null,
  bytes: Uint8Array,
  options: { multipart?: { filename: string; type: string }; headers?: Record<string, string>; cf?: object } = {},
): Promise<Sent> {
  const headers = new Headers(options.headers);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  let body: BodyInit = bytes;
  if (options.multipart) {
    const form = new FormData();
    form.append("file", new File([bytes], options.multipart.filename, { type: options.multipart.type }));
    body = form;
  } else if (!headers.has("Content-Type")) headers.set("Content-Type", "application/octet-stream");
  return send(new Request("https://api.notebridge.test/v1/media", { method: "POST", headers, body, cf: options.cf } as RequestInit));
}

/** GET of a URL the API handed out (media URLs are absolute). */
export const fetchUrl = (url: string, headers: Record<string, string> = {}) => send(new Request(url, { headers }));

const u16 = (b: Uint8Array, at: number, little: boolean) => (little ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!);
const u32 = (b: Uint8Array, at: number, little: boolean) =>
  little ? (u16(b, at, true) | (u16(b, at + 2, true) << 16)) >>> 0 : ((u16(b, at, false) << 16) | u16(b, at + 2, false)) >>> 0;

/** The JPEG's segments before the image data: [marker, start of payload, payload length]. */
function jpegSegments(jpeg: Uint8Array): [number, number, number][] {
  const segments: [number, number, number][] = [];
  for (let at = 2; at + 4 <= jpeg.length && jpeg[at] === 0xff; ) {
    const marker = jpeg[at + 1]!;
    const length = u16(jpeg, at + 2, false);
    segments.push([marker, at + 4, length - 2]);
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return segments;
}

/** Reads a JPEG's EXIF as a camera writes it: whether there is any, and the GPS latitude in degrees. */
export function readExif(jpeg: Uint8Array): { exif: boolean; latitude: number | null } {
  const app1 = jpegSegments(jpeg).find(([marker, start]) => marker === 0xe1 && String.fromCharCode(...jpeg.subarray(start, start + 4)) === "Exif");
  if (!app1) return { exif: false, latitude: null };
  const tiff = jpeg.subarray(app1[1] + 6, app1[1] + app1[2]);
  const little = tiff[0] === 0x49;
  const entries = (offset: number) =>
    Array.from({ length: u16(tiff, offset, little) }, (_, i) => offset + 2 + i * 12).map((at) => ({
      tag: u16(tiff, at, little),
      value: u32(tiff, at + 8, little),
    }));
  const gpsPointer = entries(u32(tiff, 4, little)).find((entry) => entry.tag === 0x8825);
  if (!gpsPointer) return { exif: true, latitude: null };
  const latitude = entries(gpsPointer.value).find((entry) => entry.tag === 0x0002);
  if (!latitude) return { exif: true, latitude: null };
  const rational = (i: number) => u32(tiff, latitude.value + i * 8, little) / u32(tiff, latitude.value + i * 8 + 4, little);
  return { exif: true, latitude: rational(0) + rational(1) / 60 + rational(2) / 3600 };
}

/** Width and height from a JPEG's frame header. */
export function jpegSize(jpeg: Uint8Array): { width: number; height: number } {
  const frame = jpegSegments(jpeg).find(([marker]) => marker >= 0xc0 && marker <= 0xc2);
  if (!frame) throw new Error("no frame header");
  return { height: u16(jpeg, frame[1] + 1, false), width: u16(jpeg, frame[1] + 3, false) };
}

/** A key from a media URL: https://host/media/<key>. */
export const keyOf = (url: string) => new URL(url).pathname.replace("/media/", "");
