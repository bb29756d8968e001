import { ApiError } from "../lib/errors";
import { SNIFF_BYTES, type SniffedType, sniffMediaType } from "./sniff";
import { t } from "../lib/i18n";

export const MB = 1024 * 1024;
export const MAX_IMAGE_BYTES = 20 * MB;
export const MAX_VIDEO_BYTES = 200 * MB;
/** Multipart bodies are parsed in memory (128 MB per isolate), so they stay small; big videos come as the raw body, streamed. */
export const MAX_MULTIPART_BYTES = 25 * MB;

export type Upload =
  | { type: SniffedType; bytes: Uint8Array }
  | { type: SniffedType; stream: ReadableStream<Uint8Array>; size: number };

const tooLarge = (type: SniffedType | null, size: number) => {
  const limit = type?.kind === "image" ? MAX_IMAGE_BYTES : MAX_VIDEO_BYTES;
  return new ApiError(
    "payload_too_large",
    t(type?.kind === "image" ? "media.imageTooLarge" : type ? "media.videoTooLarge" : "media.uploadTooLarge", { max: limit / MB, size: (size / MB).toFixed(1) }),
  );
};

const unsupported = () =>
  new ApiError(
    "unsupported_media_type",
    t("media.unsupported"),
  );

const declaredLength = (request: Request) => {
  const header = request.headers.get("Content-Length");
  return header && /^\d+$/.test(header) ? Number(header) : null;
};

/** Refuses a body whose Content-Length is already over every limit, before reading it. */
export function checkDeclaredSize(request: Request) {
  const size = declaredLength(request);
  if (size !== null && size > MAX_VIDEO_BYTES) throw tooLarge(null, size);
  return size;
}

/** Reads at most `limit` bytes into memory, on top of `head`; 413 beyond. */
async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, head: Uint8Array[], type: SniffedType, limit: number) {
  const chunks = [...head];
  let size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  for (;;) {
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(type, size);
    }
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function typeOf(bytes: Uint8Array): SniffedType {
  const type = sniffMediaType(bytes.subarray(0, SNIFF_BYTES));
  if (!type) throw unsupported();
  const limit = type.kind === "image" ? MAX_IMAGE_BYTES : MAX_VIDEO_BYTES;
  if (bytes.length > limit) throw tooLarge(type, bytes.length);
  return type;
}

/** The `file` part of a multipart/form-data upload, as Mastodon's and Misskey's clients send it. */
async function readMultipart(request: Request): Promise<Upload> {
  const size = declaredLength(request);
  if (size === null || size > MAX_MULTIPART_BYTES) {
    throw new ApiError(
      "payload_too_large",
      t("media.multipartTooLarge", { max: MAX_MULTIPART_BYTES / MB }),
    );
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ApiError("bad_request", t("media.multipartUnparsable"));
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    throw new ApiError("validation_failed", t("validation.body", { fields: "file" }), {
      details: [{ field: "file", location: "body", message: t("media.filePartMissing") }],
    });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { type: typeOf(bytes), bytes };
}

/**
 * The uploaded file and its type, sniffed from its first bytes. Images are read into
 * memory (at most 20 MB); a video with a Content-Length is streamed, never held whole.
 */
export async function readUpload(request: Request, streamVideosOver = MAX_MULTIPART_BYTES): Promise<Upload> {
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) return readMultipart(request);
  if (!request.body) throw new ApiError("bad_request", t("media.bodyMissing"));
  const reader = request.body.getReader();
  const head: Uint8Array[] = [];
  let headSize = 0;
  let done = false;
  while (headSize < SNIFF_BYTES) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headSize += next.value.length;
  }
  if (headSize === 0) throw new ApiError("bad_request", t("media.bodyEmpty"));
  const first = head.length === 1 ? head[0]! : new Uint8Array(await new Blob(head).arrayBuffer());
  const type = sniffMediaType(first.subarray(0, SNIFF_BYTES));
  if (!type) {
    await reader.cancel();
    throw unsupported();
  }
  const size = declaredLength(request);
  if (type.kind === "image" || done || size === null || size <= streamVideosOver) {
    if (done) return { type: typeOf(first), bytes: first };
    return { type, bytes: await readAll(reader, head, type, type.kind === "image" ? MAX_IMAGE_BYTES : MAX_MULTIPART_BYTES) };
  }
  if (size > MAX_VIDEO_BYTES) throw tooLarge(type, size);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { type, stream, size };
}
