/** A machine-translation service or library the fallback chain can call. */
export interface Engine {
  /** Stable id, part of every cache key: change it when the engine's output changes. */
  readonly id: string;
  readonly name: string;
  /** What a reader should expect of the result, shown with every translation. */
  readonly quality: string;
  supports(source: string, target: string): boolean;
  /**
   * Translates each segment; `⟦n⟧` placeholders (protected glossary terms) must
   * come back unchanged. Throws `EngineFailure` when the service can't answer.
   */
  translate(segments: string[], source: string, target: string, signal: AbortSignal): Promise<string[]>;
}

export type FailureKind = "timeout" | "rate_limited" | "quota_exceeded" | "unavailable" | "rejected" | "garbled";

/** Why an engine gave no usable answer; the chain moves on to the next engine. */
export class EngineFailure extends Error {
  constructor(
    readonly engine: string,
    readonly kind: FailureKind,
    detail: string,
    /** Seconds the service asked us to wait (429 Retry-After), if it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${engine}: ${kind}: ${detail}`);
  }
}

/** Maps an HTTP error status from a translation API to a failure kind. */
function failureForStatus(engine: string, response: Response, detail: string): EngineFailure {
  const retryAfter = Number(response.headers.get("Retry-After"));
  const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  if (response.status === 429) return new EngineFailure(engine, "rate_limited", detail, seconds);
  if (response.status === 456) return new EngineFailure(engine, "quota_exceeded", detail);
  if (response.status >= 500) return new EngineFailure(engine, "unavailable", `HTTP ${response.status}: ${detail}`);
  return new EngineFailure(engine, "rejected", `HTTP ${response.status}: ${detail}`);
}

/**
 * POSTs JSON to a translation API and returns its JSON answer; any failure
 * (network, timeout, error status with the service's own message) becomes an
 * EngineFailure.
 */
export async function postJson(
  engine: string,
  url: string,
  init: { headers?: Record<string, string>; body: unknown; signal: AbortSignal },
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { ...init.headers, "Content-Type": "application/json" },
      body: JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (error) {
    throw failureForError(engine, error);
  }
  const body = (await response.json().catch(() => null)) as { message?: unknown; error?: unknown } | null;
  if (!response.ok) throw failureForStatus(engine, response, String(body?.message ?? body?.error ?? response.statusText));
  if (body === null) throw new EngineFailure(engine, "garbled", "the answer is not JSON");
  return body;
}

/** The translated texts, if the answer holds one string per segment sent. */
export function textsOrFailure(engine: string, texts: unknown, count: number): string[] {
  if (!Array.isArray(texts) || texts.length !== count || texts.some((t) => typeof t !== "string")) {
    throw new EngineFailure(engine, "garbled", "unexpected response shape");
  }
  return texts;
}

/** Turns a thrown fetch error (abort, network) into an EngineFailure. */
export function failureForError(engine: string, error: unknown): EngineFailure {
  if (error instanceof EngineFailure) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new EngineFailure(engine, "timeout", "no answer in time");
  }
  return new EngineFailure(engine, "unavailable", error instanceof Error ? error.message : String(error));
}
