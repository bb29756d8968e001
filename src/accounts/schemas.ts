import { isSupportedCountry } from "libphonenumber-js/max";
import { z } from "@hono/zod-openapi";
import { LanguageTagSchema } from "../language/tags";
import { userText } from "../lib/text";
import { ImageQualitySchema } from "../media/view";
import { isValidTimeZone } from "../lib/time-zone";
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

export const DeleteAccountSchema = z
  .object({ password: z.string().min(1).max(256).openapi({ description: "Your password, again", example: "cat-tax-paid-2025" }) })
  .openapi("DeleteAccount");

export const LoginSchema = z.object({ ...PhoneFields, password: z.string().min(1).max(256) }).openapi("Login");

/** How the for-you feed treats this person; shown only to them. */
const FeedPreferencesSchema = z.object({
  timeZone: z
    .string()
    .max(64)
    .refine(isValidTimeZone, "Not an IANA time zone")
    .nullable()
    .openapi({ description: "IANA time zone for out-of-control Friday; null uses the request's zone", example: "America/Chicago" }),
  randomFridays: z
    .boolean()
    .openapi({ description: "Whether your for-you feed goes random on Fridays (out-of-control Friday)", example: true }),
  otherLanguagePercent: z
    .number()
    .int()
    .min(0)
    .max(100)
    .openapi({ description: "Share of your for-you feed in languages you don't read, in percent (default 25)", example: 25 }),
});

export const ProfileUpdateSchema = z
  .object({
    nickname: NicknameSchema.optional(),
    bio: userText({ min: 0, max: 200, multiline: true }).optional().openapi({ example: "Cat person 🐱 learning 中文" }),
    languages: LanguagesSchema.optional(),
    imageQuality: ImageQualitySchema.nullable().optional().openapi({
      description: "Images in notes: `low` (480 px) or `original`; null goes back to automatic (original in mainland China, low elsewhere)",
    }),
    ...FeedPreferencesSchema.partial().shape,
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), "Change at least one field")
  .openapi("ProfileUpdate");

export const OwnProfileSchema = PublicProfileSchema.extend({
  phone: z.string().openapi({ description: "Your phone number, masked; shown only to you", example: "+1 ••••••0132" }),
  phoneRegion: z.string().openapi({ example: "US" }),
  imageQuality: ImageQualitySchema.nullable().openapi({ description: "Your image quality setting; null means automatic" }),
  suspendedUntil: z.string().nullable().openapi({
    format: "date-time",
    description: "Set while your account is suspended: until then you can read but not write. GET /v1/me/moderation-notices says why",
    example: null,
  }),
  ...FeedPreferencesSchema.shape,
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
