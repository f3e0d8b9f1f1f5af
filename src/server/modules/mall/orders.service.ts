// Orders and vouchers: points move through the ledger in the same transaction as the stock and limit checks; a
// voucher carries a signed QR code and a short code; staff redeem it (核销) once; cancelled, expired and exited
// merchants' vouchers are refunded exactly once.
import type { Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import { chinaDate, chinaDateTime, chinaDayStart, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import { type Actor, can } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { accountFor, personAccount, postJournal } from '../ledger/index.js';
import { findNode } from '../org/index.js';
import { findItem, visibleTo } from './catalog.service.js';
import type { OrderTable } from './mall.tables.js';
import { newShortCode, normaliseCode, type OrderState, VOUCHER_PREFIX } from './mall.rules.js';

type OrderRow = Selectable<OrderTable> & { title: string; kind: string; merchant_name: string | null; merchant_address: string | null; holder_name: string };

export interface Voucher {
  id: string;
  districtId: string;
  itemId: string;
  title: string;
  kind: string;
  merchantId: string | null;
  merchantName: string | null;
  merchantAddress: string | null;
  /** The resident's display name (shown to the counter staff who redeem it). */
  holderName: string;
  points: number;
  status: OrderState;
  shortCode: string;
  qrPayload: string;
  expiresAt: string;
  redeemedAt: string | null;
  createdAt: string;
  rated: boolean;
}

function orders(db: Executor) {
  return db.selectFrom('orders as o')
    .innerJoin('catalog_items as i', (j) => j.onRef('i.district_id', '=', 'o.district_id').onRef('i.id', '=', 'o.item_id'))
    .leftJoin('merchants as m', (j) => j.onRef('m.district_id', '=', 'o.district_id').onRef('m.id', '=', 'o.merchant_id'))
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .selectAll('o').select(['i.title', 'i.kind', 'm.name as merchant_name', 'm.address as merchant_address', 'u.display_name as holder_name']);
}

/** The signed QR payload of a voucher: LINLI-V.<order id>.<signature>. */
export function voucherQr(deps: Deps, orderId: string): string {
  return `${VOUCHER_PREFIX}.${orderId}.${deps.cipher.blindIndex('voucher', orderId).slice(0, 22)}`;
}

async function present(deps: Deps, db: Executor, rows: OrderRow[]): Promise<Voucher[]> {
  const rated = rows.length
    ? new Set((await db.selectFrom('voucher_ratings').select('order_id').where('order_id', 'in', rows.map((r) => r.id)).execute()).map((r) => r.order_id))
    : new Set<string>();
  return rows.map((o) => ({
    id: o.id, districtId: o.district_id, itemId: o.item_id, title: o.title, kind: o.kind, merchantId: o.merchant_id, merchantName: o.merchant_name, merchantAddress: o.merchant_address, holderName: o.holder_name,
    points: Number(o.points), status: o.status as OrderState, shortCode: o.short_code, qrPayload: voucherQr(deps, o.id), expiresAt: o.expires_at,
    redeemedAt: o.redeemed_at, createdAt: o.created_at, rated: rated.has(o.id),
  }));
}

/** A resident orders an item; the voucher comes back. A retry with the same key returns the first order. */
export async function placeOrder(deps: Deps, actor: Actor, input: { itemId: string; idempotencyKey: string }): Promise<Voucher> {
  const id = await inTransaction(deps.db, async ({ trx }) => {
    const prior = await trx.selectFrom('orders').select('id').where('user_id', '=', actor.userId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    if (prior) return prior.id;
    const it = await findItem(trx, input.itemId);
    if (!it) throw notFound('catalog_item');
    const now = deps.clock.now();
    if (it.status !== 'active' || (it.valid_until && it.valid_until <= iso(now)) || (it.merchant_id && it.merchant_status !== 'filed')) {
      throw new AppError('ITEM_UNAVAILABLE');
    }
    if (!(await visibleTo(trx, actor.userId, it))) throw notFound('catalog_item');
    // The stock UPDATE locks the item row: per-person limits below are checked one order at a time.
    if (it.stock !== null) {
      const res = await trx.updateTable('catalog_items').set((eb) => ({ stock: eb('stock', '-', 1) }))
        .where('district_id', '=', it.district_id).where('id', '=', it.id).where('stock', '>=', 1).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('OUT_OF_STOCK');
    } else {
      await trx.updateTable('catalog_items').set((eb) => ({ stock: eb.ref('stock') })).where('district_id', '=', it.district_id).where('id', '=', it.id).execute();
    }
    if (it.per_person_limit !== null) {
      const n = await trx.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('district_id', '=', it.district_id)
        .where('item_id', '=', it.id).where('user_id', '=', actor.userId).where('status', 'in', ['active', 'redeemed']).executeTakeFirstOrThrow();
      if (Number(n.n) >= it.per_person_limit) throw new AppError('ORDER_LIMIT', { limit: it.per_person_limit, count: Number(n.n) });
    }
    const orderId = newId();
    const person = await personAccount(deps, trx, it.district_id, actor.userId);
    const community = (await findNode(trx, it.community_id))!;
    const payee = it.merchant_id
      ? await accountFor(deps, trx, it.district_id, { type: 'merchant', id: it.merchant_id, name: it.merchant_name!, communityId: it.community_id })
      : await accountFor(deps, trx, it.district_id, { type: 'community', id: it.community_id, purpose: 'supermarket', name: community.name });
    const { journal } = await postJournal(deps, trx, {
      districtId: it.district_id, type: 'redeem', reason: `兑换：${it.title}${it.merchant_name ? `（${it.merchant_name}）` : ''}`,
      actorId: actor.userId, refType: 'order', refId: orderId, idempotencyKey: `order:${orderId}`, communityId: it.community_id,
      postings: [{ accountId: person.id, amount: -Number(it.price_points) }, { accountId: payee.id, amount: Number(it.price_points) }],
    });
    for (let attempt = 0; ; attempt++) {
      const code = newShortCode();
      const clash = await trx.selectFrom('orders').select('id').where('district_id', '=', it.district_id).where('short_code', '=', code).executeTakeFirst();
      if (clash && attempt < 5) continue;
      await trx.insertInto('orders').values({
        district_id: it.district_id, id: orderId, item_id: it.id, merchant_id: it.merchant_id, community_id: it.community_id,
        user_id: actor.userId, points: Number(it.price_points), status: 'active', short_code: code,
        expires_at: iso(new Date(now.getTime() + Number(it.voucher_days) * 86_400_000)), journal_id: journal.id, refund_journal_id: null,
        redeemed_at: null, redeemed_by: null, redeem_key: null, idempotency_key: input.idempotencyKey, created_at: iso(now), updated_at: iso(now),
      }).execute();
      break;
    }
    return orderId;
  });
  return (await present(deps, deps.db, [(await orders(deps.db).where('o.id', '=', id).executeTakeFirstOrThrow())]))[0];
}

/** Refunds one active order in its own transaction (cancel, expiry, merchant exit); false when it was not active. */
async function refundOne(deps: Deps, order: { district_id: string; id: string }, to: 'cancelled' | 'expired' | 'refunded', actor: Actor | null): Promise<boolean> {
  return inTransaction(deps.db, async ({ trx }) => {
    const now = iso(deps.clock.now());
    const res = await trx.updateTable('orders').set({ status: to, updated_at: now })
      .where('district_id', '=', order.district_id).where('id', '=', order.id).where('status', '=', 'active').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    const o = (await orders(trx).where('o.id', '=', order.id).executeTakeFirstOrThrow());
    const it = (await findItem(trx, o.item_id))!;
    if (it.stock !== null) {
      await trx.updateTable('catalog_items').set((eb) => ({ stock: eb('stock', '+', 1) })).where('district_id', '=', o.district_id).where('id', '=', o.item_id).execute();
    }
    const original = await trx.selectFrom('postings').selectAll().where('district_id', '=', o.district_id).where('journal_id', '=', o.journal_id).execute();
    const WHY = { cancelled: '取消兑换', expired: '兑换券过期', refunded: '商户退出联盟' };
    const { journal } = await postJournal(deps, trx, {
      districtId: o.district_id, type: 'refund', reason: `${WHY[to]}，退还积分：${o.title}`, actorId: actor?.userId ?? null,
      refType: 'order', refId: o.id, idempotencyKey: `refund:order:${o.id}`, communityId: o.community_id,
      postings: original.map((p) => ({ accountId: p.account_id, amount: -Number(p.amount) })),
    });
    await trx.updateTable('orders').set({ refund_journal_id: journal.id }).where('district_id', '=', o.district_id).where('id', '=', o.id).execute();
    return true;
  });
}

/** The resident cancels an unredeemed voucher; the points come back. */
export async function cancelOrder(deps: Deps, actor: Actor, id: string): Promise<Voucher> {
  const o = await orders(deps.db).where('o.id', '=', id).where('o.user_id', '=', actor.userId).executeTakeFirst();
  if (!o) throw notFound('voucher');
  if (o.status === 'redeemed') throw new AppError('VOUCHER_REDEEMED', { at: o.redeemed_at });
  if (o.status === 'active') await refundOne(deps, o, 'cancelled', actor);
  return (await present(deps, deps.db, [(await orders(deps.db).where('o.id', '=', id).executeTakeFirstOrThrow())]))[0];
}

/** Refunds active vouchers: expired ones (job and command), or all of an exited merchant. Idempotent. */
export async function refundOrders(deps: Deps, scope: { merchantId: string; reason: 'merchant_exit' } | { expiredBefore: string }): Promise<number> {
  let q = deps.db.selectFrom('orders').select(['district_id', 'id']).where('status', '=', 'active');
  q = 'merchantId' in scope ? q.where('merchant_id', '=', scope.merchantId) : q.where('expires_at', '<', scope.expiredBefore);
  let n = 0;
  for (const o of await q.execute()) {
    if (await refundOne(deps, o, 'merchantId' in scope ? 'refunded' : 'expired', null)) n += 1;
  }
  return n;
}

/** The scheduled and command form of expiry. */
export function expireVouchers(deps: Deps): Promise<number> {
  return refundOrders(deps, { expiredBefore: iso(deps.clock.now()) });
}

/** The person's vouchers, newest first. */
export async function listMyVouchers(deps: Deps, actor: Actor, q: { status?: OrderState; cursor?: string; limit?: number }): Promise<Page<Voucher>> {
  const limit = q.limit ?? 20;
  let query = orders(deps.db).where('o.user_id', '=', actor.userId);
  if (q.status) query = query.where('o.status', '=', q.status);
  const before = decodeCursor(q.cursor);
  if (before) query = query.where('o.id', '<', before);
  const rows = await query.orderBy('o.id', 'desc').limit(limit + 1).execute();
  const page = toPage(rows, limit, (r) => r.id, (r) => r);
  return { items: await present(deps, deps.db, page.items), nextCursor: page.nextCursor };
}

/** One of the person's vouchers. */
export async function getVoucher(deps: Deps, actor: Actor, id: string): Promise<Voucher> {
  const o = await orders(deps.db).where('o.id', '=', id).where('o.user_id', '=', actor.userId).executeTakeFirst();
  if (!o) throw notFound('voucher');
  return (await present(deps, deps.db, [o]))[0];
}

/** Finds the order behind a scanned QR payload or a typed short code, among the districts where the actor works. */
async function resolveCode(deps: Deps, db: Executor, actor: Actor, code: string): Promise<OrderRow> {
  const raw = code.trim();
  if (raw.startsWith(`${VOUCHER_PREFIX}.`)) {
    const [, orderId, sig] = raw.split('.');
    if (!orderId || sig !== deps.cipher.blindIndex('voucher', orderId).slice(0, 22)) throw new AppError('VOUCHER_INVALID');
    const o = await orders(db).where('o.id', '=', orderId).executeTakeFirst();
    if (!o) throw new AppError('VOUCHER_INVALID');
    return o;
  }
  const districts = [...new Set([
    ...actor.roles.map((r) => r.districtId),
    ...(await db.selectFrom('merchant_staff').select('district_id').where('user_id', '=', actor.userId).execute()).map((r) => r.district_id),
  ])];
  if (districts.length === 0) throw new AppError('VOUCHER_INVALID');
  const o = await orders(db).where('o.district_id', 'in', districts).where('o.short_code', '=', normaliseCode(raw)).executeTakeFirst();
  if (!o) throw new AppError('VOUCHER_INVALID');
  return o;
}

/** Whether the actor redeems for this order's payee: its merchant's staff, or the supermarket's community staff. */
async function redeemsFor(db: Executor, actor: Actor, o: OrderRow): Promise<boolean> {
  if (o.merchant_id) {
    return !!(await db.selectFrom('merchant_staff').select('user_id').where('district_id', '=', o.district_id)
      .where('merchant_id', '=', o.merchant_id).where('user_id', '=', actor.userId).executeTakeFirst());
  }
  const c = await findNode(db, o.community_id);
  return !!c && can(actor, 'mall.manage', { districtId: o.district_id, path: c.path });
}

function refusal(deps: Deps, o: OrderRow, redeemKey?: string): AppError | null {
  if (o.status === 'redeemed') return redeemKey && o.redeem_key === redeemKey ? null : new AppError('VOUCHER_REDEEMED', { at: chinaDateTime(o.redeemed_at!) });
  if (o.status === 'cancelled' || o.status === 'refunded') return new AppError('VOUCHER_CANCELLED');
  if (o.status === 'expired' || o.expires_at <= iso(deps.clock.now())) return new AppError('VOUCHER_EXPIRED', { at: chinaDateTime(o.expires_at) });
  return null;
}


export interface RedeemPreview extends Voucher {
  redeemable: boolean;
  problem: string | null;
}

/** What a scanned or typed voucher is for, before the staff confirm. */
export async function lookupVoucher(deps: Deps, actor: Actor, code: string, locale: 'zh-CN' | 'en'): Promise<RedeemPreview> {
  const o = await resolveCode(deps, deps.db, actor, code);
  if (!(await redeemsFor(deps.db, actor, o))) throw new AppError('VOUCHER_OTHER_MERCHANT', { merchant: o.merchant_name ?? '积分超市' });
  const problem = refusal(deps, o);
  const { translate, ERROR_TEXTS } = await import('../../platform/messages.js');
  return {
    ...(await present(deps, deps.db, [o]))[0], redeemable: !problem,
    problem: problem ? translate(ERROR_TEXTS, problem.code, locale, problem.params) : null,
  };
}

/** Redeems (核销) a voucher once; a network retry with the same redeemKey answers the same success. */
export async function redeemVoucher(deps: Deps, actor: Actor, input: { code: string; redeemKey: string }): Promise<Voucher> {
  const id = await inTransaction(deps.db, async ({ trx }) => {
    const o = await resolveCode(deps, trx, actor, input.code);
    if (!(await redeemsFor(trx, actor, o))) throw new AppError('VOUCHER_OTHER_MERCHANT', { merchant: o.merchant_name ?? '积分超市' });
    const now = iso(deps.clock.now());
    const res = await trx.updateTable('orders').set({ status: 'redeemed', redeemed_at: now, redeemed_by: actor.userId, redeem_key: input.redeemKey, updated_at: now })
      .where('district_id', '=', o.district_id).where('id', '=', o.id).where('status', '=', 'active').where('expires_at', '>', now).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      const fresh = (await orders(trx).where('o.id', '=', o.id).executeTakeFirstOrThrow());
      const problem = refusal(deps, fresh, input.redeemKey);
      if (problem) throw problem;
      return o.id;
    }
    const c = (await findNode(trx, o.community_id))!;
    await recordAudit(trx, deps.clock, actor, {
      districtId: o.district_id, action: 'voucher.redeem', targetType: 'voucher', targetId: o.id, scopeNodeId: c.id, scopePath: c.path,
      details: { merchantId: o.merchant_id, points: o.points, title: o.title },
    });
    return o.id;
  });
  return (await present(deps, deps.db, [(await orders(deps.db).where('o.id', '=', id).executeTakeFirstOrThrow())]))[0];
}

/** Today's (China time) redemptions by the merchants the actor staffs. */
export async function listTodayRedemptions(deps: Deps, actor: Actor): Promise<Voucher[]> {
  const now = deps.clock.now();
  const startOfDay = chinaDayStart(chinaDate(now)).toISOString();
  const rows = await orders(deps.db).where('o.status', '=', 'redeemed').where('o.redeemed_at', '>=', startOfDay)
    .where((eb) => eb.or([
      eb('o.redeemed_by', '=', actor.userId),
      eb.exists(eb.selectFrom('merchant_staff as s').select('s.user_id').whereRef('s.merchant_id', '=', 'o.merchant_id').where('s.user_id', '=', actor.userId)),
    ]))
    .orderBy('o.redeemed_at', 'desc').limit(500).execute();
  return present(deps, deps.db, rows);
}

/** The resident rates a redeemed voucher (once). */
export async function rateVoucher(deps: Deps, actor: Actor, id: string, input: { score: number; comment?: string | null }): Promise<Voucher> {
  await inTransaction(deps.db, async ({ trx }) => {
    const o = await orders(trx).where('o.id', '=', id).where('o.user_id', '=', actor.userId).executeTakeFirst();
    if (!o) throw notFound('voucher');
    if (o.status !== 'redeemed') throw new AppError('RATING_NOT_ALLOWED');
    const res = await trx.insertInto('voucher_ratings').values({
      district_id: o.district_id, order_id: o.id, merchant_id: o.merchant_id, score: input.score, comment: input.comment ?? null, created_at: iso(deps.clock.now()),
    }).onConflict((oc) => oc.columns(['district_id', 'order_id']).doNothing()).executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 1) === 0) throw new AppError('RATING_DUPLICATE');
  });
  return getVoucher(deps, actor, id);
}

/** A resident complains about a merchant (optionally about one voucher); it counts in the annual evaluation. */
export async function complainMerchant(deps: Deps, actor: Actor, input: { merchantId: string; orderId?: string | null; content: string }) {
  return inTransaction(deps.db, async ({ trx }) => {
    const m = await trx.selectFrom('merchants').select(['district_id', 'id', 'community_id', 'status']).where('id', '=', input.merchantId).executeTakeFirst();
    if (!m || m.status === 'applied' || m.status === 'rejected') throw notFound('merchant');
    if (input.orderId) {
      const o = await trx.selectFrom('orders').select('id').where('id', '=', input.orderId).where('user_id', '=', actor.userId).where('merchant_id', '=', m.id).executeTakeFirst();
      if (!o) throw notFound('voucher');
    }
    const id = newId();
    await trx.insertInto('merchant_complaints').values({
      district_id: m.district_id, id, merchant_id: m.id, order_id: input.orderId ?? null, user_id: actor.userId, content: input.content, created_at: iso(deps.clock.now()),
    }).execute();
    return { id };
  });
}
