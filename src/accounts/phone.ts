import { type CountryCode, isSupportedCountry, parsePhoneNumberWithError } from "libphonenumber-js/max";

export type Phone = { e164: string; region: string };

/**
 * Parses a number as people write it in their country ("(415) 555-0132" with US,
 * "138 0013 8000" with CN, or "+44 20 7946 0958" with no region) into E.164.
 * Uses the full metadata: the smaller sets accept numbers that cannot exist.
 */
export function parsePhone(number: string, region: string | undefined): Phone | null {
  const country = region?.toUpperCase();
  if (country && !isSupportedCountry(country)) return null;
  try {
    const parsed = parsePhoneNumberWithError(number, country as CountryCode | undefined);
    if (!parsed.isValid()) return null;
    return { e164: parsed.number, region: parsed.country ?? country ?? "001" };
  } catch {
    return null;
  }
}

/** "+8613800138000" → "+86 •••••••8000": enough for the owner to recognise it, useless to anyone else. */
export function maskPhone(e164: string): string {
  const callingCode = parsePhoneNumberWithError(e164).countryCallingCode;
  const national = e164.slice(1 + callingCode.length);
  return `+${callingCode} ${"•".repeat(Math.max(national.length - 4, 0))}${national.slice(-4)}`;
}
