// Queries behind the year summary (Kysely only, executor first). Every query is bounded by the year: journal
// effective dates and service dates are China-time days, stored timestamps are compared with the China-time
// instants at which the year begins and ends (see yearBounds in ledger.summary.ts).
// Accepted minutes (records) and teams (volunteers) are asked of their modules through index.ts.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';

export interface YearBounds {
  /** First and last China-time day of the year, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
  /** UTC instants (ISO) at which the year begins and the next one begins, in China time. */
  fromTs: string;
  toTs: string;
}

/**
 * The kind a posting counts as: a journal's own type, or for a reversal the type of the journal it reverses — so a
 * reversed earning takes points off "earned", a reversed redemption puts them back on "redeemed".
 */
const kindOf = sql<string>`coalesce(o.type, j.type)`;

/** Journals of the year with their postings, accounts and (for reversals) the original journal. */
function yearPostings(db: Executor, districtId: string, b: YearBounds) {
  return db
    .selectFrom('journals as j')
    .innerJoin('postings as p', (jn) =>
      jn.onRef('p.district_id', '=', 'j.district_id').onRef('p.journal_id', '=', 'j.id'),
    )
    .innerJoin('point_accounts as a', (jn) =>
      jn.onRef('a.district_id', '=', 'p.district_id').onRef('a.id', '=', 'p.account_id'),
    )
    .leftJoin('journals as o', (jn) =>
      jn.onRef('o.district_id', '=', 'j.district_id').onRef('o.id', '=', 'j.reverses_id'),
    )
    .where('j.district_id', '=', districtId)
    .where('j.effective_date', '>=', b.firstDay)
    .where('j.effective_date', '<=', b.lastDay);
}

/** Sum of postings per community of the journal, kind and account kind (person | system | org). */
export async function flowsByCommunity(db: Executor, districtId: string, communityIds: string[], b: YearBounds) {
  if (communityIds.length === 0) return [];
  const rows = await yearPostings(db, districtId, b)
    .select(['j.community_id', kindOf.as('kind'), 'a.kind as account_kind', sql<number>`sum(p.amount)`.as('s')])
    .where('j.community_id', 'in', communityIds)
    .groupBy(['j.community_id', kindOf, 'a.kind'])
    .execute();
  return rows.map((r) => ({
    communityId: r.community_id!,
    kind: r.kind,
    accountKind: r.account_kind,
    sum: Number(r.s),
  }));
}

/** Points each person earned (earn, award, less reversals) in the year, per community of the journal. */
export async function personEarnings(db: Executor, districtId: string, communityIds: string[], b: YearBounds) {
  if (communityIds.length === 0) return [];
  const rows = await yearPostings(db, districtId, b)
    .select(['j.community_id', 'a.owner_id', sql<number>`sum(p.amount)`.as('s')])
    .where('a.kind', '=', 'person')
    .where(kindOf, 'in', ['earn', 'award'])
    .where('j.community_id', 'in', communityIds)
    .groupBy(['j.community_id', 'a.owner_id'])
    .execute();
  return rows.map((r) => ({ communityId: r.community_id!, userId: r.owner_id, points: Number(r.s) }));
}

/** Points the given people earned in the year anywhere in the district (for team totals). */
export async function earningsOfPeople(db: Executor, districtId: string, userIds: string[], b: YearBounds) {
  if (userIds.length === 0) return new Map<string, number>();
  const rows = await yearPostings(db, districtId, b)
    .select(['a.owner_id', sql<number>`sum(p.amount)`.as('s')])
    .where('a.kind', '=', 'person')
    .where('a.owner_type', '=', 'user')
    .where('a.owner_id', 'in', userIds)
    .where(kindOf, 'in', ['earn', 'award'])
    .groupBy('a.owner_id')
    .execute();
  return new Map(rows.map((r) => [r.owner_id, Number(r.s)]));
}

/** Organisation accounts of the communities with what they earned and took in from redemptions in the year. */
export async function organisationFlows(db: Executor, districtId: string, communityIds: string[], b: YearBounds) {
  if (communityIds.length === 0) return [];
  const earned = sql<number>`coalesce(sum(case when ${kindOf} in ('earn', 'award', 'contribute') then p.amount else 0 end), 0)`;
  const income = sql<number>`coalesce(sum(case when ${kindOf} in ('redeem', 'refund') then p.amount else 0 end), 0)`;
  const flows = await yearPostings(db, districtId, b)
    .select(['a.id', earned.as('earned'), income.as('income')])
    .where('a.kind', '=', 'org')
    .where('a.community_id', 'in', communityIds)
    .groupBy('a.id')
    .execute();
  const byId = new Map(flows.map((f) => [f.id, { earned: Number(f.earned), income: Number(f.income) }]));
  const accounts = await db
    .selectFrom('point_accounts as a')
    .select(['a.id', 'a.name', 'a.owner_type', 'a.owner_id', 'a.community_id'])
    .select((eb) =>
      eb
        .selectFrom('contributions as k')
        .select(sql<number>`coalesce(sum(k.value_fen), 0)`.as('f'))
        .whereRef('k.district_id', '=', 'a.district_id')
        .whereRef('k.account_id', '=', 'a.id')
        .where('k.created_at', '>=', b.fromTs)
        .where('k.created_at', '<', b.toTs)
        .as('fen'),
    )
    .where('a.district_id', '=', districtId)
    .where('a.kind', '=', 'org')
    .where('a.community_id', 'in', communityIds)
    .execute();
  return accounts.map((a) => ({
    accountId: a.id,
    name: a.name,
    ownerType: a.owner_type,
    ownerId: a.owner_id,
    communityId: a.community_id!,
    earned: byId.get(a.id)?.earned ?? 0,
    redemptionIncome: byId.get(a.id)?.income ?? 0,
    contributionsFen: Number(a.fen ?? 0),
  }));
}

/** Social resources leveraged per community: contributions recorded in the year, in fen. */
export async function leveragedByCommunity(db: Executor, districtId: string, communityIds: string[], b: YearBounds) {
  if (communityIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('contributions')
    .select(['community_id', sql<number>`coalesce(sum(value_fen), 0)`.as('f')])
    .where('district_id', '=', districtId)
    .where('community_id', 'in', communityIds)
    .where('created_at', '>=', b.fromTs)
    .where('created_at', '<', b.toTs)
    .groupBy('community_id')
    .execute();
  return new Map(rows.map((r) => [r.community_id, Number(r.f)]));
}
