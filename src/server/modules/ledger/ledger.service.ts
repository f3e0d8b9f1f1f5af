// Movements people and staff make: awards, reversals, gifts, donations, co-build contributions, expiry;
// and what a person sees of their own points.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { countRows, type CountedPage, decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import { type Actor, can, reachesOf } from '../../platform/permissions.js';
import { maskName } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { must } from '../../platform/must.js';
import { findPersonHome, findPersonIdByPhoneIndex } from '../accounts/index.js';
import { districtNamesOf, findNode, nodesAt, nodesWithin } from '../org/index.js';
import { type Contributors, findContributor, NO_MERCHANTS } from './ledger.contributors.js';
import { accountFor, ensurePersonAccount, type JournalInput, postJournal, replayOf } from './ledger.core.js';
import * as repo from './ledger.repository.js';
import { chinaDay, expiringPoints, type JournalType } from './ledger.rules.js';
import { assertPointsHere } from './ledger.elsewhere.js';
import type { AccountsFilter, Award, Contribution, Donate, Gift, MyJournals } from './ledger.schemas.js';
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
    id: j.id,
    districtId: j.district_id,
    seq: Number(j.seq),
    type: j.type as JournalType,
    reason: j.reason,
    amount,
    effectiveDate: j.effective_date,
    createdAt: j.created_at,
    refType: j.ref_type,
    refId: j.ref_id,
    reversesId: j.reverses_id,
    hash: j.hash,
  };
}

/** Finds a person the actor manages points for (home or role within reach), with the node of that reach. */
async function personInScope(db: Executor, actor: Actor, userId: string) {
  const person = await findPersonHome(db, userId);
  const home = person?.homeNodeId ? await findNode(db, person.homeNodeId) : undefined;
  if (!person || !home || !can(actor, 'points.manage', { districtId: home.district_id, path: home.path }))
    throw notFound('person');
  return { userId: person.userId, districtId: home.district_id, path: home.path, communityNodeId: home.id };
}

/** An admin awards points with a required reason (e.g. 年度优秀志愿者). */
export async function awardPoints(deps: Deps, actor: Actor, input: Award): Promise<JournalView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const p = await personInScope(trx, actor, input.userId);
    const person = await ensurePersonAccount(deps, trx, p.districtId, p.userId);
    const issuance = await accountFor(deps, trx, p.districtId, {
      type: 'district',
      id: p.districtId,
      purpose: 'issuance',
    });
    const { journal, created } = await postJournal(deps, trx, {
      districtId: p.districtId,
      type: 'award',
      reason: `奖励：${input.reason}`,
      actorId: actor.userId,
      refType: 'person',
      refId: p.userId,
      idempotencyKey: `award:${input.idempotencyKey}`,
      communityId: p.communityNodeId,
      postings: [
        { accountId: issuance.id, amount: -input.points },
        { accountId: person.id, amount: input.points },
      ],
    });
    if (created) {
      await recordAudit(trx, deps.clock, actor, {
        districtId: p.districtId,
        action: 'points.award',
        targetType: 'person',
        targetId: p.userId,
        scopeNodeId: p.communityNodeId,
        scopePath: p.path,
        details: { points: input.points, reason: input.reason, journalId: journal.id },
      });
    }
    return view(journal, input.points);
  });
}

/** Undoes a journal with a reversing journal that references it (never by editing it). */
export async function reverseJournal(
  deps: Deps,
  actor: Actor,
  journalId: string,
  reason: string,
): Promise<JournalView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const j = await repo.findJournalById(trx, journalId);
    const district = j ? await findNode(trx, j.district_id) : undefined;
    const node = j?.community_id ? await findNode(trx, j.community_id) : district;
    if (!j || !node || !can(actor, 'points.manage', { districtId: j.district_id, path: node.path }))
      throw notFound('journal');
    if (j.type === 'reverse') throw new AppError('JOURNAL_NOT_REVERSIBLE', { why: '冲正记录本身' });
    if (await repo.findJournalByKey(trx, j.district_id, `reverse:${j.id}`))
      throw new AppError('JOURNAL_NOT_REVERSIBLE', { why: '已冲正过' });
    const postings = await repo.postingsOf(trx, j.district_id, [j.id]);
    const { journal, created } = await postJournal(deps, trx, {
      districtId: j.district_id,
      type: 'reverse',
      reason: `冲正：${reason}`,
      actorId: actor.userId,
      refType: 'journal',
      refId: j.id,
      reversesId: j.id,
      idempotencyKey: `reverse:${j.id}`,
      communityId: j.community_id,
      postings: postings.map((p) => ({ accountId: p.account_id, amount: -p.amount })),
    });
    if (created) {
      await recordAudit(trx, deps.clock, actor, {
        districtId: j.district_id,
        action: 'points.reverse',
        targetType: 'journal',
        targetId: j.id,
        scopeNodeId: node.id,
        scopePath: node.path,
        details: { reason, reversalId: journal.id, type: j.type },
      });
    }
    return view(journal, 0);
  });
}

