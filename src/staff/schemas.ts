import { z } from "@hono/zod-openapi";
import { STAFF_ROLES } from "../db/schema";
import { LanguageTagSchema, baseLanguage } from "../language/tags";
import { IdSchema } from "../lib/ids";

export const RoleParamsSchema = z.object({
  id: IdSchema.openapi({ param: { name: "id", in: "path" }, example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
  role: z.enum(STAFF_ROLES).openapi({ param: { name: "role", in: "path" }, example: "mediator" }),
});

const RegionSchema = z
  .string()
  .regex(/^[A-Za-z]{2}(-[\p{L}\p{M} .'-]{1,64})?$/u, "An ISO country code, or CN-<province> as Cloudflare names it")
  .overwrite((region) => {
    const [country, ...rest] = region.split("-");
    return [country!.toUpperCase(), ...rest].join("-");
  })
  // The generator writes the /u flag into the pattern; JSON Schema patterns are Unicode-aware already.
  .openapi({ example: "CN-Guangdong", pattern: "^[A-Za-z]{2}(-[\\p{L}\\p{M} .'-]{1,64})?$" });

export const GrantSchema = z
  .object({
    regions: z.array(RegionSchema).max(50).default([]).openapi({ description: "Mediators: regions whose content they review", example: ["US", "CN-Guangdong"] }),
    languages: z
      .array(LanguageTagSchema.overwrite(baseLanguage))
      .max(20)
      .default([])
      .openapi({ description: "Mediators: languages whose content they review (base languages: zh covers zh-Hans and zh-Hant)", example: ["zh", "en"] }),
  })
  .openapi("StaffGrant");

export const StaffRoleSchema = z
  .object({
    user: z.object({ id: z.string(), nickname: z.string() }),
    role: z.enum(STAFF_ROLES),
    regions: z.array(z.string()).openapi({ example: ["CN-Guangdong"] }),
    languages: z.array(z.string()).openapi({ example: ["zh"] }),
    grantedBy: z.string().nullable(),
    grantedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("StaffRole");
