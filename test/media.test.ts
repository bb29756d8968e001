import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../src/index";
import { api, createUser, expectError } from "./helpers";
import { fetchUrl, fixture, jpegSize, keyOf, readExif, upload } from "./media-helpers";

const US = { country: "US", region: "Ohio" };

async function resized(name: string, width: number, format: "image/jpeg" | "image/png") {
  const result = await env.IMAGES.input(new Blob([fixture(name)]).stream()).transform({ width }).output({ format });
  return new Uint8Array(await new Response(result.image()).arrayBuffer());
}

describe("uploading", () => {
  it("strips EXIF and GPS from a photo, keeps its size, and makes a 480 px variant and a placeholder", async () => {
    const photo = fixture("cat-gps.jpg");
    // The fixture really carries a position (Tucson, 32.22° N) and a camera name.
    expect(readExif(photo).latitude).toBeCloseTo(32.2226, 3);
    expect(new TextDecoder().decode(photo)).toContain("NoteBridgeCam");

    const user = await createUser();
    const response = await upload(user.token, photo);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      type: "image",
      contentType: "image/jpeg",
      byteSize: photo.length,
      width: 1600,
      height: 1200,
      durationMs: null,
      placeholder: expect.stringMatching(/^[A-Za-z0-9+/]{10,}={0,2}$/),
    });

    const original = await fetchUrl(response.body.url);
    expect(original.status).toBe(200);
    expect(original.headers.get("Content-Type")).toBe("image/jpeg");
    expect(readExif(original.bytes)).toEqual({ exif: false, latitude: null });
    expect(new TextDecoder().decode(original.bytes)).not.toContain("NoteBridgeCam");
    expect(jpegSize(original.bytes)).toEqual({ width: 1600, height: 1200 });

    const lowRes = await fetchUrl(response.body.lowResUrl);
    expect(lowRes.status).toBe(200);
    expect(readExif(lowRes.bytes).exif).toBe(false);
    expect(jpegSize(lowRes.bytes)).toEqual({ width: 480, height: 360 });
    expect(lowRes.bytes.length).toBe(response.body.lowResByteSize);
    expect(lowRes.bytes.length).toBeLessThan(original.bytes.length / 2);
  });

  it("takes multipart uploads too, and keeps PNG and WebP as what they are", async () => {
    const user = await createUser();
    const png = await upload(user.token, fixture("cat.png"), { multipart: { filename: "cat.png", type: "image/png" } });
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    expect(png.body).toMatchObject({ type: "image", contentType: "image/png", width: 640, height: 480 });
    expect((await fetchUrl(png.body.url)).headers.get("Content-Type")).toBe("image/png");
    // Transparency survives in the low-resolution variant.
    expect((await fetchUrl(png.body.lowResUrl)).headers.get("Content-Type")).toBe("image/webp");

    const webp = await upload(user.token, fixture("cat.webp"), { headers: { "Content-Type": "image/jpeg" } });
    expect(webp.status, JSON.stringify(webp.body)).toBe(201);
    expect(webp.body).toMatchObject({ contentType: "image/webp", width: 600, height: 400 });
  });

  it("stores a video as uploaded, with its duration from the MP4 header, and serves byte ranges", async () => {
    const user = await createUser();
    const clip = fixture("clip.mp4");
    const response = await upload(user.token, clip);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({
      type: "video",
      contentType: "video/mp4",
      byteSize: clip.length,
      durationMs: 2000,
      width: 96,
      height: 64,
      lowResUrl: null,
    });
    const served = await fetchUrl(response.body.url);
    expect(served.bytes).toEqual(clip);
    const range = await fetchUrl(response.body.url, { Range: "bytes=4-11" });
    expect(range.status).toBe(206);
    expect(range.headers.get("Content-Range")).toBe(`bytes 4-11/${clip.length}`);
    expect(new TextDecoder().decode(range.bytes)).toBe("ftypisom");

    // The movie header at the end of the file, as cameras write it, is found too.
    const cameraClip = await upload(user.token, fixture("clip-moov-last.mp4"));
    expect(cameraClip.body).toMatchObject({ type: "video", durationMs: 2000, width: 96, height: 64 });
  });

  it("decides the type by the bytes: a text file named .jpg gets 415 whatever it claims", async () => {
    const user = await createUser();
    const text = fixture("not-a-photo.jpg");
    const raw = await upload(user.token, text, { headers: { "Content-Type": "image/jpeg" } });
    expect(expectError(raw, 415, "unsupported_media_type").message).toMatch(/JPEG, PNG, WebP, GIF, HEIC.*MP4, WebM/);
    const form = await upload(user.token, text, { multipart: { filename: "cat.jpg", type: "image/jpeg" } });
    expectError(form, 415, "unsupported_media_type");
    // A JPEG signature in front of garbage is caught when the image is read.
    const fake = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...text]);
    expectError(await upload(user.token, fake), 415, "unsupported_media_type");
    // A real JPEG cut short: its header reads, its pixels don't.
    expectError(await upload(user.token, fixture("cat-gps.jpg").subarray(0, 3000)), 415, "unsupported_media_type");
    const mine = await env.DB.prepare("SELECT count(*) AS n FROM media WHERE owner_id = ?").bind(user.id).first<{ n: number }>();
    expect(mine?.n).toBe(0);
  });

  it("stores the same bytes once, however many people upload them", async () => {
    const [ana, bo] = [await createUser(), await createUser()];
    const first = await upload(ana.token, fixture("cat.webp"));
    const keysBefore = (await env.MEDIA.list()).objects.length;
    const second = await upload(bo.token, fixture("cat.webp"));
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.url).toBe(first.body.url);
    expect(second.body.lowResUrl).toBe(first.body.lowResUrl);
    expect((await env.MEDIA.list()).objects.length).toBe(keysBefore);
  });

  it("refuses anonymous, empty and oversized uploads with clear errors", async () => {
    expectError(await upload(null, fixture("cat.webp")), 401, "unauthorized");
    const user = await createUser();
    expectError(await upload(user.token, new Uint8Array()), 400, "bad_request");
    const huge = new Uint8Array(20 * 1024 * 1024 + 10);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(expectError(await upload(user.token, huge), 413, "payload_too_large").message).toMatch(/Images may be at most 20 MB/);
  });
});