export const RELATIONS = ['spouse', 'parent', 'child', 'grandparent', 'grandchild'] as const;
const RELATION_TEXT: Record<(typeof RELATIONS)[number], string> = {
  spouse: '配偶',
  parent: '父母',
  child: '子女',
  grandparent: '祖父母或外祖父母',
  grandchild: '孙子女或外孙子女',
};

async function givenThisMonth(trx: Executor, districtId: string, accountId: string, month: string): Promise<number> {
  const row = await trx
    .selectFrom('postings as p')
    .innerJoin('journals as j', (jn) =>
      jn.onRef('j.district_id', '=', 'p.district_id').onRef('j.id', '=', 'p.journal_id'),
    )
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('p.amount'), eb.val(0)).as('s'))
    .where('p.district_id', '=', districtId)
    .where('p.account_id', '=', accountId)
    .where('j.type', 'in', ['gift', 'donate'])
    .where('j.effective_date', 'like', `${month}%`)
    .executeTakeFirstOrThrow();
  return -Number(row.s);
}

async function checkGiving(
  deps: Deps,
  trx: Executor,
  districtId: string,
  accountId: string,
  points: number,
  kind: 'gift' | 'donate',
) {
  const rules = await getPointRules(trx, districtId);
  if (kind === 'gift' && !rules.allowGifts) throw new AppError('GIFTS_DISABLED');
  if (kind === 'donate' && !rules.allowDonations) throw new AppError('DONATIONS_DISABLED');
  const used = await givenThisMonth(trx, districtId, accountId, chinaDay(deps.clock.now()).slice(0, 7));
  if (used + points > rules.monthlyGiveLimit) throw new AppError('GIVE_LIMIT', { limit: rules.monthlyGiveLimit, used });
}

