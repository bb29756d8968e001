// JSON requests for setting up and checking bench data (not for load: see load.mjs).

/** Builds `Authorization`, `CF-Connecting-IP` and `Content-Type` headers for a request. */
export function jsonHeaders({ token, ip, body } = {}) {
  return {
    ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    // What Cloudflare sets in production; `wrangler dev` passes it through, so a bench can be many clients.
    ...(ip ? { "CF-Connecting-IP": ip } : {}),
  };
}

/** Sends one request (a JSON `body`, or `rawBody` bytes); resolves to `{ status, json }` whatever the status. */
export async function send(origin, method, path, { token, ip, body, rawBody } = {}) {
  const response = await fetch(origin + path, {
    method,
    headers: { ...jsonHeaders({ token, ip, body }), ...(rawBody ? { "Content-Type": "application/octet-stream" } : {}) },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

/** Sends one request and returns its JSON; throws with the status and body unless it is 2xx. */
export async function request(origin, method, path, options = {}) {
  const { status, json } = await send(origin, method, path, options);
  if (status < 200 || status > 299) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

/** Runs `task(item)` for every item, at most `limit` at a time, keeping the order of results. */
export async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** `count` distinct client addresses in 10.0.0.0/8, for spreading per-IP limits. */
export const clientIps = (count, offset = 0) =>
  Array.from({ length: count }, (_, i) => {
    const n = i + offset + 1;
    return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  });
