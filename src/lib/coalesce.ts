/**
 * Wraps a task so that runs never overlap and each caller's promise settles
 * after a run that started after its call. Callers that arrive while a run is
 * waiting to start share it, so a burst of calls costs one or two runs.
 * @example const catchUp = coalesced(() => pullChanges()); await catchUp();
 */
export function coalesced<T = void>(task: () => Promise<T>): () => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  let waiting: Promise<T> | null = null;
  return () => {
    if (!waiting) {
      const run = previous.then(() => {
        waiting = null;
        return task();
      });
      waiting = run;
      previous = run.catch(() => undefined);
    }
    return waiting;
  };
}
