/*
 * Simplified ↔ Traditional Chinese with OpenCC's data (opencc-js), not a
 * translation engine. Traditional → Simplified needs 37 KB of tables and is
 * loaded with the worker; Simplified → Traditional (Taiwan standard) needs the
 * 1 MB phrase table, so it is imported only when someone asks for zh-Hant.
 */
import { ConverterFactory, type ConverterFunction } from "opencc-js/core";
import TSCharacters from "opencc-js/dict/TSCharacters";
import TSPhrases from "opencc-js/dict/TSPhrases";

let simplifier: ConverterFunction | undefined;
let traditionalizer: Promise<ConverterFunction> | undefined;

async function loadToTraditional(): Promise<ConverterFunction> {
  const [{ default: STPhrases }, { default: STCharacters }, { default: TWVariants }] = await Promise.all([
    import("opencc-js/dict/STPhrases"),
    import("opencc-js/dict/STCharacters"),
    import("opencc-js/dict/TWVariants"),
  ]);
  return ConverterFactory([STPhrases, STCharacters], [TWVariants]);
}

export const toSimplified = (text: string) => (simplifier ??= ConverterFactory([TSPhrases, TSCharacters]))(text);

export async function convertChineseScript(text: string, target: "zh-Hans" | "zh-Hant"): Promise<string> {
  if (target === "zh-Hans") return toSimplified(text);
  return (await (traditionalizer ??= loadToTraditional()))(text);
}
