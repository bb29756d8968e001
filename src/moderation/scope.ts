import { type SQL, sql } from "drizzle-orm";
import { moderationCases, type StaffRole } from "../db/schema";
import { baseLanguage } from "../language/tags";

/** "zh-Hans" → "zh": mediators and the cultural buffer name base languages. */
export const originLanguage = (tag: string | null) => (tag ? baseLanguage(tag) : null);

/** Where a case's content comes from: its base language and IP region. */
export type CaseOrigin = { language: string | null; ipCountry: string | null; ipRegion: string | null };

/** Regions and languages: "US", "CN-Guangdong" (a province inside China), "zh". */
export type Area = { regions: string[]; languages: string[] };

/** Whether content of `origin` falls in `area`. */
export function covers(area: Area, origin: CaseOrigin): boolean {
  const regions = new Set(area.regions.map((r) => r.toUpperCase()));
  return (
    (origin.language !== null && area.languages.map((l) => l.toLowerCase()).includes(origin.language)) ||
    (origin.ipCountry !== null && regions.has(origin.ipCountry.toUpperCase())) ||
    (origin.ipCountry !== null && origin.ipRegion !== null && regions.has(`${origin.ipCountry}-${origin.ipRegion}`.toUpperCase()))
  );
}

/** The cultural buffer from `CULTURAL_BUFFER_REGIONS` / `CULTURAL_BUFFER_LANGUAGES` (comma-separated). */
export function culturalBuffer(env: Env): Area {
  const list = (value: string | undefined) => (value ?? "").split(",").map((item) => item.trim()).filter(Boolean);
  return { regions: list(env.CULTURAL_BUFFER_REGIONS), languages: list(env.CULTURAL_BUFFER_LANGUAGES) };
}

/** How many distinct people's reports hide content pending review (`AUTO_HIDE_REPORTS`, default 5). */
export const autoHideThreshold = (env: Env) => {
  const value = Number(env.AUTO_HIDE_REPORTS);
  return Number.isInteger(value) && value > 0 ? value : 5;
};

/**
 * What a staff member may see and decide in the queue. Moderators and admins see
 * everything; mediators only content in their languages or from their regions.
 */
export type StaffScope = { roles: StaffRole[]; everything: boolean; mediates: Area };

export function staffScope(rows: { role: StaffRole; regions: string[]; languages: string[] }[]): StaffScope {
  const roles = rows.map((row) => row.role);
  const mediators = rows.filter((row) => row.role === "mediator");
  return {
    roles,
    everything: roles.includes("admin") || roles.includes("moderator"),
    mediates: { regions: mediators.flatMap((m) => m.regions), languages: mediators.flatMap((m) => m.languages) },
  };
}

export const isQueueStaff = (scope: StaffScope) => scope.everything || scope.roles.includes("mediator");

export const mayHandle = (scope: StaffScope, origin: CaseOrigin) => scope.everything || covers(scope.mediates, origin);

/**
 * A human mediator's decision, which content in the cultural buffer needs before it is hidden:
 * a mediator for its region or language, or an admin.
 */
export const isMediatorFor = (scope: StaffScope, origin: CaseOrigin) =>
  scope.roles.includes("admin") || covers(scope.mediates, origin);

/** The queue's filter for a staff member, in SQL (three bound JSON arrays, whatever their length). */
export function caseInScope(scope: StaffScope): SQL {
  if (scope.everything) return sql`1`;
  const { regions, languages } = scope.mediates;
  const upper = JSON.stringify(regions.map((r) => r.toUpperCase()));
  return sql`(${moderationCases.language} in (select value from json_each(${JSON.stringify(languages.map((l) => l.toLowerCase()))}))
    or upper(${moderationCases.ipCountry}) in (select value from json_each(${upper}))
    or upper(${moderationCases.ipCountry} || '-' || ${moderationCases.ipRegion}) in (select value from json_each(${upper})))`;
}
