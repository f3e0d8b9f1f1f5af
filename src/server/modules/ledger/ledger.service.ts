// Movements people and staff make: awards, reversals, gifts, donations, co-build contributions, expiry;
// and what a person sees of their own points.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { countRows, type CountedPage, decodeCursor, encodeCursor, type Page } from '../../platform/pagination.js';
import { type Actor, can, grantsFor } from '../../platform/permissions.js';
import { maskName } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import { accountFor, ensurePersonAccount, type JournalInput, postJournal, replayOf } from './ledger.core.js';
import * as repo from './ledger.repository.js';
import { chinaDay, expiringPoints, type JournalType } from './ledger.rules.js';
import { assertPointsHere } from './ledger.elsewhere.js';
import { getPointRules } from './ledger.settings.js';

export interface JournalView {
  id: string;
  districtId: string;
  seq: number;
  type: JournalType;
  reason: string;
  amount: number;
  effectiveDate: string;
  createdAt: string;
  refType: string | null;
  refId: string | null;
  reversesId: string | null;
  hash: string;
}

function view(j: repo.JournalRow, amount: number): JournalView {
  return {
    id: j.id, districtId: j.district_id, seq: Number(j.seq), type: j.type as JournalType, reason: j.reason, amount,
    effectiveDate: j.effective_date, createdAt: j.created_at, refType: j.ref_type, refId: j.ref_id, reversesId: j.reverses_id, hash: j.hash,
  };
}

/** Finds a person the actor manages points for (home or role within reach), with the node of that reach. */
async function personInScope(deps: Deps, db: Executor, actor: Actor, userId: string) {
  const u = await db.selectFrom('users as u').leftJoin('org_nodes as n', 'n.id', 'u.home_node_id')
    .select(['u.id', 'u.display_name', 'n.district_id', 'n.path', 'n.id as node_id']).where('u.id', '=', userId).executeTakeFirst();
  if (!u || !u.district_id || !u.path || !can(actor, 'points.manage', { districtId: u.district_id, path: u.path })) throw notFound('person');
  return { userId: u.id, districtId: u.district_id, path: u.path, communityNodeId: u.node_id! };
}

/** An admin awards points with a required reason (e.g. 年度优秀志愿者). */
export async function awardPoints(
  deps: Deps,
  actor: Actor,
  input: { userId: string; points: number; reason: string; idempotencyKey: string },
): Promise<JournalView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const p = await personInScope(deps, trx, actor, input.userId);
    const person = await ensurePersonAccount(deps, trx, p.districtId, p.userId);
    const issuance = await accountFor(deps, trx, p.districtId, { type: 'district', id: p.districtId, purpose: 'issuance' });
    const { journal, created } = await postJournal(deps, trx, {
      districtId: p.districtId, type: 'award', reason: `奖励：${input.reason}`, actorId: actor.userId, refType: 'person', refId: p.userId,
      idempotencyKey: `award:${input.idempotencyKey}`, communityId: p.communityNodeId,
      postings: [{ accountId: issuance.id, amount: -input.points }, { accountId: person.id, amount: input.points }],
    });
    if (created) {
      await recordAudit(trx, deps.clock, actor, {
        districtId: p.districtId, action: 'points.award', targetType: 'person', targetId: p.userId, scopeNodeId: p.communityNodeId,
        scopePath: p.path, details: { points: input.points, reason: input.reason, journalId: journal.id },
      });
    }
    return view(journal, input.points);
  });
}

