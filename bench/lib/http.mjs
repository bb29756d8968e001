// JSON requests for setting up and checking bench data (not for load: see load.mjs).

/** Builds `Authorization` and `Content-Type` headers for a request. */
export function jsonHeaders({ token, body } = {}) {
  return {
    ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
}

/** Sends one request and returns its JSON; throws with the status and body unless it is 2xx. */
export async function request(origin, method, path, { token, body } = {}) {
  const response = await fetch(origin + path, {
    method,
    headers: jsonHeaders({ token, body }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
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
