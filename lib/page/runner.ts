/**
 * One check of the page at a time. Asking while a check runs makes one more run after it
 * (however often it was asked): the page changed during the run (a paragraph added while the
 * background matched), so what the run read may already be out of date.
 */
export interface Runner {
  /** Runs `task`; while it runs, queues one more run. Resolves when the run asked for ends. */
  request(): Promise<void>;
  readonly running: boolean;
}

export function createRunner(task: () => Promise<void>): Runner {
  /** The last run started or queued; undefined once it has ended. */
  let last: Promise<void> | undefined;
  /** A run queued after the current one and not started yet. */
  let queued: Promise<void> | undefined;
  return {
    request() {
      if (queued) return queued;
      const run = last
        ? (queued = last.then(() => {
            queued = undefined;
            return task();
          }))
        : task();
      // `last` never rejects: a failed run is the asker's to handle; the next run still starts.
      const settled: Promise<void> = run.then(
        () => undefined,
        () => undefined,
      );
      last = settled;
      void settled.then(() => {
        if (last === settled) last = undefined;
      });
      return run;
    },
    get running() {
      return last !== undefined;
    },
  };
}
