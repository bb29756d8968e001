import { type Catalogue, type MessageKey, en } from "./messages/en";
import { es } from "./messages/es";
import { pt } from "./messages/pt";
import { zhHans } from "./messages/zh-Hans";
import { zhHant } from "./messages/zh-Hant";

export type { MessageKey };

/** The languages the API writes its own texts in, English first (the fallback). */
export const catalogues = { en, "zh-Hans": zhHans, "zh-Hant": zhHant, es, pt } satisfies Record<string, Catalogue>;

export type Locale = keyof typeof catalogues;
export const LOCALES = Object.keys(catalogues) as Locale[];

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type Params<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;

/** A text the API writes, to be rendered in each reader's language. Plain data: it crosses RPC. */
export type LocalText = { key: MessageKey; params?: Record<string, string | number> };

/**
 * A catalogue text with its parameters, checked against the English template.
 * @example new ApiError("not_found", t("notes.notFound"))
 * @example t("notes.tooManyTopics", { max: 20 })
 */
export function t<K extends MessageKey>(key: K, ...params: [Placeholders<(typeof en)[K]>] extends [never] ? [] : [Params<K>]): LocalText {
  return params[0] ? { key, params: params[0] } : { key };
}

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** The catalogue text under a key built at run time (e.g. an engine's id), or the given English. */
export const catalogueText = (key: string, english: string, locale: Locale): string =>
  isMessageKey(key) ? render({ key }, locale) : english;

/** What may be shown to a reader: a catalogue text, a text that renders itself, or plain English. */
export type Text = string | LocalText | ((locale: Locale) => string);

export function render(text: Text, locale: Locale): string {
  if (typeof text === "string") return text;
  if (typeof text === "function") return text(locale);
  const template: string = catalogues[locale][text.key] ?? en[text.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(text.params?.[name] ?? whole));
}

/** A language's name in the reader's language (`zh-Hant` → "chino tradicional" for `es`), or undefined. */
export function languageName(tag: string, locale: Locale): string | undefined {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(tag);
    return name && name !== tag ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The script of a Chinese tag: zh-TW, zh-HK, zh-MO and zh-Hant read Traditional; other Chinese reads Simplified. */
function chinese(tag: string): Locale {
  return /^zh-(hant|tw|hk|mo)\b/i.test(tag) ? "zh-Hant" : "zh-Hans";
}

/** The best catalogue for an Accept-Language header (q-values honoured), English when none fits. */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return "en";
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = Number(/^\s*q=([\d.]+)/.exec(rest.join(";"))?.[1] ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.tag && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.toLowerCase().split("-")[0];
    if (primary === "zh") return chinese(tag);
    if (primary === "en" || primary === "es" || primary === "pt") return primary;
    if (tag === "*") return "en";
  }
  return "en";
}