/** Gives points to a direct relative (直系亲属) where the district allows it, within the monthly limit. */
export async function giftPoints(deps: Deps, actor: Actor, input: Gift): Promise<JournalView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const mine = await repo.findAccount(trx, input.districtId, 'user', actor.userId, 'main');
    if (!mine) await assertPointsHere(trx, input.districtId, actor.userId);
    if (!mine) throw new AppError('INSUFFICIENT_POINTS', { balance: 0, needed: input.points });
    const toId = await findPersonIdByPhoneIndex(trx, deps.cipher.blindIndex('phone', input.toPhone));
    if (!toId) throw notFound('person');
    if (toId === actor.userId) throw new AppError('GIFT_SELF');
    const theirs = await ensurePersonAccount(deps, trx, input.districtId, toId);
    const gift: JournalInput = {
      districtId: input.districtId,
      type: 'gift',
      reason: `直系亲属间转赠（受赠人是赠与人的${RELATION_TEXT[input.relation]}）`,
      actorId: actor.userId,
      refType: 'person',
      refId: toId,
      idempotencyKey: `gift:${actor.userId}:${input.idempotencyKey}`,
      communityId: mine.community_id,
      postings: [
        { accountId: mine.id, amount: -input.points },
        { accountId: theirs.id, amount: input.points },
      ],
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
export async function donatePoints(deps: Deps, actor: Actor, input: Donate): Promise<JournalView> {
  return inTransaction(deps.db, async ({ trx }) => {
    const community = await findNode(trx, input.communityId);
    if (!community || community.kind !== 'community') throw notFound('org_node');
    const mine = await repo.findAccount(trx, community.district_id, 'user', actor.userId, 'main');
    if (!mine) await assertPointsHere(trx, community.district_id, actor.userId);
    if (!mine) throw new AppError('INSUFFICIENT_POINTS', { balance: 0, needed: input.points });
    const fund = await accountFor(deps, trx, community.district_id, {
      type: 'community',
      id: community.id,
      purpose: 'fund',
      name: community.name,
    });
    const donation: JournalInput = {
      districtId: community.district_id,
      type: 'donate',
      reason: `捐赠至${community.name}公益基金`,
      actorId: actor.userId,
      refType: 'org_node',
      refId: community.id,
      idempotencyKey: `donate:${actor.userId}:${input.idempotencyKey}`,
      communityId: community.id,
      postings: [
        { accountId: mine.id, amount: -input.points },
        { accountId: fund.id, amount: input.points },
      ],
    };
    const prior = await replayOf(trx, donation);
    if (prior) return view(prior, -input.points);
    await checkGiving(deps, trx, community.district_id, mine.id, input.points, 'donate');
    const { journal } = await postJournal(deps, trx, donation);
    return view(journal, -input.points);
  });
}

const CONTRIBUTION_KIND: Record<Contribution['kind'], string> = {
  labour: '投工投劳',
  goods: '捐赠物资',
  money: '出资',
};

/**
 * Records an organisation's co-build contribution (labour, goods or money, valued in fen) and credits its points.
 * Merchants are found through `contributors` (wired by app.ts; see ledger.contributors.ts), so without it a
 * merchant contribution is 404.
 */
export async function recordContribution(
  deps: Deps,
  actor: Actor,
  input: Contribution,
  contributors: Contributors = NO_MERCHANTS,
) {
  return inTransaction(deps.db, async ({ trx }) => {
    const found = await findContributor(trx, input.orgType, input.orgId, contributors);
    const node = found ? await findNode(trx, found.nodeId) : undefined;
    if (!found || !node || !can(actor, 'points.manage', { districtId: found.districtId, path: node.path }))
      throw notFound('point_account');
    const org = { district_id: found.districtId, id: found.id, name: found.name };
    const account = await accountFor(deps, trx, org.district_id, {
      type: input.orgType,
      id: org.id,
      name: org.name,
      communityId: node.id,
    });
    const issuance = await accountFor(deps, trx, org.district_id, {
      type: 'district',
      id: org.district_id,
      purpose: 'issuance',
    });
    const yuan = (input.valueFen / 100).toFixed(2);
    const { journal, created } = await postJournal(deps, trx, {
      districtId: org.district_id,
      type: 'contribute',
      reason: `共建：${input.project}（${CONTRIBUTION_KIND[input.kind]}，折合¥${yuan}）`,
      actorId: actor.userId,
      refType: input.orgType,
      refId: org.id,
      idempotencyKey: `contribute:${input.idempotencyKey}`,
      communityId: node.kind === 'community' ? node.id : null,
      postings: [
        { accountId: issuance.id, amount: -input.points },
        { accountId: account.id, amount: input.points },
      ],
    });
    if (created) {
      await trx
        .insertInto('contributions')
        .values({
          district_id: org.district_id,
          id: newId(),
          journal_id: journal.id,
          account_id: account.id,
          community_id: node.id,
          kind: input.kind,
          value_fen: input.valueFen,
          project: input.project,
          description: input.description,
          created_at: iso(deps.clock.now()),
        })
        .execute();
      await recordAudit(trx, deps.clock, actor, {
        districtId: org.district_id,
        action: 'points.contribution',
        targetType: input.orgType,
        targetId: org.id,
        scopeNodeId: node.id,
        scopePath: node.path,
        details: { project: input.project, valueFen: input.valueFen, points: input.points, journalId: journal.id },
      });
    }
    const after = must(await repo.findAccountById(trx, org.district_id, account.id), `account ${account.id}`);
    return {
      journal: view(journal, input.points),
      accountId: account.id,
      accountName: account.name,
      balance: after.balance,
    };
  });
}

/** Expires, oldest first, points older than the district's expiry years at the end of `year`. Idempotent. */
export async function expirePoints(
  deps: Deps,
  districtId: string,
  year: number,
): Promise<{ accounts: number; points: number }> {
  const rules = await getPointRules(deps.db, districtId);
  if (rules.expiryYears === null) return { accounts: 0, points: 0 };
  const cutoff = `${year - rules.expiryYears + 1}-01-01`;
  const accounts = await deps.db
    .selectFrom('point_accounts')
    .select(['id'])
    .where('district_id', '=', districtId)
    .where('kind', '=', 'person')
    .execute();
  let total = 0;
  let touched = 0;
  for (const a of accounts) {
    await inTransaction(deps.db, async ({ trx }) => {
      const key = `expire:${year}:${a.id}`;
      if (await repo.findJournalByKey(trx, districtId, key)) return;
      const f = await repo.flowsOfAccount(trx, districtId, a.id, cutoff);
      const acc = must(await repo.findAccountById(trx, districtId, a.id), `account ${a.id}`);
      const points = Math.min(expiringPoints(f.creditsBefore, f.debits, f.expired), acc.balance);
      if (points <= 0) return;
      const issuance = await accountFor(deps, trx, districtId, {
        type: 'district',
        id: districtId,
        purpose: 'issuance',
      });
      await postJournal(deps, trx, {
        districtId,
        type: 'expire',
        reason: `${cutoff.slice(0, 4)}年以前获得的积分于${year}年底到期`,
        idempotencyKey: key,
        communityId: acc.community_id,
        effectiveDate: `${year}-12-31`,
        postings: [
          { accountId: a.id, amount: -points },
          { accountId: issuance.id, amount: points },
        ],
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
  const accounts = await deps.db
    .selectFrom('point_accounts')
    .select(['district_id', 'id', 'balance'])
    .where('owner_type', '=', 'user')
    .where('owner_id', '=', actor.userId)
    .execute();
  const districtNames = await districtNamesOf(
    deps.db,
    accounts.map((a) => a.district_id),
  );
  const items: MyPoints[] = [];
  for (const a of accounts) {
    const sums = await deps.db
      .selectFrom('postings')
      .select([
        (eb) =>
          eb.fn
            .coalesce(
              eb.fn.sum<number>(eb.case().when('amount', '>', 0).then(eb.ref('amount')).else(0).end()),
              eb.val(0),
            )
            .as('inflow'),
        (eb) =>
          eb.fn
            .coalesce(
              eb.fn.sum<number>(eb.case().when('amount', '<', 0).then(eb.ref('amount')).else(0).end()),
              eb.val(0),
            )
            .as('outflow'),
      ])
      .where('district_id', '=', a.district_id)
      .where('account_id', '=', a.id)
      .executeTakeFirstOrThrow();
    const rules = await getPointRules(deps.db, a.district_id);
    items.push({
      districtId: a.district_id,
      districtName: districtNames.get(a.district_id) ?? '',
      accountId: a.id,
      balance: Number(a.balance),
      earned: Number(sums.inflow),
      spent: -Number(sums.outflow),
      rules: {
        allowGifts: rules.allowGifts,
        allowDonations: rules.allowDonations,
        monthlyGiveLimit: rules.monthlyGiveLimit,
      },
    });
  }
  return { items };
}

/** The person's own journals in a district, newest first. */
export async function listMyJournals(deps: Deps, actor: Actor, q: MyJournals): Promise<Page<JournalView>> {
  const limit = q.limit;
  const acc = await repo.findAccount(deps.db, q.districtId, 'user', actor.userId, 'main');
  if (!acc) return { items: [], nextCursor: null };
  const before = decodeCursor(q.cursor);
  const rows = await repo.journalsOfAccount(deps.db, q.districtId, acc.id, before ? Number(before) : null, limit + 1);
  return toPage(
    rows,
    limit,
    (r) => String(r.seq),
    (r) => view(r, Number(r.amount)),
  );
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
  q: AccountsFilter,
): Promise<CountedPage<AccountView>> {
  const limit = q.limit;
  const reaches = reachesOf(actor, 'points.manage');
  if (reaches.length === 0) return { items: [], nextCursor: null, total: 0 };
  let query = deps.db
    .selectFrom('point_accounts as a')
    .selectAll('a')
    // A community's accounts when its community is in reach; district-wide accounts (no community) for district staff.
    .where((eb) =>
      eb.or([
        eb('a.community_id', 'in', nodesWithin(deps.db, reaches)),
        eb.and([eb('a.community_id', 'is', null), eb('a.district_id', 'in', nodesAt(deps.db, reaches))]),
      ]),
    );
  if (q.kind) query = query.where('a.kind', '=', q.kind);
  if (q.q) query = query.where('a.name', 'like', `%${q.q}%`);
  const total = await countRows(query);
  const before = decodeCursor(q.cursor);
  if (before) query = query.where('a.id', '<', before);
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = toPage(
    rows,
    limit,
    (a) => a.id,
    (a) => ({
      id: a.id,
      districtId: a.district_id,
      kind: a.kind,
      ownerType: a.owner_type,
      ownerId: a.owner_id,
      purpose: a.purpose,
      name: a.kind === 'person' ? maskName(a.name) : a.name,
      balance: Number(a.balance),
    }),
  );
  return { ...page, total };
}

/** Runs last year's expiry in every district that has an expiry policy (the scheduled job). */
export async function expireLastYear(deps: Deps): Promise<void> {
  const year = Number(chinaDay(deps.clock.now()).slice(0, 4)) - 1;
  // Districts without a ledger head have never posted a journal, so hold no points to expire.
  for (const d of await repo.districtsWithLedger(deps.db)) await expirePoints(deps, d.district_id, year);
}
