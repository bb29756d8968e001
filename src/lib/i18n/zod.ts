import type { z } from "zod";
import { en as zodEn, es, pt, zhCN, zhTW } from "zod/v4/locales";
import { type LocalText, type Locale, type MessageKey, type Text, render } from ".";
import { en } from "./messages/en";

type Issue = z.core.$ZodIssue;
type ErrorMap = z.core.$ZodErrorMap;

const locales: Record<Locale, () => { localeError: ErrorMap }> = { en: zodEn, "zh-Hans": zhCN, "zh-Hant": zhTW, es, pt };
const maps = new Map<Locale, ErrorMap>();
const mapFor = (locale: Locale) => maps.get(locale) ?? maps.set(locale, locales[locale]().localeError).get(locale)!;

const said = (map: ErrorMap, issue: Issue) => {
  const result = map(issue as unknown as z.core.$ZodRawIssue);
  return typeof result === "string" ? result : result?.message;
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The `field.*` catalogue templates as patterns, so a schema's English message finds its key and parameters. */
let fieldTemplates: { key: MessageKey; pattern: RegExp; names: string[] }[] | undefined;

function catalogueTextOf(message: string): LocalText | undefined {
  fieldTemplates ??= Object.entries(en)
    .filter(([key]) => key.startsWith("field."))
    .map(([key, template]) => {
      const names: string[] = [];
      const parts = template.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? (names.push(part), "(.+?)") : escape(part)));
      return { key: key as MessageKey, pattern: new RegExp(`^${parts.join("")}$`), names };
    });
  for (const { key, pattern, names } of fieldTemplates) {
    const match = pattern.exec(message);
    if (match) return { key, params: Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) };
  }
  return undefined;
}

/**
 * A validation issue's message in the reader's language. zod's stock wording comes
 * from zod's own locales; a message our schemas wrote comes from the catalogue when
 * it is one of its `field.*` texts, and stays as written otherwise.
 */
export function zodIssueText(issue: Issue): Text {
  return (locale) => {
    if (locale === "en") return issue.message;
    if (said(mapFor("en"), issue) === issue.message) return said(mapFor(locale), issue) ?? issue.message;
    const known = catalogueTextOf(issue.message);
    return known ? render(known, locale) : issue.message;
  };
}
