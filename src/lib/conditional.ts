import { z } from "@hono/zod-openapi";
import { etag } from "hono/etag";

/*
 * Conditional reads for single resources (notes, comments, profiles, glossary terms):
 * a weak ETag over the answer as sent, counters and the reader's own state included,
 * so a client on a slow network re-fetches nothing that hasn't changed. Lists have none.
 */

/** Route middleware: sets a weak ETag on 200 answers and answers 304 to a matching If-None-Match. */
export const conditionalRead = etag({ weak: true });

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
