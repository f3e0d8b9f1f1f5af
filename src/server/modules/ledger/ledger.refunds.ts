// Refunds: a journal's postings posted back negated, so other modules (the mall) give points back without reading
// the ledger's tables. The refund carries the original's reference and community; its own key makes it once-only.
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../db/transaction.js';
import { type Posted, postJournal } from './ledger.core.js';
import * as repo from './ledger.repository.js';

export interface RefundInput {
  districtId: string;
  /** The journal to give back (every posting negated). */
  journalId: string;
  reason: string;
  idempotencyKey: string;
  actorId: string | null;
}

/** Posts the negation of a journal as a 'refund' inside the caller's transaction; a repeated key returns the first refund. */
export async function refundJournal(deps: Deps, trx: Executor, input: RefundInput): Promise<Posted> {
  const original = await repo.findJournalById(trx, input.journalId);
  if (!original || original.district_id !== input.districtId)
    throw new Error(`no journal ${input.journalId} in ${input.districtId}`);
  const postings = await repo.postingsOf(trx, input.districtId, [original.id]);
  return postJournal(deps, trx, {
    districtId: input.districtId,
    type: 'refund',
    reason: input.reason,
    actorId: input.actorId,
    refType: original.ref_type,
    refId: original.ref_id,
    idempotencyKey: input.idempotencyKey,
    communityId: original.community_id,
    // The key is derived from the refunded thing (e.g. refund:order:<id>): a replay stands by the first refund.
    replay: 'return-first',
    postings: postings.map((p) => ({ accountId: p.account_id, amount: -Number(p.amount) })),
  });
}
