/** Out-of-control Friday: the reader's own calendar decides, not UTC. */
import { zoneFormatter } from "../lib/time-zone";

/** The reader's local date (`2025-01-17`) and weekday (`Fri`) at `now` in `timeZone`. */
export function localDay(now: number, timeZone: string): { date: string; weekday: string } {
  const parts = (zoneFormatter(timeZone) ?? zoneFormatter("UTC")!).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${part("year")}-${part("month")}-${part("day")}`, weekday: part("weekday") };
}

export const isFriday = (now: number, timeZone: string) => localDay(now, timeZone).weekday === "Fri";
