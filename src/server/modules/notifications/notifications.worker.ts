// The notifications worker: consumes events into notices when nudged after a commit and every few seconds, sends due
// deliveries, and every few minutes scans for reminders and expiring vouchers. Hourly, the consumer does a full scan
// of the outbox (an event whose producer committed very late).
import type { Deps } from '../../platform/context.js';
import { startWorker, type Worker } from '../../platform/worker.js';
import { processNotificationEvents, scanScheduledNotices } from './notifications.consumer.js';
import { deliverDue } from './notifications.deliveries.js';

/** Starts the notifications jobs; `nudge` after events commit, `stop` on shutdown. */
export function startNotificationWorker(deps: Deps, log: (err: unknown) => void): Worker {
  let lastFullScan = 0;
  const events = startWorker({
    everyMs: 3000,
    onError: log,
    job: async () => {
      const fullScan = Date.now() - lastFullScan > 3600_000;
      if (fullScan) lastFullScan = Date.now();
      await processNotificationEvents(deps, { fullScan, onError: log });
      await deliverDue(deps);
    },
  });
  const scans = startWorker({ everyMs: 5 * 60_000, onError: log, job: () => scanScheduledNotices(deps) });
  return {
    nudge: events.nudge,
    stop: async () => {
      await Promise.all([events.stop(), scans.stop()]);
    },
  };
}
