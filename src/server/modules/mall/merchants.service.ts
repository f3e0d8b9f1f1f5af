// The merchant alliance (商企合伙人): apply → community review → street filing; staff; annual evaluation and exit.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import { type Actor, can, canAbove, grantsFor } from '../../platform/permissions.js';
import { maskPhone } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { ensureRole } from '../accounts/index.js';
import { findNode } from '../org/index.js';
import type { MerchantTable } from './mall.tables.js';
import { type MerchantState, nextMerchantState } from './mall.rules.js';
import { refundOrders } from './orders.service.js';
import type { Selectable } from 'kysely';

type MerchantRow = Selectable<MerchantTable> & { community_name: string; community_path: string };

export interface Merchant {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  name: string;
  licenceNo: string;
  address: string;
  lat: number | null;
  lng: number | null;
  category: string;
  offerSummary: string;
  contactName: string;
  contactPhoneMasked: string;
  status: MerchantState;
  fenPerPoint: number;
  fundName: string | null;
  rejectReason: string | null;
  filedAt: string | null;
  exitedAt: string | null;
  exitReason: string | null;
  createdAt: string;
  isMine: boolean;
}

function merchants(db: Executor) {
  return db.selectFrom('merchants as m')
    .innerJoin('org_nodes as c', (j) => j.onRef('c.district_id', '=', 'm.district_id').onRef('c.id', '=', 'm.community_id'))
    .selectAll('m').select(['c.name as community_name', 'c.path as community_path']);
}

/** A merchant row by id. */
export function findMerchant(db: Executor, id: string): Promise<MerchantRow | undefined> {
  return merchants(db).where('m.id', '=', id).executeTakeFirst();
}

/** True when the person is staff of the merchant. */
export async function isMerchantStaff(db: Executor, districtId: string, merchantId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('merchant_staff').select('user_id').where('district_id', '=', districtId)
    .where('merchant_id', '=', merchantId).where('user_id', '=', userId).executeTakeFirst());
}

async function present(deps: Deps, db: Executor, actor: Actor | null, rows: MerchantRow[]): Promise<Merchant[]> {
  const mine = actor
    ? new Set((await db.selectFrom('merchant_staff').select('merchant_id').where('user_id', '=', actor.userId).execute()).map((r) => r.merchant_id))
    : new Set<string>();
  return rows.map((m) => ({
    id: m.id, districtId: m.district_id, communityId: m.community_id, communityName: m.community_name, name: m.name,
    licenceNo: m.licence_no, address: m.address, lat: m.lat, lng: m.lng, category: m.category, offerSummary: m.offer_summary,
    contactName: m.contact_name, contactPhoneMasked: maskPhone(deps.cipher.decrypt(m.contact_phone_enc)), status: m.status as MerchantState,
    fenPerPoint: Number(m.fen_per_point), fundName: m.fund_name, rejectReason: m.reject_reason, filedAt: m.filed_at,
    exitedAt: m.exited_at, exitReason: m.exit_reason, createdAt: m.created_at, isMine: mine.has(m.id),
  }));
}

/** A shop applies to join the alliance in its community. */
export async function applyMerchant(
  deps: Deps,
  actor: Actor,
  input: {
    communityId: string; name: string; licenceNo: string; address: string; lat?: number | null; lng?: number | null;
    category: string; offerSummary: string; contactName: string; contactPhone: string;
  },
): Promise<Merchant> {
  return inTransaction(deps.db, async ({ trx }) => {
    const c = await findNode(trx, input.communityId);
    if (!c || c.kind !== 'community' || c.archived_at) throw notFound('org_node');
    const dup = await trx.selectFrom('merchants').select('id').where('district_id', '=', c.district_id).where('licence_no', '=', input.licenceNo).executeTakeFirst();
    if (dup) throw new AppError('LICENCE_TAKEN');
    const id = newId();
    const now = iso(deps.clock.now());
    await trx.insertInto('merchants').values({
      district_id: c.district_id, id, community_id: c.id, name: input.name, licence_no: input.licenceNo, address: input.address,
      lat: input.lat ?? null, lng: input.lng ?? null, category: input.category, offer_summary: input.offerSummary,
      contact_name: input.contactName, contact_phone_enc: deps.cipher.encrypt(input.contactPhone), applicant_user_id: actor.userId,
      status: 'applied', fen_per_point: 0, fund_name: null, reviewed_by: null, reviewed_at: null, reject_reason: null,
      filed_by: null, filed_at: null, exited_at: null, exit_reason: null, created_at: now, updated_at: now,
    }).execute();
    return (await present(deps, trx, actor, [(await findMerchant(trx, id))!]))[0];
  });
}

