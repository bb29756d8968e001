import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { isForeignKeyViolation } from "./db-errors";
import { type Locale, type Text, render, t } from "./i18n";
import { zodIssueText } from "./i18n/zod";

/** Every failure the API reports, with the HTTP status it maps to. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  invalid_cursor: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  account_suspended: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_request_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  invalid_webhook_payload: 422,
  upgrade_required: 426,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

export type FieldIssue = {
  field: string;
  location: "body" | "query" | "path" | "header";
  message: Text;
};

/**
 * The one error type handlers throw; `onError` turns it into the envelope, with the
 * message in the reader's language. Give it a catalogue text (`t(key, params)`, see
 * lib/i18n/messages/); a plain string is shown as written, to every reader.
 * `message` stays English, for logs.
 * @example throw new ApiError("not_found", t("notes.notFound"))
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly text: Text;
  readonly details?: FieldIssue[];
  readonly headers?: Record<string, string>;
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    message: Text,
    options: { details?: FieldIssue[]; headers?: Record<string, string>; retryAfter?: number } = {},
  ) {
    super(errorStatus[code], { message: render(message, "en") });
    this.code = code;
    this.text = message;
    this.details = options.details;
    this.headers = options.headers;
    this.retryAfter = options.retryAfter;
  }
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]).openapi({ example: "validation_failed" }),
      message: z.string().openapi({ example: "The request has invalid fields" }),
      requestId: z.string().openapi({ description: "Quote this when reporting a problem", example: "01JH7Z3V6N1Q2M8W4K5T9R0XYZ" }),
      details: z
        .array(
          z.object({
            field: z.string().openapi({ example: "media.2.width" }),
            location: z.enum(["body", "query", "path", "header"]),
            message: z.string().openapi({ example: "Too big: expected number to be <=20000" }),
          }),
        )
        .optional()
        .openapi({ description: "Present on validation errors: one entry per offending field" }),
      retryAfter: z
        .number()
        .int()
        .optional()
        .openapi({ description: "On 429 and some 503s: seconds to wait, as in the Retry-After header", example: 42 }),
    }),
  })
  .openapi("Error");

export type ErrorBody = z.infer<typeof ErrorSchema>;

const statusErrors: Partial<Record<number, ApiError>> = {
  400: new ApiError("bad_request", t("request.badRequest")),
  401: new ApiError("unauthorized", t("auth.required")),
  404: new ApiError("not_found", t("request.notFound")),
  413: new ApiError("payload_too_large", t("request.tooLarge")),
  415: new ApiError("unsupported_media_type", t("request.notJson")),
};

/** The envelope for an ApiError in the reader's language, for HTTP responses and live-thread error events alike. */
export function errorBody(err: ApiError, requestId: string, locale: Locale = "en"): ErrorBody {
  const details = err.details?.map((issue) => ({ ...issue, message: render(issue.message, locale) }));
  return {
    error: {
      code: err.code,
      message: render(err.text, locale),
      requestId,
      ...(details ? { details } : {}),
      ...(err.retryAfter !== undefined ? { retryAfter: err.retryAfter } : {}),
    },
  };
}

/** Converts anything thrown into the envelope; unknown errors become a 500 without internals. */
export function errorResponse(c: Context, err: unknown): Response {
  const requestId = c.get("requestId") ?? "unknown";
  const locale: Locale = c.get("locale") ?? "en";
  if (err instanceof ApiError) return c.json(errorBody(err, requestId, locale), err.status, err.headers);
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own refusals (malformed JSON, wrong content type) speak the status's catalogue text.
    const malformed = err.message === "Malformed JSON in request body";
    const known = malformed ? new ApiError("bad_request", t("request.malformedJson")) : (statusErrors[err.status] ?? statusErrors[400]!);
    return c.json(errorBody(known, requestId, locale), err.status);
  }
  if (isForeignKeyViolation(err)) {
    return c.json(errorBody(new ApiError("conflict", t("request.referenceDeleted")), requestId, locale), 409);
  }
  console.error(JSON.stringify({ level: "error", requestId, error: err instanceof Error ? err.stack : String(err) }));
  return c.json(errorBody(new ApiError("internal_error", t("request.internalError")), requestId, locale), 500);
}

const locations = { json: "body", query: "query", param: "path", header: "header" } as const;

export function validationError(target: string, error: ZodError): ApiError {
  const location = locations[target as keyof typeof locations] ?? "body";
  const details = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join(".") : "(root)",
    location,
    message: zodIssueText(issue),
  }));
  const fields = [...new Set(details.map((d) => d.field))].join(", ");
  return new ApiError("validation_failed", t(`validation.${location}`, { fields }), { details });
}

const tooManyHeaders = {
  "Retry-After": { description: "Seconds until the budget resets", schema: { type: "integer" as const, example: 42 } },
  "RateLimit-Policy": { description: "The budgets applied (draft-ietf-httpapi-ratelimit-headers)", schema: { type: "string" as const, example: '"comment";q=120;w=60' } },
  RateLimit: { description: "What is left of each budget: none of the one that refused", schema: { type: "string" as const, example: '"comment";r=0;t=42' } },
};

/** The error responses every route documents; spread into `responses`. */
export function errorResponses(...codes: number[]) {
  const descriptions: Record<number, string> = {
    400: "Malformed JSON or invalid fields",
    401: "Missing, invalid or expired bearer token",
    403: "Signed in, but not allowed to do this",
    404: "The resource does not exist",
    409: "Conflicts with the current state",
    413: "Body over the size limit",
    415: "Body is not JSON",
    422: "Idempotency-Key reused with a different request",
    426: "Not a WebSocket upgrade: send Upgrade: websocket",
    429: "Too many requests: retry after the Retry-After seconds",
    503: "A dependency is unavailable: retry later",
  };
  return Object.fromEntries(
    [...new Set([400, ...codes])].map((status) => [
      status,
      {
        description: descriptions[status] ?? "Error",
        content: { "application/json": { schema: ErrorSchema } },
        ...(status === 429 ? { headers: tooManyHeaders } : {}),
      },
    ]),
  ) as Record<number, { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }>;
}

/** For routes with nothing else to refuse: any route refuses an invalid bearer token. */
export const badTokenResponse = { 401: errorResponses(401)[401]! };
