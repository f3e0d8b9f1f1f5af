// The star jobs, safe to run twice or at once on two processes:
// - the `stars` consumer of `service_record.accepted` events (its own consumption rows, platform/events.ts): a record's
//   acceptance may cross the next threshold, and the next level is publicised (one level at a time);
// - settling: promotions whose publicity period is over without objection take effect (a conditional UPDATE at the
//   row's version, so a twin run moves each once), and the level after follows when the hours reach it.
import type { Deps } from '../../platform/context.js';
import { consumeEvents, on } from '../../platform/events.js';
import { startWorker, type Worker } from '../../platform/worker.js';
import { serviceRecordAccepted } from '../records/index.js';
import { detectPromotion, settleEndedPublicity } from './stars.service.js';

export const STAR_CONSUMER = 'stars';

/** Handles accepted records not yet seen by the star consumer; returns how many events it handled. */
export function consumeStarEvents(deps: Deps, opts: { fullScan?: boolean; onError?: (err: unknown) => void } = {}) {
  return consumeEvents(deps, {
    consumer: STAR_CONSUMER,
    fullScan: opts.fullScan,
    onError: opts.onError,
    handlers: [
      on(serviceRecordAccepted, async (trx, e) => {
        await detectPromotion(deps, trx, e.districtId, e.payload.userId, e.payload.teamId);
      }),
    ],
  });
}

/** One run of the star jobs: new acceptances, then publicity periods that ended. */
export async function runStarJobs(deps: Deps, opts: { fullScan?: boolean } = {}) {
  const promoted = await consumeStarEvents(deps, opts);
  const effective = await settleEndedPublicity(deps);
  return { promoted, effective };
}

/** Starts the star jobs (every minute and when nudged after a commit; a full event scan hourly). */
export function startStarWorker(deps: Deps, log: (err: unknown) => void): Worker {
  let fullAt = 0;
  return startWorker({
    everyMs: 60_000,
    onError: log,
    job: async () => {
      const fullScan = Date.now() - fullAt > 3600_000;
      await runStarJobs(deps, { fullScan });
      if (fullScan) fullAt = Date.now();
    },
  });
}
