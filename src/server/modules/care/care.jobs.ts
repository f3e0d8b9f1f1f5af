// The care registry's daily job, run from a worker tick (idempotent per China day, safe twice or on two processes):
// each subject that is due within 48 h, overdue, in an emergency, or was last stored yellow/red gets its alert colour
// stored afresh; a yellow or red one not yet noticed today emits careAlert (refId subject:day — the outbox is unique on
// type + refId, so a twin run emits nothing twice) for the notifications module to tell its visitors and community.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { startWorker, type Worker } from '../../platform/worker.js';
import { inTransaction } from '../../db/transaction.js';
import { careAlert } from './care.events.js';
import * as repo from './care.repository.js';
import { alertColour, daysOverdue, DUE_SOON_MS } from './care.rules.js';
import { careDay } from './care.service.js';

const BATCH = 200;

/** One pass: returns how many subjects changed colour and how many alerts were raised today. */
export async function runCareJobs(deps: Deps): Promise<{ recoloured: number; alerted: number }> {
  const now = deps.clock.now();
  const day = careDay(now);
  const soon = new Date(now.getTime() + DUE_SOON_MS).toISOString();
  let recoloured = 0;
  let alerted = 0;
  let after = '';
  for (;;) {
    const rows = await repo.subjectsToCheck(deps.db, soon, after, BATCH);
    if (rows.length === 0) break;
    for (const r of rows) {
      after = r.id;
      const colour = alertColour(r.next_visit_at, Number(r.emergency) === 1, now);
      const notice = colour !== 'blue' && r.alert_day !== day;
      if (colour === r.alert && !notice) continue;
      await inTransaction(deps.db, async ({ trx }) => {
        await repo.setAlert(trx, r.district_id, r.id, colour, notice ? day : r.alert_day);
        const visitorIds = notice ? (await repo.listVisitors(trx, r.district_id, [r.id])).map((v) => v.user_id) : [];
        if (notice)
          await careAlert.emit(trx, deps.clock, {
            districtId: r.district_id,
            refId: `${r.id}:${day}`,
            payload: {
              subjectId: r.id,
              communityId: r.community_id,
              nodeId: r.node_id,
              visitorIds,
              alert: colour === 'red' ? 'red' : 'yellow',
              emergency: Number(r.emergency) === 1,
              daysOverdue: daysOverdue(r.next_visit_at, now),
              nameMasked: r.name_masked,
              at: iso(now),
            },
          });
      });
      if (colour !== r.alert) recoloured += 1;
      if (notice) alerted += 1;
    }
    if (rows.length < BATCH) break;
  }
  return { recoloured, alerted };
}

/** Runs the care job every ten minutes (one notice per subject and day); `stop` on shutdown. */
export function startCareWorker(deps: Deps, log: (err: unknown) => void): Worker {
  return startWorker({ everyMs: 600_000, onError: log, job: () => runCareJobs(deps) });
}