describe("limits per person", () => {
  it("counts uploads per hour (429 with Retry-After) and bytes kept (413)", async () => {
    const user = await createUser();
    for (let i = 0; i < 6; i++) expect((await upload(user.token, fixture("clip.mp4"))).status).toBe(201);
    const seventh = await upload(user.token, fixture("clip.mp4"));
    expect(expectError(seventh, 429, "rate_limited").message).toMatch(/6 files an hour; try again in \d+ seconds/);
    expect(Number(seventh.headers.get("Retry-After"))).toBeGreaterThan(3000);

    const other = await createUser();
    const big = new Uint8Array(250_000);
    big.set(fixture("clip.mp4"));
    // Over the streaming threshold set for tests: written to R2 while hashed, never held whole.
    const streamed = await upload(other.token, big);
    expect(streamed.status, JSON.stringify(streamed.body)).toBe(201);
    expect(streamed.body).toMatchObject({ type: "video", byteSize: big.length, durationMs: 2000, width: 96, height: 64 });
    expect((await fetchUrl(streamed.body.url)).bytes).toEqual(big);
    expect((await env.MEDIA.list({ prefix: "staging/" })).objects).toEqual([]);
    big[big.length - 1] = 1; // different bytes, same size
    const over = await upload(other.token, big);
    expect(expectError(over, 413, "payload_too_large").message).toMatch(/Your uploads may keep 391 KB in all and 244 KB is used/);
  });
});

