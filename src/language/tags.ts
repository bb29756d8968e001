import { z } from "@hono/zod-openapi";

/** The canonical form of a BCP 47 tag, or null when it isn't one. */
export function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The language without script or region: `zh-Hant-TW` → `zh`. */
export const baseLanguage = (tag: string) => tag.split("-")[0]!.toLowerCase();

/** A BCP 47 language tag, stored in its canonical form (`zh-hans` → `zh-Hans`). */
export const LanguageTagSchema = z
  .string()
  .max(35)
  .refine((tag) => canonicalTag(tag) !== null, "Not a BCP 47 language tag")
  .overwrite((tag) => canonicalTag(tag) ?? tag)
  .openapi({ description: "BCP 47 language tag", example: "zh-Hans" });
