import { ApiError } from "../lib/errors";
import type { Engine } from "./engines/engine";
import { supportedTargets } from "./languages";

// Region tags readers' devices send, mapped to the script their region writes.
const CHINESE_REGIONS: Record<string, string> = { "zh-CN": "zh-Hans", "zh-SG": "zh-Hans", "zh-MY": "zh-Hans", "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant", zh: "zh-Hans" };

/** The supported target for a requested tag (`zh-TW` → zh-Hant, `en-US` → en), or a field error listing what is supported. */
export function readerLanguage(requested: string, engines: Engine[]): string {
  const targets = supportedTargets(engines);
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(requested)[0];
  } catch {
    tag = undefined;
  }
  const candidates = tag ? [tag, CHINESE_REGIONS[tag], tag.replace(/^(zh-Han[st]).*$/, "$1"), tag.split("-")[0]] : [];
  const target = candidates.find((candidate) => candidate && targets.includes(candidate));
  if (target) return target;
  throw new ApiError("validation_failed", `Can't translate into "${requested}"`, {
    details: [{ field: "to", location: "query", message: `${tag ? "Unsupported" : "Not a BCP 47"} language; supported: ${targets.join(", ")}` }],
  });
}