describe("serving", () => {
  it("caches for a year with an ETag, answers 304 to a matching If-None-Match, 404 for unknown files", async () => {
    const user = await createUser();
    const { body } = await upload(user.token, fixture("cat.webp"));
    const first = await fetchUrl(body.url);
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const etag = first.headers.get("ETag")!;
    expect(etag).toBe(`"${keyOf(body.url).slice(0, 64)}"`);
    const again = await fetchUrl(body.url, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expectError(await api("GET", `/media/${"0".repeat(64)}.jpg`), 404, "not_found");
    expectError(await api("GET", "/media/../../etc/passwd.jpg"), 404, "not_found");
    expectError(await api("GET", "/media/lili.jpg"), 400, "validation_failed");
  });
});

describe("notes with uploads", () => {
  it("take media by id and show each reader the low-resolution image unless they choose the original", async () => {
    const author = await createUser({ cf: US });
    const photo = await upload(author.token, fixture("cat-gps.jpg"));
    const note = await api("POST", "/v1/notes", {
      token: author.token,
      cf: US,
      body: {
        title: "Lili pays her cat tax",
        media: [
          { mediaId: photo.body.id, alt: "Lili on the sofa" },
          { type: "image", url: "https://media.notebridge.app/old.jpg", width: 1080, height: 1440 },
        ],
      },
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    const [uploaded, byUrl] = note.body.media;
    expect(uploaded).toEqual({
      type: "image",
      url: photo.body.lowResUrl,
      width: 1600,
      height: 1200,
      alt: "Lili on the sofa",
      mediaId: photo.body.id,
      originalUrl: photo.body.url,
      lowResUrl: photo.body.lowResUrl,
      placeholder: photo.body.placeholder,
      durationMs: null,
    });
    // Media by URL (older notes, imports) keep working and have no variant.
    expect(byUrl).toMatchObject({ url: "https://media.notebridge.app/old.jpg", originalUrl: "https://media.notebridge.app/old.jpg", lowResUrl: null, mediaId: null });

    const id = note.body.id;
    const shown = async (options: Parameters<typeof api>[2], query = "") =>
      (await api("GET", `/v1/notes/${id}${query}`, options)).body.media[0].url;
    expect(await shown({ cf: { country: "BR" } })).toBe(photo.body.lowResUrl);
    expect(await shown({ cf: { country: "CN", region: "Guangdong" } })).toBe(photo.body.url);
    expect(await shown({ cf: { country: "CN" } }, "?imageQuality=low")).toBe(photo.body.lowResUrl);
    expect(await shown({ cf: { country: "US" } }, "?imageQuality=original")).toBe(photo.body.url);

    const reader = await createUser({ cf: US });
    expect(await shown({ token: reader.token, cf: US })).toBe(photo.body.lowResUrl);
    const setting = await api("PATCH", "/v1/me", { token: reader.token, cf: US, body: { imageQuality: "original" } });
    expect(setting.body.imageQuality).toBe("original");
    expect(await shown({ token: reader.token, cf: US })).toBe(photo.body.url);
    await api("PATCH", "/v1/me", { token: reader.token, cf: { country: "CN", region: "Sichuan" }, body: { imageQuality: null } });
    // Automatic again: no cf data on this request, so the profile's country (China) decides.
    expect(await shown({ token: reader.token })).toBe(photo.body.url);

    const list = await api("GET", `/v1/users/${author.id}/notes?imageQuality=original`);
    expect(list.body.items[0].media[0].url).toBe(photo.body.url);
  });

  it("lets the author swap uploads when editing, and the one taken out can be used again", async () => {
    const author = await createUser();
    const [first, second] = [await upload(author.token, fixture("cat.png")), await upload(author.token, fixture("cat.webp"))];
    const note = await api("POST", "/v1/notes", { token: author.token, body: { title: "v1", media: [{ mediaId: first.body.id }] } });
    const edited = await api("PATCH", `/v1/notes/${note.body.id}`, {
      token: author.token,
      body: { media: [{ mediaId: second.body.id, alt: "the better one" }] },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.media).toMatchObject([{ mediaId: second.body.id, alt: "the better one", originalUrl: second.body.url }]);
    // Keeping the same upload in another edit is fine; the released one may go in a new note.
    expect((await api("PATCH", `/v1/notes/${note.body.id}`, { token: author.token, body: { title: "v2", media: [{ mediaId: second.body.id }] } })).status).toBe(200);
    expect((await api("POST", "/v1/notes", { token: author.token, body: { title: "reuse", media: [{ mediaId: first.body.id }] } })).status).toBe(201);
    expectError(await api("GET", `/v1/notes/${note.body.id}?imageQuality=tiny`), 400, "validation_failed");
  });

  it("refuses someone else's upload and an upload already in another note", async () => {
    const [author, other] = [await createUser(), await createUser()];
    const theirs = await upload(other.token, fixture("cat.webp"));
    const refused = await api("POST", "/v1/notes", { token: author.token, body: { title: "x", media: [{ mediaId: theirs.body.id }] } });
    expect(expectError(refused, 400, "validation_failed").details).toEqual([
      expect.objectContaining({ field: "media.0.mediaId", location: "body" }),
    ]);
    const mine = await upload(author.token, fixture("cat.png"));
    expect((await api("POST", "/v1/notes", { token: author.token, body: { title: "one", media: [{ mediaId: mine.body.id }] } })).status).toBe(201);
    expectError(await api("POST", "/v1/notes", { token: author.token, body: { title: "two", media: [{ mediaId: mine.body.id }] } }), 409, "conflict");
    const mixed = await api("POST", "/v1/notes", {
      token: author.token,
      body: { title: "x", media: [{ mediaId: mine.body.id, type: "image", url: "https://m.example.com/a.jpg", width: 1, height: 1 }] },
    });
    expectError(mixed, 400, "validation_failed");
  });

  it("the hourly job deletes uploads unused for 24 hours, and their files, but keeps those in notes and drafts", async () => {
    const user = await createUser();
    // Pictures nobody else in this file uploads, so their files are this test's alone.
    const unused = await upload(user.token, await resized("cat-gps.jpg", 800, "image/jpeg"));
    const inNote = await upload(user.token, await resized("cat.png", 300, "image/png"));
    const inDraft = await upload(user.token, fixture("clip.mp4"));
    const note = await api("POST", "/v1/notes", { token: user.token, body: { title: "kept", media: [{ mediaId: inNote.body.id }] } });
    expect(note.status).toBe(201);
    const draft = await api("PUT", "/v1/drafts/01JH7Z3V6N1Q2M8W4K5T9R0ABC", {
      token: user.token,
      body: { baseVersion: 0, content: { body: "later", media: [{ mediaId: inDraft.body.id }] } },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const dayAgo = Date.now() - 25 * 3_600_000;
    await env.DB.prepare("UPDATE media SET created_at = ? WHERE owner_id = ?").bind(dayAgo, user.id).run();
    await env.DB.prepare("UPDATE media_objects SET created_at = ?").bind(dayAgo).run();

    const runCron = async () => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ cron: "17 * * * *" }), env, ctx);
      await waitOnExecutionContext(ctx);
    };
    await runCron();
    const left = await env.DB.prepare("SELECT id FROM media WHERE owner_id = ? ORDER BY id").bind(user.id).all<{ id: string }>();
    expect(left.results.map((r) => r.id)).toEqual([inNote.body.id, inDraft.body.id].sort());
    expect(await env.MEDIA.head(keyOf(unused.body.url))).toBeNull();
    expect(await env.MEDIA.head(keyOf(unused.body.lowResUrl))).toBeNull();
    expect((await fetchUrl(inNote.body.url)).status).toBe(200);

    // Deleting the note lets its upload go too.
    expect((await api("DELETE", `/v1/notes/${note.body.id}`, { token: user.token })).status).toBe(204);
    await runCron();
    expect((await fetchUrl(inNote.body.url)).status).toBe(404);
    expect((await fetchUrl(inDraft.body.url)).status).toBe(200);
  });
});
