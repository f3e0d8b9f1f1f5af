// A small background runner: runs a job when nudged and every few seconds, never two runs of the same job at once
// (a nudge during a run schedules one more run after it), and stops cleanly (waits for the run in flight).

export interface Worker {
  /** Asks for a run soon (coalesced with a run in flight). */
  nudge: () => void;
  /** Stops the timer and waits for the run in flight. */
  stop: () => Promise<void>;
}

/** Starts a worker running `job` now, on every nudge and every `everyMs`; errors go to `onError`. */
export function startWorker(opts: {
  job: () => Promise<unknown>;
  everyMs: number;
  onError: (err: unknown) => void;
  /** Run once at start (default true). */
  runAtStart?: boolean;
}): Worker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = opts
      .job()
      .then(() => undefined, opts.onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, opts.everyMs);
  timer.unref();
  if (opts.runAtStart !== false) run();
  return {
    nudge: run,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
