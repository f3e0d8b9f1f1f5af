// Queries of the points bank.
import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { JournalTable, PointAccountTable, PostingTable } from './ledger.tables.js';

export type AccountRow = Selectable<PointAccountTable>;
export type JournalRow = Selectable<JournalTable>;
export type PostingRow = Selectable<PostingTable>;

export function findAccount(db: Executor, districtId: string, ownerType: string, ownerId: string, purpose: string) {
  return db
    .selectFrom('point_accounts')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

export function findAccountById(db: Executor, districtId: string, id: string) {
  return db
    .selectFrom('point_accounts')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAccountIfMissing(db: Executor, row: AccountRow): Promise<void> {
  await db
    .insertInto('point_accounts')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'owner_type', 'owner_id', 'purpose']).doNothing())
    .execute();
}

/** Locks the district's chain head (a no-op UPDATE takes the row lock) and returns it. */
export async function lockHead(db: Executor, districtId: string): Promise<{ seq: number; hash: string }> {
  const lock = () =>
    db
      .updateTable('ledger_heads')
      .set((eb) => ({ seq: eb.ref('seq') }))
      .where('district_id', '=', districtId)
      .returning(['seq', 'hash'])
      .executeTakeFirst();
  let row = await lock();
  if (!row) {
    // The district's first journal: create its head (a concurrent creator is fine), then lock it.
    await db
      .insertInto('ledger_heads')
      .values({ district_id: districtId, seq: 0, hash: '0'.repeat(64) })
      .onConflict((oc) => oc.column('district_id').doNothing())
      .execute();
    row = await lock();
  }
  if (!row) throw new Error(`ledger head of ${districtId} could not be locked`);
  return { seq: Number(row.seq), hash: row.hash };
}

export async function setHead(db: Executor, districtId: string, seq: number, hash: string): Promise<void> {
  await db.updateTable('ledger_heads').set({ seq, hash }).where('district_id', '=', districtId).execute();
}

export function getHead(db: Executor, districtId: string) {
  return db.selectFrom('ledger_heads').selectAll().where('district_id', '=', districtId).executeTakeFirst();
}

