import { z } from "@hono/zod-openapi";

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A ULID: 48 bits of millisecond time then 80 random bits, as 26 Crockford
 * base32 characters. Sorts by creation time; the random part makes it unguessable.
 */
export function newId(now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = crockford[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rest = "";
  for (let i = 0; i < 16; i++) rest += crockford[randomByte() % 32];
  return time + rest;
}

/** Random bytes drawn 4 KiB at a time: a getRandomValues call per id showed in write profiles. */
let pool = new Uint8Array(0);
let next = 0;

function randomByte(): number {
  if (next >= pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096));
    next = 0;
  }
  return pool[next++]!;
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const IdSchema = z.string().regex(ID_PATTERN, "Not a NoteBridge id");

/** Path parameters `{id}`. */
export const IdParamsSchema = z.object({
  id: IdSchema.openapi({ param: { name: "id", in: "path" }, example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
});
