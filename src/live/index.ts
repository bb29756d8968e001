import { ApiError, type ErrorCode } from "../lib/errors";
import { type LocalText, t } from "../lib/i18n";
import { requestIpRegion } from "../lib/ip-region";
import { clientIp, enforceBudget } from "../lib/rate-limit";
import { createRouter } from "../lib/router";
import { requireNote } from "../notes/store";
import { supportedLanguage } from "../translation/languages";
import { connectRequest } from "./connect";
import { liveThreadRoute } from "./routes";

export const liveRouter = createRouter().openapi(liveThreadRoute, async (c) => {
  const { id } = c.req.valid("param");
  const { after, language: requested } = c.req.valid("query");
  // zh-CN, zh and zh-Hans readers share one translation of each comment.
  const language = requested && (supportedLanguage(requested) ?? requested);
  if (["token", "access_token"].some((name) => c.req.query(name) !== undefined)) {
    throw new ApiError("bad_request", t("live.tokenInUrl", { message: '{"type":"auth","token":"…"}' }));
  }
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    throw new ApiError("upgrade_required", t("live.upgradeRequired"), { headers: { Upgrade: "websocket" } });
  }
  await enforceBudget(c.env, "live", { ip: clientIp(c) });
  // Threads are shared by everyone watching, so only a note anyone may see has one.
  await requireNote(c.var.db, id, null);
  const thread = c.env.NOTE_THREAD.getByName(id);
  const response = await thread.fetch(connectRequest({ noteId: id, after, language, locale: c.var.locale, ip: requestIpRegion(c) }));
  if (response.status !== 101 || !response.webSocket) {
    const refusal = await response.json<{ code: ErrorCode; message: string | LocalText }>();
    throw new ApiError(refusal.code, refusal.message, { headers: { "Retry-After": "30" } });
  }
  // A fresh response, so the app's middleware may add its headers.
  return new Response(null, { status: 101, webSocket: response.webSocket });
});
