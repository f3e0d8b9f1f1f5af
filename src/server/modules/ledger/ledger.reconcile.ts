// Reconciliation of earning against the records module's events, part of verify-ledger: the hash chain proves no
// journal was altered; this proves none is missing. Every accepted service record (its acceptance event) was handled
// by the earning consumer, every superseded record that had earned was reversed, and nothing earned without an
// acceptance. A record capped to 0 points legitimately has no journal: being handled is what is checked for it.
import type { Executor } from '../../db/transaction.js';
import { serviceRecordAccepted, serviceRecordSuperseded } from '../records/index.js';
import { CONSUMER } from './ledger.earning.js';

export interface ReconcileProblem {
  journalId: string | null;
  problem: string;
}

/** Acceptances older than this that are still unhandled are reported (younger ones may be in the worker's queue). */
export const UNHANDLED_GRACE_MS = 10 * 60_000;

/** Problems between a district's service-record events and its earning journals; empty when they agree. */
export async function reconcileEarning(db: Executor, districtId: string, now: Date): Promise<ReconcileProblem[]> {
  const cutoff = new Date(now.getTime() - UNHANDLED_GRACE_MS).toISOString();
  const problems: ReconcileProblem[] = [];

  const unhandled = await db
    .selectFrom('domain_events as e')
    .select(['e.id', 'e.ref_id'])
    .where('e.district_id', '=', districtId)
    .where('e.type', '=', serviceRecordAccepted.type)
    .where('e.created_at', '<', cutoff)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('event_consumptions as c')
            .select('c.event_id')
            .whereRef('c.district_id', '=', 'e.district_id')
            .where('c.consumer', '=', CONSUMER)
            .whereRef('c.event_id', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.id')
    .execute();
  for (const e of unhandled) {
    problems.push({
      journalId: null,
      problem: `accepted service record ${e.ref_id} never turned into points (event ${e.id} not handled)`,
    });
  }

  const unreversed = await db
    .selectFrom('domain_events as e')
    .innerJoin('journals as j', (jn) =>
      jn
        .onRef('j.district_id', '=', 'e.district_id')
        .onRef('j.ref_id', '=', 'e.ref_id')
        .on('j.type', '=', 'earn')
        .on('j.ref_type', '=', 'service_record'),
    )
    .select(['e.ref_id', 'j.id as journal_id', 'e.created_at'])
    .where('e.district_id', '=', districtId)
    .where('e.type', '=', serviceRecordSuperseded.type)
    .where('e.created_at', '<', cutoff)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('journals as r')
            .select('r.id')
            .whereRef('r.district_id', '=', 'j.district_id')
            .whereRef('r.reverses_id', '=', 'j.id'),
        ),
      ),
    )
    .orderBy('e.id')
    .execute();
  for (const u of unreversed) {
    problems.push({
      journalId: u.journal_id,
      problem: `service record ${u.ref_id} was superseded but its earning was not reversed`,
    });
  }

  const orphans = await db
    .selectFrom('journals as j')
    .select(['j.id', 'j.ref_id'])
    .where('j.district_id', '=', districtId)
    .where('j.type', '=', 'earn')
    .where('j.ref_type', '=', 'service_record')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('domain_events as e')
            .select('e.id')
            .whereRef('e.district_id', '=', 'j.district_id')
            .where('e.type', '=', serviceRecordAccepted.type)
            .whereRef('e.ref_id', '=', 'j.ref_id'),
        ),
      ),
    )
    .orderBy('j.seq')
    .execute();
  for (const o of orphans) {
    problems.push({
      journalId: o.id,
      problem: `points were earned for service record ${o.ref_id ?? '?'} that was never accepted`,
    });
  }
  return problems;
}
