import { canonicalTag } from "../language/tags";
import { ApiError } from "../lib/errors";
import type { Engine } from "./engines/engine";
import { supportedLanguage, supportedTargets } from "./languages";

/** The supported target for a requested tag (`zh-TW` → zh-Hant, `en-US` → en), or a field error listing what is supported. */
export function readerLanguage(requested: string, engines: Engine[]): string {
  const target = supportedLanguage(requested);
  if (target) {
    const targets = supportedTargets(engines);
    if (targets.includes(target)) return target;
  }
  throw new ApiError("validation_failed", `Can't translate into "${requested}"`, {
    details: [
      {
        field: "to",
        location: "query",
        message: `${canonicalTag(requested) ? "Unsupported" : "Not a BCP 47"} language; supported: ${supportedTargets(engines).join(", ")}`,
      },
    ],
  });
}
