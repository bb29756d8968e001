/** Timestamps are stored as epoch milliseconds and shown as ISO 8601 UTC. */
export const iso = (ms: number): string => new Date(ms).toISOString();

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
