import { signedInViewer } from "../lib/auth";
import { ApiError } from "../lib/errors";
import { rateLimitHeaders } from "../lib/rate-limit";
import { createRouter } from "../lib/router";
import { exportMyDataRoute } from "./routes";
import { accountSection } from "./store";
import { exportStream } from "./stream";
import { t } from "../lib/i18n";

export const privacyRouter = createRouter().openapi(exportMyDataRoute, async (c) => {
  const viewer = signedInViewer(c);
  const account = await accountSection(c.var.db, viewer.id);
  if (!account) throw new ApiError("unauthorized", t("accounts.gone"));
  // A streamed body: the document is written as it is read, never held whole. The
  // contract documents its JSON shape; the typed c.json would need it all in memory.
  const response = new Response(exportStream(c.var.db, viewer.id, viewer.sessionId, account), {
    headers: {
      ...rateLimitHeaders(c.var.rateLimits ?? []),
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="notebridge-export-${viewer.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
  return response as never;
});