async function transition(
  deps: Deps,
  actor: Actor,
  id: string,
  action: 'approve' | 'reject' | 'file',
  patch: Partial<Selectable<MerchantTable>>,
  details: Record<string, unknown>,
): Promise<Merchant> {
  return inTransaction(deps.db, async ({ trx }) => {
    const m = await findMerchant(trx, id);
    const target = m && { districtId: m.district_id, path: m.community_path };
    // Reviewing is the community's; filing is the street's (authority above the community).
    const allowed = target && (action === 'file' ? canAbove(actor, 'mall.manage', target) : can(actor, 'mall.manage', target));
    if (!m || !allowed) throw notFound('merchant');
    const next = nextMerchantState(m.status as MerchantState, action);
    if (!next) throw new AppError('MERCHANT_STATE', { status: m.status, action: action === 'file' ? 'file' : 'review' });
    const now = iso(deps.clock.now());
    await trx.updateTable('merchants').set({ ...patch, status: next, updated_at: now }).where('district_id', '=', m.district_id).where('id', '=', id).execute();
    if (action === 'file') {
      // The applicant becomes the merchant's first staff account.
      await trx.insertInto('merchant_staff').values({ district_id: m.district_id, merchant_id: id, user_id: m.applicant_user_id, created_at: now })
        .onConflict((oc) => oc.columns(['district_id', 'merchant_id', 'user_id']).doNothing()).execute();
      await ensureRole(deps, trx, { userId: m.applicant_user_id, role: 'merchant_staff', districtId: m.district_id, nodeId: m.community_id, grantedBy: actor.userId });
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: m.district_id, action: `merchant.${action}`, targetType: 'merchant', targetId: id, scopeNodeId: m.community_id,
      scopePath: m.community_path, details: { name: m.name, ...details },
    });
    return (await present(deps, trx, actor, [(await findMerchant(trx, id))!]))[0];
  });
}

/** The community approves or rejects (with a reason) an application. */
export async function reviewMerchant(deps: Deps, actor: Actor, id: string, input: { decision: 'approve' | 'reject'; reason?: string | null }) {
  if (input.decision === 'reject' && !input.reason?.trim()) throw new AppError('REASON_REQUIRED');
  return transition(deps, actor, id, input.decision, {
    reviewed_by: actor.userId, reviewed_at: iso(deps.clock.now()), reject_reason: input.decision === 'reject' ? input.reason!.trim() : null,
  }, { decision: input.decision, reason: input.reason ?? null });
}

/** The street files (备案) a reviewed merchant with the agreed settlement terms; only filed merchants are active. */
export async function fileMerchant(deps: Deps, actor: Actor, id: string, input: { fenPerPoint: number; fundName?: string | null }) {
  return transition(deps, actor, id, 'file', {
    filed_by: actor.userId, filed_at: iso(deps.clock.now()), fen_per_point: input.fenPerPoint, fund_name: input.fundName ?? null,
  }, { fenPerPoint: input.fenPerPoint, fundName: input.fundName ?? null });
}

