/*
 * DeepL through its HTTP API (https://developers.deepl.com/docs/api-reference/translate).
 * The key is a secret (DEEPL_API_KEY); keys ending in ":fx" belong to the free API.
 * Placeholders are sent as XML tags DeepL keeps in place (tag_handling=xml).
 */
import { type Engine, postJson, textsOrFailure } from "./engine";

const SOURCE: Record<string, string> = { en: "EN", "zh-Hans": "ZH", "zh-Hant": "ZH", ja: "JA", ko: "KO", es: "ES", fr: "FR", de: "DE", pt: "PT", it: "IT", ru: "RU", uk: "UK", ar: "AR", id: "ID", tr: "TR", pl: "PL", nl: "NL" };
const TARGET: Record<string, string> = { ...SOURCE, en: "EN-US", "zh-Hans": "ZH-HANS", "zh-Hant": "ZH-HANT", pt: "PT-BR" };

const toXml = (segment: string) =>
  segment.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!).replace(/⟦(\d+)⟧/g, '<x id="$1"/>');
const fromXml = (text: string) =>
  text.replace(/<x id="(\d+)"\s*\/>/g, "⟦$1⟧").replace(/&(amp|lt|gt);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">" })[e]!);

export function deepl(apiKey: string, baseUrl?: string): Engine {
  const url = `${baseUrl ?? (apiKey.endsWith(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com")}/v2/translate`;
  return {
    id: "deepl",
    name: "DeepL",
    quality: "Neural machine translation by DeepL.",
    supports: (source, target) => source in SOURCE && target in TARGET,
    async translate(segments, source, target, signal) {
      const body = (await postJson("deepl", url, {
        headers: { Authorization: `DeepL-Auth-Key ${apiKey}` },
        body: { text: segments.map(toXml), source_lang: SOURCE[source], target_lang: TARGET[target], tag_handling: "xml" },
        signal,
      })) as { translations?: { text?: unknown }[] };
      return textsOrFailure("deepl", body.translations?.map((t) => t.text), segments.length).map(fromXml);
    },
  };
}