/** Undoes a journal with a reversing journal that references it (never by editing it). */
export async function reverseJournal(deps: Deps, actor: Actor, journalId: string, reason: string): Promise<JournalView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const j = await repo.findJournalById(trx, journalId);
    const district = j ? await findNode(trx, j.district_id) : undefined;
    const node = j?.community_id ? await findNode(trx, j.community_id) : district;
    if (!j || !node || !can(actor, 'points.manage', { districtId: j.district_id, path: node.path })) throw notFound('journal');
    if (j.type === 'reverse') throw new AppError('JOURNAL_NOT_REVERSIBLE', { why: '冲正记录本身' });
    if (await repo.findJournalByKey(trx, j.district_id, `reverse:${j.id}`)) throw new AppError('JOURNAL_NOT_REVERSIBLE', { why: '已冲正过' });
    const postings = await repo.postingsOf(trx, j.district_id, [j.id]);
    const { journal, created } = await postJournal(deps, trx, {
      districtId: j.district_id, type: 'reverse', reason: `冲正：${reason}`, actorId: actor.userId, refType: 'journal', refId: j.id,
      reversesId: j.id, idempotencyKey: `reverse:${j.id}`, communityId: j.community_id,
      postings: postings.map((p) => ({ accountId: p.account_id, amount: -p.amount })),
    });
    if (created) {
      await recordAudit(trx, deps.clock, actor, {
        districtId: j.district_id, action: 'points.reverse', targetType: 'journal', targetId: j.id, scopeNodeId: node.id,
        scopePath: node.path, details: { reason, reversalId: journal.id, type: j.type },
      });
    }
    return view(journal, 0);
  });
}

export const RELATIONS = ['spouse', 'parent', 'child', 'grandparent', 'grandchild'] as const;
const RELATION_TEXT: Record<(typeof RELATIONS)[number], string> = {
  spouse: '配偶', parent: '父母', child: '子女', grandparent: '祖父母或外祖父母', grandchild: '孙子女或外孙子女',
};

async function givenThisMonth(trx: Executor, districtId: string, accountId: string, month: string): Promise<number> {
  const row = await trx.selectFrom('postings as p')
    .innerJoin('journals as j', (jn) => jn.onRef('j.district_id', '=', 'p.district_id').onRef('j.id', '=', 'p.journal_id'))
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('p.amount'), eb.val(0)).as('s'))
    .where('p.district_id', '=', districtId).where('p.account_id', '=', accountId).where('j.type', 'in', ['gift', 'donate'])
    .where('j.effective_date', 'like', `${month}%`).executeTakeFirstOrThrow();
  return -Number(row.s);
}

async function checkGiving(deps: Deps, trx: Executor, districtId: string, accountId: string, points: number, kind: 'gift' | 'donate') {
  const rules = await getPointRules(trx, districtId);
  if (kind === 'gift' && !rules.allowGifts) throw new AppError('GIFTS_DISABLED');
  if (kind === 'donate' && !rules.allowDonations) throw new AppError('DONATIONS_DISABLED');
  const used = await givenThisMonth(trx, districtId, accountId, chinaDay(deps.clock.now()).slice(0, 7));
  if (used + points > rules.monthlyGiveLimit) throw new AppError('GIVE_LIMIT', { limit: rules.monthlyGiveLimit, used });
}

/** Gives points to a direct relative (直系亲属) where the district allows it, within the monthly limit. */
export async function giftPoints(
  deps: Deps,
  actor: Actor,
  input: { districtId: string; toPhone: string; relation: (typeof RELATIONS)[number]; points: number; idempotencyKey: string },
): Promise<JournalView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const mine = await repo.findAccount(trx, input.districtId, 'user', actor.userId, 'main');
    if (!mine) await assertPointsHere(trx, input.districtId, actor.userId);
    if (!mine) throw new AppError('INSUFFICIENT_POINTS', { balance: 0, needed: input.points });
    const to = await trx.selectFrom('users').select('id').where('phone_index', '=', deps.cipher.blindIndex('phone', input.toPhone)).executeTakeFirst();
    if (!to) throw notFound('person');
    if (to.id === actor.userId) throw new AppError('GIFT_SELF');
    const theirs = await ensurePersonAccount(deps, trx, input.districtId, to.id);
    const gift: JournalInput = {
      districtId: input.districtId, type: 'gift', reason: `直系亲属间转赠（受赠人是赠与人的${RELATION_TEXT[input.relation]}）`, actorId: actor.userId,
      refType: 'person', refId: to.id, idempotencyKey: `gift:${actor.userId}:${input.idempotencyKey}`, communityId: mine.community_id,
      postings: [{ accountId: mine.id, amount: -input.points }, { accountId: theirs.id, amount: input.points }],
    };
    // A replay is answered before the monthly limit is checked (the first gift already counts towards it).
    const prior = await replayOf(trx, gift);
    if (prior) return view(prior, -input.points);
    await checkGiving(deps, trx, input.districtId, mine.id, input.points, 'gift');
    const { journal } = await postJournal(deps, trx, gift);
    return view(journal, -input.points);
  });
}

