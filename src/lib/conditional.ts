import { z } from "@hono/zod-openapi";
import { etag } from "hono/etag";

/*
 * Conditional reads for single resources (notes, comments, profiles, glossary terms):
 * a weak ETag over the answer as sent, counters and the reader's own state included,
 * so a client on a slow network re-fetches nothing that hasn't changed. Lists have none.
 */

/** Route middleware: answers 304 to a matching If-None-Match, and sets a weak ETag on 200 answers whose handler set none. */
export const conditionalRead = etag({ weak: true });

/**
 * The weak ETag of an answer, for its handler to set before `c.json(answer)`:
 * hashing the value as it is serialised is cheaper than the middleware's own
 * way (clone the response, read the stream, SHA-1). Two 32-bit FNV-1a lanes
 * with different offsets: a weak validator needs no collision resistance
 * against attackers, only that an edit changes it.
 */
export function weakETag(answer: unknown): string {
  const text = JSON.stringify(answer);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return `W/"${(a >>> 0).toString(16).padStart(8, "0")}${(b >>> 0).toString(16).padStart(8, "0")}"`;
}

export const ConditionalHeadersSchema = z.object({
  "if-none-match": z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: "The ETag of your copy: answered 304 with no body while it is current", example: 'W/"5d41402abc4b2a76b9719d911017c592ae2f0e21"' }),
});

const etagHeader = {
  ETag: {
    description: "Weak validator of this answer (counters included); send it back in If-None-Match",
    schema: { type: "string" as const, example: 'W/"5d41402abc4b2a76b9719d911017c592ae2f0e21"' },
  },
};

/** A 200 response that carries an ETag, and the 304 beside it. */
export const conditionalResponses = <T extends { description: string }>(ok: T) => ({
  200: { ...ok, headers: etagHeader },
  304: { description: "Not Modified: your copy, named in If-None-Match, is current", headers: etagHeader },
});
