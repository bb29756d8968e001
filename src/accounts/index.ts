import { eq } from "drizzle-orm";
import { users } from "../db/schema";
import { signedInViewer } from "../lib/auth";
import { isUniqueViolation } from "../lib/db-errors";
import { ApiError } from "../lib/errors";
import { t } from "../lib/i18n";
import { requestIpRegion } from "../lib/ip-region";
import { enforceLimit } from "../lib/rate-limit";
import { createRouter } from "../lib/router";
import { iso } from "../lib/time";
import { publicProfile } from "../users/view";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";
import { maskPhone, parsePhone } from "./phone";
import { getOwnProfileRoute, loginRoute, logoutRoute, signupRoute, updateOwnProfileRoute } from "./routes";
import { findUser } from "../users/store";
import { endSession, findUserByPhone, insertUserWithSession, startSession } from "./store";

type UserRow = typeof users.$inferSelect;

const ownProfile = (row: UserRow) => ({
  ...publicProfile(row),
  phone: maskPhone(row.phoneE164),
  phoneRegion: row.phoneRegion,
});

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
    if (phone) await enforceLimit(c.env.LOGIN_LIMITER, `phone:${phone.e164}`, 60);
    const user = phone ? await findUserByPhone(c.var.db, phone.e164) : undefined;
    // Check a password even for unknown numbers, so timing doesn't reveal who has an account.
    const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !passwordOk) throw new ApiError("unauthorized", t("accounts.wrongCredentials"));
    const session = await startSession(c.var.db, user.id, requestIpRegion(c));
    return c.json(
      { token: session.token, tokenType: "Bearer" as const, expiresAt: iso(session.expiresAt), user: ownProfile(session.user) },
      201,
    );
  })
  .openapi(logoutRoute, async (c) => {
    await endSession(c.var.db, signedInViewer(c).sessionId);
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
    return c.json(ownProfile(user), 200);
  });