/** Donates points to a community's public-welfare fund account where the district allows it. */
export async function donatePoints(
  deps: Deps,
  actor: Actor,
  input: { communityId: string; points: number; idempotencyKey: string },
): Promise<JournalView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const community = await findNode(trx, input.communityId);
    if (!community || community.kind !== 'community') throw notFound('org_node');
    const mine = await repo.findAccount(trx, community.district_id, 'user', actor.userId, 'main');
    if (!mine) await assertPointsHere(trx, community.district_id, actor.userId);
    if (!mine) throw new AppError('INSUFFICIENT_POINTS', { balance: 0, needed: input.points });
    const fund = await accountFor(deps, trx, community.district_id, { type: 'community', id: community.id, purpose: 'fund', name: community.name });
    const donation: JournalInput = {
      districtId: community.district_id, type: 'donate', reason: `捐赠至${community.name}公益基金`, actorId: actor.userId,
      refType: 'org_node', refId: community.id, idempotencyKey: `donate:${actor.userId}:${input.idempotencyKey}`, communityId: community.id,
      postings: [{ accountId: mine.id, amount: -input.points }, { accountId: fund.id, amount: input.points }],
    };
    const prior = await replayOf(trx, donation);
    if (prior) return view(prior, -input.points);
    await checkGiving(deps, trx, community.district_id, mine.id, input.points, 'donate');
    const { journal } = await postJournal(deps, trx, donation);
    return view(journal, -input.points);
  });
}

/** Records an organisation's co-build contribution (labour, goods or money, valued in fen) and credits its points. */
export async function recordContribution(
  deps: Deps,
  actor: Actor,
  input: {
    orgType: 'team' | 'partner' | 'merchant'; orgId: string; kind: 'labour' | 'goods' | 'money'; valueFen: number; project: string;
    description: string; points: number; idempotencyKey: string;
  },
) {
  return inTransaction(deps.db, async ({ trx }) => {
    const org = input.orgType === 'team'
      ? await trx.selectFrom('teams').select(['district_id', 'id', 'name', 'community_id as node_id']).where('id', '=', input.orgId).executeTakeFirst()
      : input.orgType === 'merchant'
        ? await trx.selectFrom('merchants').select(['district_id', 'id', 'name', 'community_id as node_id']).where('id', '=', input.orgId).where('status', '=', 'filed').executeTakeFirst()
        : await trx.selectFrom('partner_units').select(['district_id', 'id', 'name', 'node_id']).where('id', '=', input.orgId).executeTakeFirst();
    const node = org ? await findNode(trx, org.node_id) : undefined;
    if (!org || !node || !can(actor, 'points.manage', { districtId: org.district_id, path: node.path })) throw notFound('point_account');
    const account = await accountFor(deps, trx, org.district_id, { type: input.orgType, id: org.id, name: org.name, communityId: node.id });
    const issuance = await accountFor(deps, trx, org.district_id, { type: 'district', id: org.district_id, purpose: 'issuance' });
    const KIND: Record<string, string> = { labour: '投工投劳', goods: '捐赠物资', money: '出资' };
    const yuan = (input.valueFen / 100).toFixed(2);
    const { journal, created } = await postJournal(deps, trx, {
      districtId: org.district_id, type: 'contribute', reason: `共建：${input.project}（${KIND[input.kind]}，折合¥${yuan}）`,
      actorId: actor.userId, refType: input.orgType, refId: org.id, idempotencyKey: `contribute:${input.idempotencyKey}`,
      communityId: node.kind === 'community' ? node.id : null,
      postings: [{ accountId: issuance.id, amount: -input.points }, { accountId: account.id, amount: input.points }],
    });
    if (created) {
      await trx.insertInto('contributions').values({
        district_id: org.district_id, id: newId(), journal_id: journal.id, account_id: account.id, community_id: node.id,
        kind: input.kind, value_fen: input.valueFen, project: input.project, description: input.description, created_at: iso(deps.clock.now()),
      }).execute();
      await recordAudit(trx, deps.clock, actor, {
        districtId: org.district_id, action: 'points.contribution', targetType: input.orgType, targetId: org.id, scopeNodeId: node.id,
        scopePath: node.path, details: { project: input.project, valueFen: input.valueFen, points: input.points, journalId: journal.id },
      });
    }
    return { journal: view(journal, input.points), accountId: account.id, accountName: account.name, balance: (await repo.findAccountById(trx, org.district_id, account.id))!.balance };
  });
}

