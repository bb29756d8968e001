import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { jsonBody, jsonResponse } from "../lib/openapi";
import { clientIp, rateLimit } from "../lib/rate-limit";
import { LoginSchema, NewAccountSchema, OwnProfileSchema, ProfileUpdateSchema, SessionSchema, SignupSchema } from "./schemas";

const tags = ["Accounts"];

export const signupRoute = createRoute({
  method: "post",
  path: "/v1/users",
  operationId: "signUp",
  security: [],
  tags,
  summary: "Sign up with a phone number from any country",
  description:
    "The number is normalised to E.164 and must be a real, valid number for its region. Signing up signs you in: the answer carries a session token, as `POST /v1/sessions` would give. Because the token is shown once and stored only as a hash, this create takes no Idempotency-Key: a retry of a sign-up that went through answers 409, and you sign in instead.",
  middleware: [rateLimit((env) => env.SIGNUP_LIMITER, clientIp, 60)] as const,
  request: { body: jsonBody(SignupSchema) },
  responses: {
    201: jsonResponse(NewAccountSchema, "The new account, signed in"),
    ...errorResponses(409, 413, 415, 429),
  },
});

export const loginRoute = createRoute({
  method: "post",
  path: "/v1/sessions",
  operationId: "signIn",
  security: [],
  tags,
  summary: "Sign in: exchange phone and password for a bearer token",
  description:
    "The token is shown once and stored only as a hash, so this create takes no Idempotency-Key: a replay could not return it. Sessions last 30 days.",
  middleware: [rateLimit((env) => env.LOGIN_LIMITER, clientIp, 60)] as const,
  request: { body: jsonBody(LoginSchema) },
  responses: {
    201: jsonResponse(SessionSchema, "Signed in"),
    ...errorResponses(401, 413, 415, 429),
  },
});

export const logoutRoute = createRoute({
  method: "delete",
  path: "/v1/sessions/current",
  operationId: "signOut",
  tags,
  summary: "Sign out: revoke the token used for this request",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  responses: { 204: { description: "Signed out; the token no longer works" }, ...errorResponses(401) },
});

export const getOwnProfileRoute = createRoute({
  method: "get",
  path: "/v1/me",
  operationId: "getOwnProfile",
  tags,
  summary: "Your own profile, with your masked phone number",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse(OwnProfileSchema, "Your profile"), ...errorResponses(401) },
});

export const updateOwnProfileRoute = createRoute({
  method: "patch",
  path: "/v1/me",
  operationId: "updateOwnProfile",
  tags,
  summary: "Change your nickname, bio or languages",
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { body: jsonBody(ProfileUpdateSchema) },
  responses: { 200: jsonResponse(OwnProfileSchema, "Your updated profile"), ...errorResponses(401, 413, 415) },
});
