import { ApiError, validationError } from "../lib/errors";
import { type ClientMessage, ClientMessageSchema } from "./schemas";

/** A client's message, or the error to answer it with (echoing its `ref` when it has a usable one). */
export function readClientMessage(message: string | ArrayBuffer): { message: ClientMessage } | { error: ApiError; ref?: string } {
  if (typeof message !== "string") return { error: new ApiError("bad_request", "Send JSON text messages, not binary ones") };
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return { error: new ApiError("bad_request", "The message is not valid JSON") };
  }
  const result = ClientMessageSchema.safeParse(parsed);
  if (result.success) return { message: result.data };
  const { details } = validationError("json", result.error);
  const ref = (parsed as { ref?: unknown } | null)?.ref;
  return {
    error: new ApiError("validation_failed", `Invalid message fields: ${[...new Set(details?.map((d) => d.field))].join(", ")}`, { details }),
    ref: typeof ref === "string" && /^[\x21-\x7e]{1,64}$/.test(ref) ? ref : undefined,
  };
}