/** Expires, oldest first, points older than the district's expiry years at the end of `year`. Idempotent. */
export async function expirePoints(deps: Deps, districtId: string, year: number): Promise<{ accounts: number; points: number }> {
  const rules = await getPointRules(deps.db, districtId);
  if (rules.expiryYears === null) return { accounts: 0, points: 0 };
  const cutoff = `${year - rules.expiryYears + 1}-01-01`;
  const accounts = await deps.db.selectFrom('point_accounts').select(['id']).where('district_id', '=', districtId).where('kind', '=', 'person').execute();
  let total = 0;
  let touched = 0;
  for (const a of accounts) {
    await inTransaction(deps.db, async ({ trx }) => {
      const key = `expire:${year}:${a.id}`;
      if (await repo.findJournalByKey(trx, districtId, key)) return;
      const f = await repo.flowsOfAccount(trx, districtId, a.id, cutoff);
      const acc = (await repo.findAccountById(trx, districtId, a.id))!;
      const points = Math.min(expiringPoints(f.creditsBefore, f.debits, f.expired), acc.balance);
      if (points <= 0) return;
      const issuance = await accountFor(deps, trx, districtId, { type: 'district', id: districtId, purpose: 'issuance' });
      await postJournal(deps, trx, {
        districtId, type: 'expire', reason: `${cutoff.slice(0, 4)}年以前获得的积分于${year}年底到期`, idempotencyKey: key,
        communityId: acc.community_id, effectiveDate: `${year}-12-31`,
        postings: [{ accountId: a.id, amount: -points }, { accountId: issuance.id, amount: points }],
      });
      total += points;
      touched += 1;
    });
  }
  return { accounts: touched, points: total };
}

export interface MyPoints {
  districtId: string;
  districtName: string;
  accountId: string;
  balance: number;
  earned: number;
  spent: number;
  rules: { allowGifts: boolean; allowDonations: boolean; monthlyGiveLimit: number };
}

/** The person's balance in every district where they have points. */
export async function getMyPoints(deps: Deps, actor: Actor): Promise<{ items: MyPoints[] }> {
  const accounts = await deps.db.selectFrom('point_accounts as a').innerJoin('org_nodes as d', (j) => j.onRef('d.district_id', '=', 'a.district_id').onRef('d.id', '=', 'a.district_id'))
    .select(['a.district_id', 'a.id', 'a.balance', 'd.name']).where('a.owner_type', '=', 'user').where('a.owner_id', '=', actor.userId).execute();
  const items: MyPoints[] = [];
  for (const a of accounts) {
    const sums = await deps.db.selectFrom('postings').select([
      (eb) => eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('amount', '>', 0).then(eb.ref('amount')).else(0).end()), eb.val(0)).as('inflow'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('amount', '<', 0).then(eb.ref('amount')).else(0).end()), eb.val(0)).as('outflow'),
    ]).where('district_id', '=', a.district_id).where('account_id', '=', a.id).executeTakeFirstOrThrow();
    const rules = await getPointRules(deps.db, a.district_id);
    items.push({
      districtId: a.district_id, districtName: a.name, accountId: a.id, balance: Number(a.balance), earned: Number(sums.inflow),
      spent: -Number(sums.outflow), rules: { allowGifts: rules.allowGifts, allowDonations: rules.allowDonations, monthlyGiveLimit: rules.monthlyGiveLimit },
    });
  }
  return { items };
}

