import { toHex } from "../lib/crypto";
import { processImage } from "./images";
import { mp4Info, type ReadAt, readFromBytes, type VideoInfo } from "./mp4";
import type { MediaObjectRow } from "./store";
import type { Upload } from "./upload";

export const IMMUTABLE = "public, max-age=31536000, immutable";

const sha256 = async (bytes: Uint8Array) => toHex(await crypto.subtle.digest("SHA-256", bytes));

const put = (bucket: R2Bucket, key: string, body: Uint8Array | ReadableStream, contentType: string) =>
  bucket.put(key, body, { httpMetadata: { contentType, cacheControl: IMMUTABLE } });

/** An uploaded image: stripped original and low-resolution variant, each stored under its own hash. */
async function storeImage(env: Env, bytes: Uint8Array, upload: Upload, sourceSha256: string, now: number) {
  const image = await processImage(env.IMAGES, bytes, upload.type);
  const originalKey = `${await sha256(image.original.bytes)}.${image.original.extension}`;
  const lowResKey = `${await sha256(image.lowRes.bytes)}.${image.lowRes.extension}`;
  await Promise.all([
    put(env.MEDIA, originalKey, image.original.bytes, image.original.contentType),
    put(env.MEDIA, lowResKey, image.lowRes.bytes, image.lowRes.contentType),
  ]);
  return {
    sourceSha256,
    kind: "image",
    contentType: image.original.contentType,
    originalKey,
    originalBytes: image.original.bytes.length,
    lowResKey,
    lowResBytes: image.lowRes.bytes.length,
    width: image.width,
    height: image.height,
    durationMs: null,
    placeholder: image.placeholder,
    createdAt: now,
  } satisfies MediaObjectRow;
}

const NO_INFO: VideoInfo = { durationMs: null, width: null, height: null };

const videoObject = (sourceSha256: string, upload: Upload, size: number, info: VideoInfo, now: number) =>
  ({
    sourceSha256,
    kind: "video",
    contentType: upload.type.contentType,
    originalKey: `${sourceSha256}.${upload.type.extension}`,
    originalBytes: size,
    lowResKey: null,
    lowResBytes: null,
    width: info.width,
    height: info.height,
    durationMs: info.durationMs,
    placeholder: null,
    createdAt: now,
  }) satisfies MediaObjectRow;

const readR2 =
  (bucket: R2Bucket, key: string): ReadAt =>
  async (offset, length) => {
    const part = await bucket.get(key, { range: { offset, length } });
    return part ? new Uint8Array(await part.arrayBuffer()) : new Uint8Array();
  };

/**
 * A streamed video: written to a staging key while hashed, then kept under its hash
 * (copied within R2; the worker never holds it whole) unless those bytes are already stored.
 */
async function storeStreamedVideo(
  env: Env,
  upload: Extract<Upload, { stream: ReadableStream }>,
  stagingKey: string,
  existing: (sha: string) => Promise<MediaObjectRow | undefined>,
  now: number,
) {
  const digest = new crypto.DigestStream("SHA-256");
  const [toBucket, toDigest] = upload.stream.tee();
  const sized = new FixedLengthStream(upload.size);
  await Promise.all([
    toBucket.pipeTo(sized.writable),
    put(env.MEDIA, stagingKey, sized.readable, upload.type.contentType),
    toDigest.pipeTo(digest),
  ]);
  const sourceSha256 = toHex(await digest.digest);
  try {
    const found = await existing(sourceSha256);
    if (found) return found;
    const object = videoObject(sourceSha256, upload, upload.size, NO_INFO, now);
    const staged = await env.MEDIA.get(stagingKey);
    if (!staged) throw new Error("staged upload vanished");
    const copy = new FixedLengthStream(upload.size);
    await Promise.all([staged.body.pipeTo(copy.writable), put(env.MEDIA, object.originalKey, copy.readable, object.contentType)]);
    if (upload.type.contentType === "video/mp4") Object.assign(object, await mp4Info(readR2(env.MEDIA, object.originalKey), upload.size));
    return object;
  } finally {
    await env.MEDIA.delete(stagingKey);
  }
}

/**
 * Stores an upload's file unless the same bytes were stored before (content-addressed),
 * and returns the file's row; `existing` looks a file up by the SHA-256 of the upload.
 */
export async function storeUpload(
  env: Env,
  upload: Upload,
  existing: (sha: string) => Promise<MediaObjectRow | undefined>,
  stagingKey: string,
  now: number,
): Promise<{ object: MediaObjectRow; byteSize: number }> {
  if ("stream" in upload) {
    return { object: await storeStreamedVideo(env, upload, stagingKey, existing, now), byteSize: upload.size };
  }
  const { bytes } = upload;
  const sourceSha256 = await sha256(bytes);
  const found = await existing(sourceSha256);
  if (found) return { object: found, byteSize: bytes.length };
  if (upload.type.kind === "image") return { object: await storeImage(env, bytes, upload, sourceSha256, now), byteSize: bytes.length };
  const info = upload.type.contentType === "video/mp4" ? await mp4Info(readFromBytes(bytes), bytes.length) : NO_INFO;
  const object = videoObject(sourceSha256, upload, bytes.length, info, now);
  await put(env.MEDIA, object.originalKey, bytes, object.contentType);
  return { object, byteSize: bytes.length };
}
