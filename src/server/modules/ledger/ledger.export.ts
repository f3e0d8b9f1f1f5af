// The public export of a district's whole journal chain (issue 14), a page at a time in chain order, with everything
// the canonical encoding hashes, so anyone can recompute every hash and link (tools/verify-chain.mjs does).
// Masked: no names, phones or owners — accounts appear only as their opaque id, kind and purpose. The hashed fields
// themselves carry no name or phone: reasons are the public ledger's, ids are ULIDs, idempotency keys are system
// keys built from ids or a client's random key.
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { findNode } from '../org/index.js';
import * as repo from './ledger.repository.js';
import { GENESIS_HASH } from './ledger.rules.js';

export interface ChainJournal {
  seq: number;
  id: string;
  type: string;
  reason: string;
  refType: string | null;
  refId: string | null;
  actorId: string | null;
  idempotencyKey: string;
  reversesId: string | null;
  communityId: string | null;
  effectiveDate: string;
  createdAt: string;
  postings: Array<{ line: number; accountId: string; amount: number; accountKind: string; accountPurpose: string }>;
  prevHash: string;
  hash: string;
}

export interface ChainPage {
  districtId: string;
  encoding: 'linli-journal-v1';
  /** The head when this page was read. */
  head: { count: number; hash: string };
  items: ChainJournal[];
  nextCursor: string | null;
}

/** One page of a district's chain, oldest first; `cursor` continues after the last seq of the previous page. */
export async function exportLedgerChain(
  deps: Deps,
  districtId: string,
  q: { cursor?: string; limit?: number } = {},
): Promise<ChainPage> {
  const district = await findNode(deps.db, districtId);
  if (!district || district.kind !== 'district') throw notFound('org_node');
  const limit = q.limit ?? 500;
  const key = decodeCursor(q.cursor) ?? '0';
  if (!/^\d{1,12}$/.test(key))
    throw new AppError('VALIDATION_FAILED', { summary: 'cursor' }, [{ field: 'cursor', message: 'v.cursor' }]);
  const after = Number(key);
  const head = await repo.getHead(deps.db, districtId);
  const rows = await repo.journalsInOrder(deps.db, districtId, after, limit + 1);
  const kept = rows.slice(0, limit);
  const postings = await repo.postingsOf(
    deps.db,
    districtId,
    kept.map((j) => j.id),
  );
  const accountIds = [...new Set(postings.map((p) => p.account_id))];
  const accounts = accountIds.length
    ? await deps.db
        .selectFrom('point_accounts')
        .select(['id', 'kind', 'purpose'])
        .where('district_id', '=', districtId)
        .where('id', 'in', accountIds)
        .execute()
    : [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const byJournal = new Map<string, repo.PostingRow[]>();
  for (const p of postings) byJournal.set(p.journal_id, [...(byJournal.get(p.journal_id) ?? []), p]);
  const last = kept.at(-1);
  return {
    districtId,
    encoding: 'linli-journal-v1',
    head: { count: head ? Number(head.seq) : 0, hash: head?.hash ?? GENESIS_HASH },
    items: kept.map((j) => ({
      seq: Number(j.seq),
      id: j.id,
      type: j.type,
      reason: j.reason,
      refType: j.ref_type,
      refId: j.ref_id,
      actorId: j.actor_id,
      idempotencyKey: j.idempotency_key,
      reversesId: j.reverses_id,
      communityId: j.community_id,
      effectiveDate: j.effective_date,
      createdAt: j.created_at,
      postings: (byJournal.get(j.id) ?? []).map((p) => ({
        line: Number(p.line),
        accountId: p.account_id,
        amount: Number(p.amount),
        accountKind: byId.get(p.account_id)?.kind ?? 'unknown',
        accountPurpose: byId.get(p.account_id)?.purpose ?? 'unknown',
      })),
      prevHash: j.prev_hash,
      hash: j.hash,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(String(last.seq)) : null,
  };
}
