/*
 * Intl.DateTimeFormat is slow to build (a profile of the for-you page put building one per
 * request at an eighth of its CPU), so formatters are kept per zone. Zones are a small set
 * (IANA's ~600 names); the cap keeps made-up names from growing the cache without bound.
 */
const KEPT_ZONES = 1_000;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter of dates in `zone` (`2025-01-17`, `Fri`), or null when the runtime doesn't know the zone. */
export function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short" });
    } catch {
      formatter = null;
    }
    if (formatters.size < KEPT_ZONES) formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether `zone` is an IANA time zone this runtime knows (`Asia/Shanghai`, `UTC`). */
export const isValidTimeZone = (zone: string): boolean => zoneFormatter(zone) !== null;
