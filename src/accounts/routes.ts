import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, requireAuth } from "../lib/auth";
import { errorResponses } from "../lib/errors";
import { jsonBody, jsonResponse, limitedJsonResponse } from "../lib/openapi";
import { limit } from "../lib/rate-limit";
import { DeleteAccountSchema, LoginSchema, NewAccountSchema, OwnProfileSchema, ProfileUpdateSchema, SessionSchema, SignupSchema } from "./schemas";

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
  middleware: [limit("signup")] as const,
  request: { body: jsonBody(SignupSchema) },
  responses: {
    201: limitedJsonResponse(NewAccountSchema, "The new account, signed in"),
    ...errorResponses(409, 413, 415, 429, 503),
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
    "The token is shown once and stored only as a hash, so this create takes no Idempotency-Key: a replay could not return it. Sessions last 30 days.\n\n" +
    "Attempts are limited per address and per phone number. Failed attempts slow down and then lock sign-in: from one address to one number, after 3 failures each further attempt waits 1, 2, 4… seconds, and 10 failures in 15 minutes lock that pair for 15 minutes; 50 failures to one number in an hour from anywhere lock the number for 15 minutes. A lock always ends, attempts during a lock are refused without being counted, and sessions already signed in are not affected. Refusals are 429 with Retry-After.",
  middleware: [limit("signin")] as const,
  request: { body: jsonBody(LoginSchema) },
  responses: {
    201: limitedJsonResponse(SessionSchema, "Signed in"),
    ...errorResponses(401, 413, 415, 429, 503),
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
  summary: "Change your nickname, bio, languages, image quality or feed preferences",
  description: "A suspended account can't change its profile (403 `account_suspended`).",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write")] as const,
  request: { body: jsonBody(ProfileUpdateSchema) },
  responses: { 200: jsonResponse(OwnProfileSchema, "Your updated profile"), ...errorResponses(401, 403, 413, 415, 429) },
});

export const deleteOwnAccountRoute = createRoute({
  method: "delete",
  path: "/v1/me",
  operationId: "deleteMyAccount",
  tags,
  summary: "Delete your account and your personal data, for good",
  description:
    "Needs your password again. In one transaction it deletes your profile, phone number, sessions (every token stops working), notes (their comments, likes, collects and receipts go with them, and their live threads close), comments, likes, collects, follows, blocks, mutes, glossary explanations and votes. " +
    "Your top-level comments that others replied to become an empty placeholder by `[deleted]` (`deleted: true`), so the replies keep their place; the rest of your comments are removed. " +
    "Cat tax receipts you stamped stay in their cats' books, without your name, so receipt numbers keep no gaps. Every count (likes, followers, comments, topics, receipts, votes) stays exact. " +
    "Failed password checks count towards the sign-in lock.",
  security: bearerSecurity,
  middleware: [requireAuth, limit("write")] as const,
  request: { body: jsonBody(DeleteAccountSchema) },
  responses: {
    204: { description: "Deleted; your tokens no longer work" },
    ...errorResponses(401, 403, 413, 415, 429, 503),
  },
});
