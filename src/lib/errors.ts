import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { isForeignKeyViolation } from "./db-errors";

/** Every failure the API reports, with the HTTP status it maps to. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  invalid_cursor: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_request_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  upgrade_required: 426,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

export type FieldIssue = {
  field: string;
  location: "body" | "query" | "path" | "header";
  message: string;
};

/**
 * The one error type handlers throw; `onError` turns it into the envelope.
 * @example throw new ApiError("not_found", "Note not found")
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details?: FieldIssue[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(errorStatus[code], { message });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
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
    }),
  })
  .openapi("Error");

export type ErrorBody = z.infer<typeof ErrorSchema>;

const statusMessages: Partial<Record<number, [ErrorCode, string]>> = {
  400: ["bad_request", "The request could not be understood"],
  401: ["unauthorized", "Authentication required"],
  404: ["not_found", "Not found"],
  413: ["payload_too_large", "The request body is too large"],
  415: ["unsupported_media_type", "Send the body as application/json"],
};

/** The envelope for an ApiError, for HTTP responses and live-thread error events alike. */
export function errorBody(err: ApiError, requestId: string): ErrorBody {
  return { error: { code: err.code, message: err.message, requestId, ...(err.details ? { details: err.details } : {}) } };
}

/** Converts anything thrown into the envelope; unknown errors become a 500 without internals. */
export function errorResponse(c: Context, err: unknown): Response {
  const requestId = c.get("requestId") ?? "unknown";
  if (err instanceof ApiError) return c.json(errorBody(err, requestId), err.status, err.headers);
  if (err instanceof HTTPException && err.status < 500) {
    const [code, fallback] = statusMessages[err.status] ?? ["bad_request", "Bad request"];
    const message = err.message || fallback;
    return c.json({ error: { code, message, requestId } } satisfies ErrorBody, err.status);
  }
  if (isForeignKeyViolation(err)) {
    const body: ErrorBody = {
      error: { code: "conflict", message: "Something this request refers to was deleted meanwhile", requestId },
    };
    return c.json(body, 409);
  }
  console.error(JSON.stringify({ level: "error", requestId, error: err instanceof Error ? err.stack : String(err) }));
  return c.json(
    { error: { code: "internal_error", message: "Something went wrong on our side", requestId } } satisfies ErrorBody,
    500,
  );
}

const locations = { json: "body", query: "query", param: "path", header: "header" } as const;

export function validationError(target: string, error: ZodError): ApiError {
  const location = locations[target as keyof typeof locations] ?? "body";
  const details = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join(".") : "(root)",
    location,
    message: issue.message,
  }));
  const fields = [...new Set(details.map((d) => d.field))].join(", ");
  return new ApiError("validation_failed", `Invalid ${location} fields: ${fields}`, { details });
}

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
      { description: descriptions[status] ?? "Error", content: { "application/json": { schema: ErrorSchema } } },
    ]),
  ) as Record<number, { description: string; content: { "application/json": { schema: typeof ErrorSchema } } }>;
}

/** For routes with nothing else to refuse: any route refuses an invalid bearer token. */
export const badTokenResponse = { 401: errorResponses(401)[401]! };
