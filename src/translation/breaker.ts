/*
 * A circuit breaker per engine, kept in the isolate's memory. Each isolate learns
 * within a few requests that an engine is down and stops calling it; KV would
 * share that knowledge, but its writes are eventually consistent and limited to
 * one per second per key, and every request would pay a read for the state.
 */
import type { EngineFailure } from "./engines/engine";

/** Failures within this many seconds of each other open the circuit. */
export const FAILURES_TO_OPEN = 3;
const FAILURE_WINDOW_SECONDS = 60;
export const OPEN_SECONDS = 30;
/** DeepL's quota resets monthly: no point asking again for a while. */
export const QUOTA_OPEN_SECONDS = 600;

type State = { failures: number; lastFailure: number; openUntil: number };

const states = new Map<string, State>();

const stateOf = (engine: string) => states.get(engine) ?? { failures: 0, lastFailure: 0, openUntil: 0 };

/** False while the engine's circuit is open; after the pause one trial call goes through. */
export const isAvailable = (engine: string, now = Date.now()) => stateOf(engine).openUntil <= now;

export function recordSuccess(engine: string): void {
  states.delete(engine);
}

/** Keyed by the engine's id as the chain knows it, whatever name the failure carries. */
export function recordFailure(engine: string, failure: EngineFailure, now = Date.now()): void {
  if (failure.kind === "garbled" || failure.kind === "rejected") return; // a bad answer to one request, not an outage
  const state = stateOf(engine);
  const recent = now - state.lastFailure <= FAILURE_WINDOW_SECONDS * 1000;
  const failures = (recent ? state.failures : 0) + 1;
  let openSeconds = 0;
  if (failure.kind === "quota_exceeded") openSeconds = QUOTA_OPEN_SECONDS;
  else if (failure.retryAfterSeconds) openSeconds = failure.retryAfterSeconds;
  else if (failures >= FAILURES_TO_OPEN) openSeconds = OPEN_SECONDS;
  states.set(engine, { failures, lastFailure: now, openUntil: openSeconds ? now + openSeconds * 1000 : state.openUntil });
}

/** Seconds until the first open circuit among `engines` lets a trial call through. */
export function secondsUntilRetry(engines: string[], now = Date.now()): number {
  const waits = engines.map((engine) => Math.ceil((stateOf(engine).openUntil - now) / 1000)).filter((s) => s > 0);
  return waits.length ? Math.min(...waits) : OPEN_SECONDS;
}