export function findJournalByKey(db: Executor, districtId: string, key: string) {
  return db
    .selectFrom('journals')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export function findJournalById(db: Executor, id: string) {
  return db.selectFrom('journals').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Applies every posting of a journal to its account balance in one UPDATE; person accounts only when they stay
 * ≥ 0. Returns false (and the caller rolls back) when any account refused or is missing.
 */
export async function applyToBalances(
  db: Executor,
  districtId: string,
  postings: Array<{ accountId: string; amount: number }>,
): Promise<boolean> {
  // `case when id = …`, not `case id when …`: Citus rewrites the simple form's operand wrongly on the workers.
  const delta = sql<number>`(case ${sql.join(
    postings.map((p) => sql`when id = ${p.accountId} then ${p.amount}`),
    sql` `,
  )} else 0 end)`;
  const res = await db
    .updateTable('point_accounts')
    .set({ balance: sql`balance + ${delta}` })
    .where('district_id', '=', districtId)
    .where(
      'id',
      'in',
      postings.map((p) => p.accountId),
    )
    .where((eb) => eb.or([eb('kind', '!=', 'person'), eb(sql`balance + ${delta}`, '>=', 0)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === new Set(postings.map((p) => p.accountId)).size;
}

export async function insertJournal(db: Executor, row: JournalRow, postings: PostingRow[]): Promise<void> {
  await db.insertInto('journals').values(row).execute();
  await db.insertInto('postings').values(postings).execute();
}

export function postingsOf(db: Executor, districtId: string, journalIds: string[]): Promise<PostingRow[]> {
  if (journalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('postings')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('journal_id', 'in', journalIds)
    .orderBy('journal_id')
    .orderBy('line')
    .execute();
}

/** Points a person earned (earn journals) on one effective date. */
export async function earnedOnDay(db: Executor, districtId: string, accountId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('postings as p')
    .innerJoin('journals as j', (jn) =>
      jn.onRef('j.district_id', '=', 'p.district_id').onRef('j.id', '=', 'p.journal_id'),
    )
    .select(sql<number>`coalesce(sum(p.amount), 0)`.as('s'))
    .where('p.district_id', '=', districtId)
    .where('p.account_id', '=', accountId)
    .where('j.type', '=', 'earn')
    .where('j.effective_date', '=', day)
    .executeTakeFirstOrThrow();
  return Number(row.s);
}

/** A person's or account's journals with that account's amount, newest first. */
export function journalsOfAccount(
  db: Executor,
  districtId: string,
  accountId: string,
  beforeSeq: number | null,
  limit: number,
) {
  let q = db
    .selectFrom('journals as j')
    .innerJoin('postings as p', (jn) =>
      jn.onRef('p.district_id', '=', 'j.district_id').onRef('p.journal_id', '=', 'j.id'),
    )
    .selectAll('j')
    .select(sql<number>`sum(p.amount)`.as('amount'))
    .where('j.district_id', '=', districtId)
    .where('p.account_id', '=', accountId)
    .groupBy(['j.district_id', 'j.id']);
  if (beforeSeq !== null) q = q.where('j.seq', '<', beforeSeq);
  return q.orderBy('j.seq', 'desc').limit(limit).execute();
}

/** Journals of a district for the public ledger, newest first. */
export function publicJournals(
  db: Executor,
  districtId: string,
  f: { communityId?: string; month?: string; beforeSeq: number | null; limit: number },
) {
  let q = publicJournalsFiltered(db, districtId, f).selectAll();
  if (f.beforeSeq !== null) q = q.where('seq', '<', f.beforeSeq);
  return q.orderBy('seq', 'desc').limit(f.limit).execute();
}

/** The public ledger's filter (community, month), before cursor and order: also what its total counts. */
export function publicJournalsFiltered(db: Executor, districtId: string, f: { communityId?: string; month?: string }) {
  let q = db.selectFrom('journals').where('district_id', '=', districtId);
  if (f.communityId) q = q.where('community_id', '=', f.communityId);
  if (f.month) q = q.where('effective_date', 'like', `${f.month}%`);
  return q;
}

/** All journals of a district in chain order, a page at a time (for verification). */
export function journalsInOrder(db: Executor, districtId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('journals')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export function accountsOf(db: Executor, districtId: string) {
  return db.selectFrom('point_accounts').selectAll().where('district_id', '=', districtId).execute();
}

/** Sum of postings per account of a district. */
export async function postingSums(db: Executor, districtId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('postings')
    .select(['account_id', sql<number>`sum(amount)`.as('s')])
    .where('district_id', '=', districtId)
    .groupBy('account_id')
    .execute();
  return new Map(rows.map((r) => [r.account_id, Number(r.s)]));
}

export function districtsWithLedger(db: Executor) {
  return db.selectFrom('ledger_heads').select(['district_id', 'seq', 'hash']).orderBy('district_id').execute();
}

export function getCheckpoint(db: Executor, name: string) {
  return db.selectFrom('event_consumers').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function advanceCheckpoint(db: Executor, name: string, eventId: string, at: string): Promise<void> {
  await db
    .insertInto('event_consumers')
    .values({ name, last_event_id: '', updated_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await db
    .updateTable('event_consumers')
    .set({ last_event_id: eventId, updated_at: at })
    .where('name', '=', name)
    .where('last_event_id', '<', eventId)
    .execute();
}

/** Sums of credits and debits of an account, credits split at a cutoff (for expiry). */
export async function flowsOfAccount(db: Executor, districtId: string, accountId: string, cutoff: string) {
  const row = await db
    .selectFrom('postings as p')
    .innerJoin('journals as j', (jn) =>
      jn.onRef('j.district_id', '=', 'p.district_id').onRef('j.id', '=', 'p.journal_id'),
    )
    .select([
      sql<number>`coalesce(sum(case when p.amount > 0 and j.type <> 'refund' and j.effective_date < ${cutoff} then p.amount else 0 end), 0)`.as(
        'credits_before',
      ),
      sql<number>`coalesce(sum(case when p.amount < 0 and j.type <> 'expire' then -p.amount else 0 end), 0)`.as(
        'debits',
      ),
      sql<number>`coalesce(sum(case when p.amount > 0 and j.type = 'refund' then p.amount else 0 end), 0)`.as(
        'refunds',
      ),
      sql<number>`coalesce(sum(case when j.type = 'expire' then -p.amount else 0 end), 0)`.as('expired'),
    ])
    .where('p.district_id', '=', districtId)
    .where('p.account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return {
    creditsBefore: Number(row.credits_before),
    debits: Number(row.debits) - Number(row.refunds),
    expired: Number(row.expired),
  };
}
