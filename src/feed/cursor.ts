import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";

export type FeedMode = "ranked" | "friday" | "random";

/**
 * Where a reader is in one for-you session: the mode and seed it started with,
 * the snapshot time (notes newer than it wait for the next session, so pages
 * don't shift), and the notes already served, as the last 8 characters of each
 * id (40 random bits: collisions in a pool of hundreds are out of reach).
 */
export type ForYouCursor = { mode: FeedMode; seed: string; snapshot: number; served: string[] };

/** A session ends after this many notes; the reader starts a fresh one. */
export const MAX_SERVED = 400;
const SERVED_KEY = 8;

export const servedKey = (id: string) => id.slice(-SERVED_KEY);

const b64 = (text: string) => btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

export function encodeForYouCursor(cursor: ForYouCursor): string {
  return b64(JSON.stringify([cursor.mode, cursor.seed, cursor.snapshot, cursor.served.join("")]));
}

const invalid = () =>
  new ApiError("invalid_cursor", t("request.invalidCursor"), {
    details: [{ field: "cursor", location: "query", message: t("field.unrecognisedCursor") }],
  });

export function decodeForYouCursor(text: string): ForYouCursor {
  let value: unknown;
  try {
    value = JSON.parse(atob(text.replaceAll("-", "+").replaceAll("_", "/")));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 4) throw invalid();
  const [mode, seed, snapshot, served] = value as unknown[];
  if (
    (mode !== "ranked" && mode !== "friday" && mode !== "random") ||
    typeof seed !== "string" ||
    seed.length > 100 ||
    typeof snapshot !== "number" ||
    !Number.isFinite(snapshot) ||
    typeof served !== "string" ||
    served.length % SERVED_KEY !== 0 ||
    served.length > MAX_SERVED * SERVED_KEY
  ) {
    throw invalid();
  }
  const keys: string[] = [];
  for (let i = 0; i < served.length; i += SERVED_KEY) keys.push(served.slice(i, i + SERVED_KEY));
  return { mode, seed, snapshot, served: keys };
}
