// The heart of the points bank: posting a journal. One function, used by every movement of points:
// double entry checked, idempotency key honoured, person balances never negative, the district's hash chain
// extended — all inside the caller's transaction.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { must } from '../../platform/must.js';
import { publicPersonName } from '../../platform/privacy.js';
import { assertTransaction, type Executor } from '../../db/transaction.js';
import { findPersonHome } from '../accounts/index.js';
import * as repo from './ledger.repository.js';
import { chinaDay, isBalanced, journalHash, type JournalType } from './ledger.rules.js';

export interface JournalInput {
  districtId: string;
  type: JournalType;
  reason: string;
  refType?: string | null;
  refId?: string | null;
  actorId?: string | null;
  idempotencyKey: string;
  /**
   * What a second journal with a used key means. 'same-request' (the default, for keys a caller sends): the same
   * movement returns the first journal, a different one is IDEMPOTENCY_CONFLICT. 'return-first' (for keys the system
   * derives from a fact, such as earning for a record, whose amount may be computed differently on a replay): the
   * first journal stands.
   */
  replay?: 'same-request' | 'return-first';
  reversesId?: string | null;
  communityId?: string | null;
  effectiveDate?: string;
  postings: Array<{ accountId: string; amount: number }>;
}

export interface Posted {
  journal: repo.JournalRow;
  /** False when the idempotency key had been used: the first journal is returned and nothing moved. */
  created: boolean;
}

/** Posts a journal inside the caller's transaction. */
export async function postJournal(deps: Deps, trx: Executor, input: JournalInput): Promise<Posted> {
  assertTransaction(trx);
  if (!isBalanced(input.postings)) throw new Error(`unbalanced journal ${input.idempotencyKey}`);
  // The head lock serialises posting per district: the chain gets no gaps or forks, and the key check below
  // sees every journal committed before us.
  const head = await repo.lockHead(trx, input.districtId);
  // The key is looked up by its own statement after the lock: on PostgreSQL (READ COMMITTED) a new statement sees a
  // twin that committed while we waited for the lock; a subquery of the locking statement would not.
  const existing = await replayOf(trx, input);
  if (existing) return { journal: existing, created: false };
  if (new Set(input.postings.map((p) => p.accountId)).size !== input.postings.length) {
    throw new Error(`journal ${input.idempotencyKey} posts to one account twice`);
  }
  if (!(await repo.applyToBalances(trx, input.districtId, input.postings))) {
    // Say which account refused. The UPDATE may have moved the other accounts' balances: the error thrown below must
    // roll the whole transaction back (callers never catch it inside their transaction and commit).
    for (const p of input.postings) {
      const acc = await repo.findAccountById(trx, input.districtId, p.accountId);
      if (!acc) throw new Error(`no account ${p.accountId}`);
      if (acc.kind === 'person' && Number(acc.balance) + p.amount < 0) {
        throw new AppError('INSUFFICIENT_POINTS', { balance: acc.balance, needed: -p.amount });
      }
    }
    throw new Error('balances could not be applied');
  }
  const now = deps.clock.now();
  const row: repo.JournalRow = {
    district_id: input.districtId,
    id: newId(),
    seq: head.seq + 1,
    type: input.type,
    reason: input.reason,
    ref_type: input.refType ?? null,
    ref_id: input.refId ?? null,
    actor_id: input.actorId ?? null,
    idempotency_key: input.idempotencyKey,
    reverses_id: input.reversesId ?? null,
    community_id: input.communityId ?? null,
    effective_date: input.effectiveDate ?? chinaDay(now),
    created_at: iso(now),
    prev_hash: head.hash,
    hash: '',
  };
  const postings = input.postings.map((p, i) => ({
    district_id: input.districtId,
    journal_id: row.id,
    line: i + 1,
    account_id: p.accountId,
    amount: p.amount,
  }));
  row.hash = journalHash(toCanonical(row, postings));
  await repo.insertJournal(trx, row, postings);
  await repo.setHead(trx, input.districtId, row.seq, row.hash);
  return { journal: row, created: true };
}

