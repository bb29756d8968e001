import { z } from "@hono/zod-openapi";

function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** A BCP 47 language tag, stored in its canonical form (`zh-hans` → `zh-Hans`). */
export const LanguageTagSchema = z
  .string()
  .max(35)
  .refine((tag) => canonicalTag(tag) !== null, "Not a BCP 47 language tag")
  .overwrite((tag) => canonicalTag(tag) ?? tag)
  .openapi({ description: "BCP 47 language tag", example: "zh-Hans" });
