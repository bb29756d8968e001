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
export function failureForStatus(engine: string, response: Response, detail: string): EngineFailure {
  const retryAfter = Number(response.headers.get("Retry-After"));
  const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  if (response.status === 429) return new EngineFailure(engine, "rate_limited", detail, seconds);
  if (response.status === 456) return new EngineFailure(engine, "quota_exceeded", detail);
  if (response.status >= 500) return new EngineFailure(engine, "unavailable", `HTTP ${response.status}: ${detail}`);
  return new EngineFailure(engine, "rejected", `HTTP ${response.status}: ${detail}`);
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