/**
 * The journal already posted under this input's idempotency key, if any. The same request returns it; a different
 * movement under the same key (other type, reference, accounts or amounts) is IDEMPOTENCY_CONFLICT, unless the key
 * names a fact (`replay: 'return-first'`). Services call it before their own checks so a replay is answered even
 * when those checks would now refuse (the balance was spent since); postJournal calls it again under the lock.
 */
export async function replayOf(trx: Executor, input: JournalInput): Promise<repo.JournalRow | undefined> {
  const existing = await repo.findJournalByKey(trx, input.districtId, input.idempotencyKey);
  if (!existing) return undefined;
  if (existing.type !== input.type) throw new AppError('IDEMPOTENCY_CONFLICT', { key: input.idempotencyKey });
  if ((input.replay ?? 'same-request') === 'return-first') return existing;
  const stored = await repo.postingsOf(trx, input.districtId, [existing.id]);
  const asText = (ps: Array<{ accountId: string; amount: number }>) =>
    ps
      .map((p) => `${p.accountId}:${p.amount}`)
      .sort()
      .join(',');
  const same =
    asText(stored.map((p) => ({ accountId: p.account_id, amount: Number(p.amount) }))) === asText(input.postings) &&
    (existing.ref_type ?? null) === (input.refType ?? null) &&
    (existing.ref_id ?? null) === (input.refId ?? null);
  if (!same) throw new AppError('IDEMPOTENCY_CONFLICT', { key: input.idempotencyKey });
  return existing;
}

/** The canonical view of a stored journal and its postings. */
export function toCanonical(j: repo.JournalRow, postings: Array<{ line: number; account_id: string; amount: number }>) {
  return {
    districtId: j.district_id,
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
    postings: postings.map((p) => ({ line: Number(p.line), accountId: p.account_id, amount: Number(p.amount) })),
    prevHash: j.prev_hash,
  };
}

export type AccountOwner =
  | { type: 'user'; id: string; name: string; communityId: string | null }
  | { type: 'district'; id: string; purpose: 'issuance' }
  | { type: 'community'; id: string; purpose: 'supermarket' | 'fund'; name: string }
  | { type: 'team' | 'partner' | 'merchant'; id: string; name: string; communityId: string | null };

/**
 * The account of a person in a district, created on first use. Its name is the person's public name (吴*明, or the
 * masked nickname): a real name is personal data, kept encrypted in accounts only, never in plain text here.
 */
export async function ensurePersonAccount(
  deps: Deps,
  trx: Executor,
  districtId: string,
  userId: string,
): Promise<repo.AccountRow> {
  const u = must(await findPersonHome(trx, userId), `user ${userId}`);
  const name = publicPersonName(u.realNameEnc ? deps.cipher.decrypt(u.realNameEnc) : null, u.displayName);
  return accountFor(deps, trx, districtId, { type: 'user', id: userId, name, communityId: u.homeNodeId });
}

/** The account of an owner in a district, created on first use. */
export async function accountFor(
  deps: Deps,
  trx: Executor,
  districtId: string,
  owner: AccountOwner,
): Promise<repo.AccountRow> {
  const purpose = 'purpose' in owner ? owner.purpose : 'main';
  const found = await repo.findAccount(trx, districtId, owner.type, owner.id, purpose);
  if (found) return found;
  const kind =
    owner.type === 'user' ? 'person' : owner.type === 'district' || owner.type === 'community' ? 'system' : 'org';
  const name =
    owner.type === 'district'
      ? '积分发行账户'
      : owner.type === 'community'
        ? `${owner.name}${owner.purpose === 'fund' ? '公益基金' : '积分超市'}`
        : owner.name;
  await repo.insertAccountIfMissing(trx, {
    district_id: districtId,
    id: newId(),
    kind,
    owner_type: owner.type,
    owner_id: owner.id,
    purpose,
    name,
    community_id: 'communityId' in owner ? owner.communityId : owner.type === 'community' ? owner.id : null,
    balance: 0,
    created_at: iso(deps.clock.now()),
  });
  return (await repo.findAccount(trx, districtId, owner.type, owner.id, purpose))!;
}
