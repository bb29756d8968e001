import type { z } from "zod";
import { en, es, pt, zhCN, zhTW } from "zod/v4/locales";
import type { Locale, Text } from ".";

type Issue = z.core.$ZodIssue;
type ErrorMap = z.core.$ZodErrorMap;

const locales: Record<Locale, () => { localeError: ErrorMap }> = { en, "zh-Hans": zhCN, "zh-Hant": zhTW, es, pt };
const maps = new Map<Locale, ErrorMap>();
const mapFor = (locale: Locale) => maps.get(locale) ?? maps.set(locale, locales[locale]().localeError).get(locale)!;

const said = (map: ErrorMap, issue: Issue) => {
  const result = map(issue as unknown as z.core.$ZodRawIssue);
  return typeof result === "string" ? result : result?.message;
};

/**
 * A validation issue's message in the reader's language, using zod's own locales.
 * Only zod's stock wording is re-rendered; messages our schemas chose stay as written.
 */
export function zodIssueText(issue: Issue): Text {
  return (locale) => {
    if (locale === "en" || said(mapFor("en"), issue) !== issue.message) return issue.message;
    return said(mapFor(locale), issue) ?? issue.message;
  };
}
