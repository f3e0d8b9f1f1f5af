// Reconciliation of earning against the records module's events, part of verify-ledger: the hash chain proves no
// journal was altered; this proves none is missing. Every accepted service record (its acceptance event) was handled
// by the earning consumer, every superseded record that had earned was reversed, and nothing earned without an
// acceptance. A record capped to 0 points legitimately has no journal: being handled is what is checked for it.
import type { Executor } from '../../db/transaction.js';
import { serviceRecordAccepted, serviceRecordSuperseded } from '../records/index.js';
import { CONSUMER } from './ledger.earning.js';

export interface ReconcileProblem {
  journalId: string | null;
  /** A key of LEDGER_PROBLEM_TEXTS (platform/messages.ts); params fill its text. */
  code: 'earning_unhandled' | 'earning_not_reversed' | 'earning_without_acceptance';
  params: Record<string, string | number>;
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
      code: 'earning_unhandled',
      params: { record: e.ref_id, event: e.id },
    });
  }

  // Superseded records are few: start from them, find what they earned, and look each reversal up by its key
  // (`reverse:<journal>`, a unique index). Starting from the journals would scan them once per earning.
  const superseded = await db
    .selectFrom('domain_events as e')
    .select('e.ref_id')
    .where('e.district_id', '=', districtId)
    .where('e.type', '=', serviceRecordSuperseded.type)
    .where('e.created_at', '<', cutoff)
    .orderBy('e.id')
    .execute();
  for (let i = 0; i < superseded.length; i += 500) {
    const refIds = superseded.slice(i, i + 500).map((e) => e.ref_id);
    const earned = await db
      .selectFrom('journals')
      .select(['id', 'ref_id'])
      .where('district_id', '=', districtId)
      .where('ref_type', '=', 'service_record')
      .where('ref_id', 'in', refIds)
      .where('type', '=', 'earn')
      .execute();
    if (earned.length === 0) continue;
    const reversed = new Set(
      (
        await db
          .selectFrom('journals')
          .select('reverses_id')
          .where('district_id', '=', districtId)
          .where(
            'idempotency_key',
            'in',
            earned.map((j) => `reverse:${j.id}`),
          )
          .execute()
      ).map((r) => r.reverses_id),
    );
    for (const j of earned) {
      if (reversed.has(j.id)) continue;
      problems.push({
        journalId: j.id,
        code: 'earning_not_reversed',
        params: { record: j.ref_id ?? '?' },
      });
    }
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
      code: 'earning_without_acceptance',
      params: { record: o.ref_id ?? '?' },
    });
  }
  return problems;
}
