// What the points bank holds about one person (their copy, PIPL access): their accounts and every journal that moved
// them; and what happens to the points left when they close their account (the district's closedAccountPoints rule).
// Journals are never changed: they reference accounts by id, so the chain still verifies after a closing.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import { accountFor, postJournal } from './ledger.core.js';
import * as repo from './ledger.repository.js';
import { getPointRules } from './ledger.settings.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const accounts = await db
    .selectFrom('point_accounts')
    .select(['district_id', 'id', 'purpose', 'name', 'community_id', 'balance', 'created_at'])
    .where('owner_type', '=', 'user')
    .where('owner_id', '=', userId)
    .orderBy('id')
    .execute();
  const journals = await db
    .selectFrom('postings as p')
    .innerJoin('journals as j', (jn) =>
      jn.onRef('j.district_id', '=', 'p.district_id').onRef('j.id', '=', 'p.journal_id'),
    )
    .innerJoin('point_accounts as a', (jn) =>
      jn.onRef('a.district_id', '=', 'p.district_id').onRef('a.id', '=', 'p.account_id'),
    )
    .select([
      'j.district_id',
      'j.id',
      'j.seq',
      'j.type',
      'j.reason',
      'p.account_id',
      'p.amount',
      'j.ref_type',
      'j.ref_id',
      'j.effective_date',
      'j.created_at',
      'j.hash',
    ])
    .where('a.owner_type', '=', 'user')
    .where('a.owner_id', '=', userId)
    .orderBy('j.district_id')
    .orderBy('j.seq')
    .execute();
  return [
    {
      key: 'ledger.accounts',
      title: '积分账户',
      rows: accounts.map((r) => personalRow(deps.cipher, { ...r, balance: Number(r.balance) })),
    },
    {
      key: 'ledger.journals',
      title: '积分流水',
      rows: journals.map((r) => ({
        ...personalRow(deps.cipher, { ...r, seq: Number(r.seq), amount: Number(r.amount) }),
        // The journal's hash is public (公示) and lets the person check this line against the public chain.
        journalHash: r.hash,
      })),
    },
  ];
}

export interface SettledPoints {
  districtId: string;
  accountId: string;
  points: number;
  to: 'community_fund' | 'forfeit';
  journalId: string;
}

/**
 * Moves what is left on a closing person's accounts where the district's rule says: the public-welfare fund of the
 * account's community, or the issuance account (forfeit; also when the account has no community). One journal per
 * account under the key `close:<account id>`, so a retried closing moves nothing twice. The balance is read after the
 * district's ledger head is locked, so a movement committed meanwhile is included.
 */
export async function settleClosedAccount(deps: Deps, trx: Executor, userId: string): Promise<SettledPoints[]> {
  const accounts = await trx
    .selectFrom('point_accounts')
    .select(['district_id', 'id'])
    .where('owner_type', '=', 'user')
    .where('owner_id', '=', userId)
    .where('purpose', '=', 'main')
    .orderBy('id')
    .execute();
  const out: SettledPoints[] = [];
  for (const a of accounts) {
    await repo.lockHead(trx, a.district_id);
    const key = `close:${a.id}`;
    const done = await repo.findJournalByKey(trx, a.district_id, key);
    const acc = await repo.findAccountById(trx, a.district_id, a.id);
    if (done || !acc || Number(acc.balance) <= 0) continue;
    const points = Number(acc.balance);
    const rules = await getPointRules(trx, a.district_id);
    const community = acc.community_id ? await findNode(trx, acc.community_id) : undefined;
    const toFund = rules.closedAccountPoints === 'community_fund' && community?.kind === 'community';
    const target = toFund
      ? await accountFor(deps, trx, a.district_id, {
          type: 'community',
          id: community.id,
          purpose: 'fund',
          name: community.name,
        })
      : await accountFor(deps, trx, a.district_id, { type: 'district', id: a.district_id, purpose: 'issuance' });
    const { journal } = await postJournal(deps, trx, {
      districtId: a.district_id,
      type: toFund ? 'donate' : 'expire',
      reason: toFund ? `账户注销，余额转入${community.name}公益基金` : '账户注销，余额作废',
      refType: 'account_closed',
      refId: a.id,
      idempotencyKey: key,
      communityId: acc.community_id,
      postings: [
        { accountId: a.id, amount: -points },
        { accountId: target.id, amount: points },
      ],
    });
    out.push({
      districtId: a.district_id,
      accountId: a.id,
      points,
      to: toFund ? 'community_fund' : 'forfeit',
      journalId: journal.id,
    });
  }
  return out;
}

/** Person accounts of a closed account carry its pseudonym (lists that read the account name show it). */
export async function renameClosedAccounts(trx: Executor, userId: string, pseudonym: string): Promise<void> {
  await trx
    .updateTable('point_accounts')
    .set({ name: pseudonym })
    .where('owner_type', '=', 'user')
    .where('owner_id', '=', userId)
    .execute();
}
