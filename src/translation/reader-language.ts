import { canonicalTag } from "../language/tags";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import type { Engine } from "./engines/engine";
import { supportedLanguage, supportedTargets } from "./languages";

/** The supported target for a requested tag (`zh-TW` → zh-Hant, `en-US` → en), or a field error listing what is supported. */
export function readerLanguage(requested: string, engines: Engine[]): string {
  const target = supportedLanguage(requested);
  if (target) {
    const targets = supportedTargets(engines);
    if (targets.includes(target)) return target;
  }
  const supported = supportedTargets(engines).join(", ");
  throw new ApiError("validation_failed", t("translation.cannotTranslateInto", { language: requested }), {
    details: [
      {
        field: "to",
        location: "query",
        message: t(canonicalTag(requested) ? "translation.unsupportedLanguage" : "translation.notLanguageTag", { supported }),
      },
    ],
  });
}
