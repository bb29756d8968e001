import { isSupportedCountry } from "libphonenumber-js/max";
import { z } from "@hono/zod-openapi";
import { LanguageTagSchema } from "../language/tags";
import { userText } from "../lib/text";
import { PublicProfileSchema } from "../users/view";

export const NicknameSchema = userText({ min: 1, max: 30 }).openapi({
  description: "Any script; 1-30 characters as people see them (emoji count as one)",
  example: "小红薯Lili 🐱",
});

const PhoneFields = {
  phone: z
    .string()
    .min(3)
    .max(40)
    .openapi({ description: "The number as written in its country, or in +E.164 form", example: "(415) 555-0132" }),
  region: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "ISO 3166-1 alpha-2 country code")
    .refine((code) => isSupportedCountry(code.toUpperCase()), "Not a country with phone numbers we know")
    .optional()
    .openapi({ description: "Country the number belongs to; optional when the number starts with +", example: "US" }),
};

export const PasswordSchema = z
  .string()
  .min(8, "At least 8 characters")
  .max(256, "At most 256 characters")
  .openapi({ description: "8-256 characters", example: "cat-tax-paid-2025" });

export const LanguagesSchema = z
  .array(LanguageTagSchema)
  .min(1)
  .max(10)
  .refine((tags) => new Set(tags).size === tags.length, "Languages must not repeat")
  .openapi({ description: "Languages this person reads, preferred first", example: ["en", "zh-Hans"] });

export const SignupSchema = z
  .object({
    ...PhoneFields,
    password: PasswordSchema,
    nickname: NicknameSchema,
    languages: LanguagesSchema,
  })
  .openapi("Signup");

export const LoginSchema = z.object({ ...PhoneFields, password: z.string().min(1).max(256) }).openapi("Login");

export const ProfileUpdateSchema = z
  .object({
    nickname: NicknameSchema.optional(),
    bio: userText({ min: 0, max: 200, multiline: true }).optional().openapi({ example: "Cat person 🐱 learning 中文" }),
    languages: LanguagesSchema.optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), "Change at least one field")
  .openapi("ProfileUpdate");

export const OwnProfileSchema = PublicProfileSchema.extend({
  phone: z.string().openapi({ description: "Your phone number, masked; shown only to you", example: "+1 ••••••0132" }),
  phoneRegion: z.string().openapi({ example: "US" }),
}).openapi("OwnProfile");

const SessionTokenFields = {
  token: z.string().openapi({ description: "Send as `Authorization: Bearer <token>`", example: "nb_3q2-7wXo…" }),
  tokenType: z.literal("Bearer"),
  expiresAt: z.string().openapi({ format: "date-time", example: "2025-02-12T08:30:00.000Z" }),
};

export const SessionSchema = z.object({ ...SessionTokenFields, user: OwnProfileSchema }).openapi("Session");

export const NewAccountSchema = OwnProfileSchema.extend({
  session: z
    .object(SessionTokenFields)
    .openapi("SessionToken", { description: "You are signed in: the token is shown this once" }),
}).openapi("NewAccount");