/** Annual evaluation: ratings, complaints, redemptions and the reviewer's decision; "exit" removes offers and refunds open vouchers. */
export async function evaluateMerchant(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { year: number; decision: 'renew' | 'exit'; note?: string | null },
) {
  const result = await inTransaction(deps.db, async ({ trx }) => {
    const m = await findMerchant(trx, id);
    if (!m || !can(actor, 'mall.manage', { districtId: m.district_id, path: m.community_path })) throw notFound('merchant');
    if (m.status !== 'filed') throw new AppError('MERCHANT_STATE', { status: m.status, action: 'evaluate' });
    const done = await trx.selectFrom('merchant_evaluations').select('id').where('district_id', '=', m.district_id)
      .where('merchant_id', '=', id).where('year', '=', input.year).executeTakeFirst();
    if (done) throw new AppError('EVALUATION_EXISTS', { year: input.year });
    const stats = await merchantYearStats(trx, m.district_id, id, input.year);
    const now = iso(deps.clock.now());
    await trx.insertInto('merchant_evaluations').values({
      district_id: m.district_id, id: newId(), merchant_id: id, year: input.year, rating_x10: stats.ratingX10, ratings: stats.ratings,
      complaints: stats.complaints, redemptions: stats.redemptions, decision: input.decision, note: input.note ?? null,
      decided_by: actor.userId, decided_at: now,
    }).execute();
    if (input.decision === 'exit') {
      await trx.updateTable('merchants').set({ status: 'exited', exited_at: now, exit_reason: input.note ?? '年度评议未通过', updated_at: now })
        .where('district_id', '=', m.district_id).where('id', '=', id).execute();
      await trx.updateTable('catalog_items').set({ status: 'removed', updated_at: now })
        .where('district_id', '=', m.district_id).where('merchant_id', '=', id).execute();
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: m.district_id, action: 'merchant.evaluate', targetType: 'merchant', targetId: id, scopeNodeId: m.community_id,
      scopePath: m.community_path, details: { year: input.year, decision: input.decision, ...stats },
    });
    return { districtId: m.district_id, stats };
  });
  // Refunds run after the exit commits, one voucher per transaction; rerunning refunds nothing twice.
  const refunded = input.decision === 'exit' ? await refundOrders(deps, { merchantId: id, reason: 'merchant_exit' }) : 0;
  return { merchant: (await present(deps, deps.db, actor, [(await findMerchant(deps.db, id))!]))[0], ...result.stats, refunded };
}

/** Ratings, complaints and redemptions of a merchant in a year. */
export async function merchantYearStats(db: Executor, districtId: string, merchantId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const r = await db.selectFrom('voucher_ratings').select([(eb) => eb.fn.avg<number>('score').as('avg'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('district_id', '=', districtId).where('merchant_id', '=', merchantId).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirstOrThrow();
  const c = await db.selectFrom('merchant_complaints').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId).where('merchant_id', '=', merchantId).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirstOrThrow();
  const o = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId).where('merchant_id', '=', merchantId).where('status', '=', 'redeemed')
    .where('redeemed_at', '>=', from).where('redeemed_at', '<', to).executeTakeFirstOrThrow();
  return {
    ratingX10: r.avg === null ? null : Math.round(Number(r.avg) * 10), ratings: Number(r.n), complaints: Number(c.n), redemptions: Number(o.n),
  };
}

/** Merchants: staff see their scope (all states); everyone else sees filed merchants of a district. */
export async function listMerchants(
  deps: Deps,
  actor: Actor,
  q: { districtId?: string; status?: MerchantState; mine?: boolean; cursor?: string; limit?: number },
): Promise<Page<Merchant>> {
  const limit = q.limit ?? 50;
  let query = merchants(deps.db);
  const reaches = grantsFor(actor, 'mall.manage').map((g) => ({ districtId: g.districtId, path: g.path }));
  if (q.mine) {
    // My shops: those I staff, and my own applications in any state.
    query = query.where((eb) => eb.or([
      eb.exists(eb.selectFrom('merchant_staff as s').select('s.user_id').whereRef('s.merchant_id', '=', 'm.id').where('s.user_id', '=', actor.userId)),
      eb('m.applicant_user_id', '=', actor.userId),
    ]));
  } else if (q.status && q.status !== 'filed' && reaches.length) {
    query = query.where('m.status', '=', q.status)
      .where((eb) => eb.or(reaches.map((r) => eb.and([eb('m.district_id', '=', r.districtId), eb('c.path', 'like', `${r.path}%`)]))));
  } else {
    query = query.where((eb) => eb.or([
      eb('m.status', '=', 'filed'),
      ...reaches.map((r) => eb.and([eb('m.district_id', '=', r.districtId), eb('c.path', 'like', `${r.path}%`)])),
      eb('m.applicant_user_id', '=', actor.userId),
    ]));
    if (q.status) query = query.where('m.status', '=', q.status);
  }
  if (q.districtId) query = query.where('m.district_id', '=', q.districtId);
  const before = decodeCursor(q.cursor);
  if (before) query = query.where('m.id', '<', before);
  const rows = await query.orderBy('m.id', 'desc').limit(limit + 1).execute();
  const page = toPage(rows, limit, (r) => r.id, (r) => r);
  return { items: await present(deps, deps.db, actor, page.items), nextCursor: page.nextCursor };
}
