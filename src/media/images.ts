import { rgbaToThumbHash } from "thumbhash";
import { ApiError } from "../lib/errors";
import { pngToRgba } from "./png-pixels";
import type { SniffedType } from "./sniff";
import { t } from "../lib/i18n";

/** Long side of the low-resolution variant readers get by default, and its quality. */
export const LOW_RES_SIDE = 480;
export const LOW_RES_QUALITY = 60;
const ORIGINAL_QUALITY = 90;

export type EncodedImage = { bytes: Uint8Array; contentType: string; extension: string };
export type ProcessedImage = {
  original: EncodedImage;
  lowRes: EncodedImage;
  width: number;
  height: number;
  placeholder: string | null;
};

const stream = (bytes: Uint8Array) => new Blob([bytes]).stream();
const bytesOf = async (result: ImageTransformationResult) => new Uint8Array(await new Response(result.image()).arrayBuffer());

/** What the original is re-encoded as: its own format, except HEIC, which browsers can't show. */
const originalFormat = (type: SniffedType): { format: "image/jpeg" | "image/png" | "image/webp"; extension: string } =>
  type.contentType === "image/png"
    ? { format: "image/png", extension: "png" }
    : type.contentType === "image/webp"
      ? { format: "image/webp", extension: "webp" }
      : { format: "image/jpeg", extension: "jpg" };

/** Formats that may be transparent keep it in the low-resolution variant (WebP); the rest become JPEG. */
const lowResFormat = (type: SniffedType) =>
  ["image/png", "image/webp", "image/gif"].includes(type.contentType)
    ? { format: "image/webp" as const, extension: "webp" }
    : { format: "image/jpeg" as const, extension: "jpg" };

const unreadable = (type: SniffedType) =>
  new ApiError(
    "unsupported_media_type",
    t(type.contentType === "image/heic" ? "media.unreadableHeic" : "media.unreadable", { type: type.contentType }),
  );

/**
 * Re-encodes an uploaded image through the Images binding, which drops EXIF (GPS,
 * camera serials) and applies its orientation; makes the low-resolution variant and
 * a ThumbHash placeholder. GIFs keep their bytes (they carry no EXIF; re-encoding
 * would lose the animation).
 */
export async function processImage(images: ImagesBinding, bytes: Uint8Array, type: SniffedType): Promise<ProcessedImage> {
  try {
    await images.info(stream(bytes));
  } catch {
    throw unreadable(type);
  }
  const keep = originalFormat(type);
  const low = lowResFormat(type);
  // A file can pass `info` (headers) and still fail to decode: that is bad input, not our failure.
  const [original, lowRes, placeholder] = await Promise.all([
    type.contentType === "image/gif"
      ? { bytes, contentType: type.contentType, extension: type.extension }
      : images
          .input(stream(bytes))
          .output({ format: keep.format, quality: ORIGINAL_QUALITY })
          .then(async (result) => ({ bytes: await bytesOf(result), contentType: keep.format, extension: keep.extension })),
    images
      .input(stream(bytes))
      .transform({ width: LOW_RES_SIDE, height: LOW_RES_SIDE, fit: "scale-down" })
      .output({ format: low.format, quality: LOW_RES_QUALITY })
      .then(async (result) => ({ bytes: await bytesOf(result), contentType: low.format, extension: low.extension })),
    thumbHash(images, bytes),
  ]).catch((error: unknown) => {
    console.warn(JSON.stringify({ level: "warn", event: "image_unreadable", type: type.contentType, error: String(error).slice(0, 300) }));
    throw unreadable(type);
  });
  const info = await images.info(stream(original.bytes));
  if (!("width" in info)) throw unreadable(type);
  return { original, lowRes, width: info.width, height: info.height, placeholder };
}

/** A ThumbHash (base64) of the image shrunk to at most 100 px, or null if it can't be made. */
async function thumbHash(images: ImagesBinding, bytes: Uint8Array): Promise<string | null> {
  try {
    const tiny = await images
      .input(stream(bytes))
      .transform({ width: 100, height: 100, fit: "scale-down" })
      .output({ format: "image/png" });
    const pixels = await pngToRgba(await bytesOf(tiny));
    if (!pixels) return null;
    const hash = rgbaToThumbHash(pixels.width, pixels.height, pixels.rgba);
    return btoa(String.fromCharCode(...hash));
  } catch {
    return null;
  }
}
