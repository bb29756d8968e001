import { z } from "@hono/zod-openapi";
import type { Context } from "hono";

/** Where a request came from, as RedNote shows it: the country, and the province inside China. */
export type IpRegion = { country: string | null; region: string | null };

export function requestIpRegion(c: Context): IpRegion {
  const cf = c.req.raw.cf as { country?: unknown; region?: unknown } | undefined;
  const country = typeof cf?.country === "string" && /^[A-Z]{2}$/.test(cf.country) ? cf.country : null;
  // Only China is shown by province; elsewhere the country alone is shown, to reveal less.
  const region = country === "CN" && typeof cf?.region === "string" && cf.region ? cf.region.slice(0, 64) : null;
  return { country, region };
}

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

export const IpRegionSchema = z
  .object({
    country: z.string().nullable().openapi({ description: "ISO 3166-1 alpha-2 code", example: "CN" }),
    region: z.string().nullable().openapi({ description: "Province, for China only", example: "Guangdong" }),
    label: z.string().nullable().openapi({ description: "What to display after 'IP region:'", example: "Guangdong" }),
  })
  .openapi("IpRegion", { description: "Where the request that wrote this came from (the IP region shown on posts)" });

/** Country code → display name: Intl.DisplayNames is slow enough to show in a note list's profile. */
const countryLabels = new Map<string, string>();

function countryLabel(country: string): string {
  let label = countryLabels.get(country);
  if (label === undefined) {
    label = countryNames.of(country) ?? country;
    if (countryLabels.size < 1_000) countryLabels.set(country, label);
  }
  return label;
}

export function showIpRegion(country: string | null, region: string | null): z.infer<typeof IpRegionSchema> {
  return { country, region, label: region ?? (country ? countryLabel(country) : null) };
}
