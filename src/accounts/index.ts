import { eq } from "drizzle-orm";
import { users } from "../db/schema";
import { forgetSession, forgetUserSessions, signedInViewer } from "../lib/auth";
import { isUniqueViolation } from "../lib/db-errors";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import { requestIpRegion } from "../lib/ip-region";
import { charge, clientIp } from "../lib/rate-limit";
import { createRouter } from "../lib/router";
import { activeSuspension } from "../lib/suspension";
import { iso } from "../lib/time";
import { publicProfile } from "../users/view";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";
import { maskPhone, parsePhone } from "./phone";
import { deleteAccount, passwordHashOf, tidyAfterDeletion } from "./deletion";
import { deleteOwnAccountRoute, getOwnProfileRoute, loginRoute, logoutRoute, signupRoute, updateOwnProfileRoute } from "./routes";
import { findUser } from "../users/store";
import { countFailure, forgiveFailures, refuseIfLocked } from "./sign-in-guard";
import { endSession, findUserByPhone, insertUserWithSession, startSession } from "./store";

type UserRow = typeof users.$inferSelect;

const ownProfile = (row: UserRow) => {
  const suspendedUntil = activeSuspension(row.suspendedUntil);
  return {
    ...publicProfile(row),
    phone: maskPhone(row.phoneE164),
    phoneRegion: row.phoneRegion,
    imageQuality: row.imageQuality,
    suspendedUntil: suspendedUntil === null ? null : iso(suspendedUntil),
    timeZone: row.timeZone,
    randomFridays: row.randomFridays,
    otherLanguagePercent: row.otherLanguagePercent,
  };
};

const invalidPhone = () =>
  new ApiError("validation_failed", t("validation.body", { fields: "phone" }), {
    details: [{ field: "phone", location: "body", message: t("accounts.phoneInvalid") }],
  });

export const accounts = createRouter()
  .openapi(signupRoute, async (c) => {
    const input = c.req.valid("json");
    const phone = parsePhone(input.phone, input.region);
    if (!phone) throw invalidPhone();
    const passwordHash = await hashPassword(input.password);
    try {
      const { user, token, expiresAt } = await insertUserWithSession(
        c.var.db,
        { phoneE164: phone.e164, phoneRegion: phone.region, passwordHash, nickname: input.nickname, languages: input.languages },
        requestIpRegion(c),
      );
      return c.json({ ...ownProfile(user), session: { token, tokenType: "Bearer" as const, expiresAt: iso(expiresAt) } }, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError("conflict", t("accounts.phoneTaken"));
      throw error;
    }
  })
  .openapi(loginRoute, async (c) => {
    const input = c.req.valid("json");
    const phone = parsePhone(input.phone, input.region);
    const ip = clientIp(c);
    const [, earlier] = phone
      ? await Promise.all([charge(c, "signin", { phone: phone.e164 }), refuseIfLocked(c.env, phone.e164, ip)])
      : [];
    const user = phone ? await findUserByPhone(c.var.db, phone.e164) : undefined;
    // Check a password even for unknown numbers, so timing doesn't reveal who has an account.
    const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !passwordOk) {
      if (phone) await countFailure(c.env, phone.e164, ip);
      throw new ApiError("unauthorized", t("accounts.wrongCredentials"));
    }
    if (earlier?.failures) c.executionCtx.waitUntil(forgiveFailures(c.env, phone!.e164, ip));
    const session = await startSession(c.var.db, user.id, requestIpRegion(c));
    return c.json(
      { token: session.token, tokenType: "Bearer" as const, expiresAt: iso(session.expiresAt), user: ownProfile(session.user) },
      201,
    );
  })
  .openapi(logoutRoute, async (c) => {
    const { sessionId } = signedInViewer(c);
    forgetSession(sessionId);
    await endSession(c.var.db, sessionId);
    return c.body(null, 204);
  })
  .openapi(getOwnProfileRoute, async (c) => {
    const user = await findUser(c.var.db, signedInViewer(c).id);
    if (!user) throw new ApiError("unauthorized", t("accounts.gone"));
    return c.json(ownProfile(user), 200);
  })
  .openapi(updateOwnProfileRoute, async (c) => {
    const update = c.req.valid("json");
    const ip = requestIpRegion(c);
    const user = await c.var.db
      .update(users)
      .set({ ...update, ipCountry: ip.country, ipRegion: ip.region, updatedAt: Date.now() })
      .where(eq(users.id, signedInViewer(c).id))
      .returning()
      .get();
    if (!user) throw new ApiError("unauthorized", t("accounts.gone"));
    // Cached viewers carry imageQuality and ipCountry: a change applies at once on this isolate.
    forgetUserSessions(user.id);
    return c.json(ownProfile(user), 200);
  })
  .openapi(deleteOwnAccountRoute, async (c) => {
    const viewer = signedInViewer(c);
    const account = await passwordHashOf(c.var.db, viewer.id);
    if (!account) throw new ApiError("unauthorized", t("accounts.gone"));
    const ip = clientIp(c);
    await refuseIfLocked(c.env, account.phone, ip);
    if (!(await verifyPassword(c.req.valid("json").password, account.passwordHash))) {
      await countFailure(c.env, account.phone, ip);
      throw new ApiError("forbidden", t("accounts.deletePasswordWrong"));
    }
    const deleted = await deleteAccount(c.var.db, viewer.id);
    // Sessions were deleted with the account (ON DELETE CASCADE), so every token fails from now on;
    // this isolate's session cache forgets them at once too (other isolates' entries expire on their own).
    forgetUserSessions(viewer.id);
    c.executionCtx.waitUntil(tidyAfterDeletion(c.env, viewer.id, deleted));
    return c.body(null, 204);
  });