/** The person's own journals in a district, newest first. */
export async function listMyJournals(
  deps: Deps,
  actor: Actor,
  q: { districtId: string; cursor?: string; limit?: number },
): Promise<Page<JournalView>> {
  const limit = q.limit ?? 20;
  const acc = await repo.findAccount(deps.db, q.districtId, 'user', actor.userId, 'main');
  if (!acc) return { items: [], nextCursor: null };
  const before = decodeCursor(q.cursor);
  const rows = await repo.journalsOfAccount(deps.db, q.districtId, acc.id, before ? Number(before) : null, limit + 1);
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return {
    items: kept.map((r) => view(r, Number(r.amount))),
    nextCursor: more ? encodeCursor(String(kept[kept.length - 1].seq)) : null,
  };
}

export interface AccountView {
  id: string;
  districtId: string;
  kind: string;
  ownerType: string;
  ownerId: string;
  purpose: string;
  name: string;
  balance: number;
}

/** Staff search of points accounts in scope (people by home community, organisations, community accounts). */
export async function listPointAccounts(
  deps: Deps,
  actor: Actor,
  q: { q?: string; kind?: string; cursor?: string; limit?: number },
): Promise<CountedPage<AccountView>> {
  const limit = q.limit ?? 20;
  const reaches = grantsFor(actor, 'points.manage').map((g) => ({ districtId: g.districtId, path: g.path }));
  if (reaches.length === 0) return { items: [], nextCursor: null, total: 0 };
  let query = deps.db.selectFrom('point_accounts as a')
    .leftJoin('org_nodes as n', (j) => j.onRef('n.district_id', '=', 'a.district_id').onRef('n.id', '=', 'a.community_id'))
    .leftJoin('org_nodes as d', (j) => j.onRef('d.district_id', '=', 'a.district_id').onRef('d.id', '=', 'a.district_id'))
    .selectAll('a')
    .where((eb) => eb.or(reaches.map((r) => eb.and([
      eb('a.district_id', '=', r.districtId),
      eb.or([eb('n.path', 'like', `${r.path}%`), eb.and([eb('a.community_id', 'is', null), eb('d.path', '=', r.path)])]),
    ]))));
  if (q.kind) query = query.where('a.kind', '=', q.kind);
  if (q.q) query = query.where('a.name', 'like', `%${q.q}%`);
  const total = await countRows(query);
  const before = decodeCursor(q.cursor);
  if (before) query = query.where('a.id', '<', before);
  const rows = await query.orderBy('a.id', 'desc').limit(limit + 1).execute();
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return {
    items: kept.map((a) => ({
      id: a.id, districtId: a.district_id, kind: a.kind, ownerType: a.owner_type, ownerId: a.owner_id, purpose: a.purpose,
      name: a.kind === 'person' ? maskName(a.name) : a.name, balance: Number(a.balance),
    })),
    nextCursor: more ? encodeCursor(kept[kept.length - 1].id) : null,
    total,
  };
}

/** Runs last year's expiry in every district that has an expiry policy (the scheduled job). */
export async function expireLastYear(deps: Deps): Promise<void> {
  const year = Number(chinaDay(deps.clock.now()).slice(0, 4)) - 1;
  const districts = await deps.db.selectFrom('org_nodes').select('id').where('kind', '=', 'district').execute();
  for (const d of districts) await expirePoints(deps, d.id, year);
}
