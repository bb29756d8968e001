import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { newId } from "../lib/ids";
import { createRouter } from "../lib/router";
import { DAY_MS, HOUR_MS, iso } from "../lib/time";
import { serveMediaRoute, uploadMediaRoute } from "./routes";
import { IMMUTABLE, storeUpload } from "./save";
import { findMediaObject, recordUpload, type UploadLimits, uploadUsage } from "./store";
import { checkDeclaredSize, MB, readUpload } from "./upload";
import { mediaBaseUrl, mediaUrl } from "./view";
import { t } from "../lib/i18n";

export const UNATTACHED_MEDIA_TTL_MS = DAY_MS;

const limitsOf = (env: Env): UploadLimits => ({
  perHour: Number(env.MEDIA_UPLOADS_PER_HOUR) || 30,
  bytesPerUser: Number(env.MEDIA_BYTES_PER_USER) || 2 * 1024 * MB,
});

const hourlyLimit = (limits: UploadLimits, oldestInHour: number | null, now: number) => {
  const seconds = Math.max(1, Math.ceil(((oldestInHour ?? now) + HOUR_MS - now) / 1000));
  return new ApiError("rate_limited", t("media.hourlyLimit", { perHour: limits.perHour, seconds }), {
    headers: { "Retry-After": String(seconds) },
  });
};

const size = (bytes: number) =>
  bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(1)} GB` : bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;

const quotaFull = (limits: UploadLimits, used: number) =>
  new ApiError(
    "payload_too_large",
    t("media.quotaFull", { quota: size(limits.bytesPerUser), used: size(used) }),
  );

export const mediaRouter = createRouter()
  .openapi(uploadMediaRoute, async (c) => {
    const viewer = signedInViewer(c);
    const limits = limitsOf(c.env);
    checkDeclaredSize(c.req.raw);
    const before = await uploadUsage(c.var.d1, viewer.id, Date.now());
    if (before.lastHour >= limits.perHour) throw hourlyLimit(limits, before.oldestInHour, Date.now());
    // Read before the storage check, so an oversized file is told its own limit; a video is not consumed yet.
    const upload = await readUpload(c.req.raw, Number(c.env.MEDIA_STREAM_VIDEOS_OVER_BYTES) || undefined);
    const uploadSize = "stream" in upload ? upload.size : upload.bytes.length;
    if (before.totalBytes + uploadSize > limits.bytesPerUser) throw quotaFull(limits, before.totalBytes);
    const now = Date.now();
    const id = newId(now);
    const { object, byteSize } = await storeUpload(c.env, upload, (sha) => findMediaObject(c.var.db, sha), `staging/${id}`, now);
    if (!(await recordUpload(c.var.d1, object, { id, ownerId: viewer.id, byteSize, createdAt: now }, limits))) {
      // Another upload of yours got in first; the stored file, if unused, goes with the cron.
      const after = await uploadUsage(c.var.d1, viewer.id, now);
      if (after.lastHour >= limits.perHour) throw hourlyLimit(limits, after.oldestInHour, now);
      throw quotaFull(limits, after.totalBytes);
    }
    const base = mediaBaseUrl(c);
    return c.json(
      {
        id,
        type: object.kind,
        contentType: object.contentType,
        byteSize,
        width: object.width,
        height: object.height,
        durationMs: object.durationMs,
        placeholder: object.placeholder,
        url: mediaUrl(base, object.originalKey),
        originalByteSize: object.originalBytes,
        lowResUrl: object.lowResKey ? mediaUrl(base, object.lowResKey) : null,
        lowResByteSize: object.lowResBytes,
        createdAt: iso(now),
        expiresAt: iso(now + UNATTACHED_MEDIA_TTL_MS),
      },
      201,
    );
  })
  .openapi(serveMediaRoute, async (c) => {
    const { key } = c.req.valid("param");
    const etag = `"${key.slice(0, 64)}"`;
    const cacheHeaders = { ETag: etag, "Cache-Control": IMMUTABLE };
    const ifNoneMatch = c.req.header("If-None-Match");
    // Content-addressed: a matching tag is current without asking R2.
    if (ifNoneMatch && (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag))) {
      return c.body(null, 304, cacheHeaders);
    }
    const wantsRange = c.req.header("Range") !== undefined;
    const object = await c.env.MEDIA.get(key, wantsRange ? { range: c.req.raw.headers } : {}).catch(() => c.env.MEDIA.get(key));
    if (!object) throw new ApiError("not_found", t("media.fileNotFound"));
    const headers: Record<string, string> = {
      ...cacheHeaders,
      "Content-Type": object.httpMetadata?.contentType ?? "application/octet-stream",
      "Accept-Ranges": "bytes",
      "X-Content-Type-Options": "nosniff",
    };
    const range = object.range as { offset?: number; length?: number; suffix?: number } | undefined;
    if (wantsRange && range) {
      const start = range.suffix !== undefined ? object.size - range.suffix : (range.offset ?? 0);
      const length = range.suffix ?? range.length ?? object.size - start;
      headers["Content-Range"] = `bytes ${start}-${start + length - 1}/${object.size}`;
      headers["Content-Length"] = String(length);
      return c.body(object.body, 206, headers);
    }
    headers["Content-Length"] = String(object.size);
    return c.body(object.body, 200, headers);
  });
