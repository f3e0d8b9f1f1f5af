// Orders and vouchers: points move through the ledger in the same transaction as the stock and limit checks; a
// voucher carries a signed QR code and a short code; staff redeem it (核销) once. Refunds live in refunds.service.ts.
import { recordAudit } from '../../platform/audit.js';
import { chinaDate, chinaDateTime, chinaDayStart, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { must, onlyRow } from '../../platform/must.js';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { accountFor, assertPointsHere, ensurePersonAccount, postJournal } from '../ledger/index.js';
import { findNode } from '../org/index.js';
import { canRedeem, isVisibleTo } from './mall.policy.js';
import * as repo from './mall.repository.js';
import {
  isOrderable,
  type ItemKind,
  newShortCode,
  normaliseCode,
  orderReason,
  type OrderState,
  VOUCHER_PREFIX,
} from './mall.rules.js';
import type { Complaint, ListMyVouchers, PlaceOrder, RateVoucher, RedeemVoucher } from './mall.schemas.js';
import { refundOne } from './refunds.service.js';

export interface Voucher {
  id: string;
  districtId: string;
  itemId: string;
  title: string;
  kind: ItemKind;
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

/** The signed QR payload of a voucher: LINLI-V.<order id>.<signature>. */
export function voucherQr(deps: Deps, orderId: string): string {
  return `${VOUCHER_PREFIX}.${orderId}.${deps.cipher.blindIndex('voucher', orderId).slice(0, 22)}`;
}

async function present(deps: Deps, db: Executor, rows: repo.OrderRow[]): Promise<Voucher[]> {
  const rated = await repo.ratedOrderIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((o) => ({
    id: o.id,
    districtId: o.district_id,
    itemId: o.item_id,
    title: o.title,
    kind: o.kind,
    merchantId: o.merchant_id,
    merchantName: o.merchant_name,
    merchantAddress: o.merchant_address,
    holderName: o.holder_name,
    points: Number(o.points),
    status: o.status,
    shortCode: o.short_code,
    qrPayload: voucherQr(deps, o.id),
    expiresAt: o.expires_at,
    redeemedAt: o.redeemed_at,
    createdAt: o.created_at,
    rated: rated.has(o.id),
  }));
}

async function presentOne(deps: Deps, id: string): Promise<Voucher> {
  const o = must(await repo.findOrder(deps.db, id), `order ${id}`);
  return onlyRow(await present(deps, deps.db, [o]), 'presented voucher');
}

/** Thrown inside placeOrder's transaction to roll it back when the key turns out to be used: the first order answers. */
class KeyUsed extends Error {
  constructor(readonly order: { id: string; item_id: string }) {
    super('idempotency key used');
  }
}

/**
 * A resident orders an item; the voucher comes back. The idempotency key answers the first order to the same request
 * (also when two arrive at once on PostgreSQL) and IDEMPOTENCY_CONFLICT to a request for another item.
 */
export async function placeOrder(deps: Deps, actor: Actor, input: PlaceOrder): Promise<Voucher> {
  let first: { id: string; item_id: string } | undefined;
  try {
    const id = await inTransaction(deps.db, async ({ trx }) => {
      const prior = await repo.findOrderByKey(trx, actor.userId, input.idempotencyKey);
      if (prior) throw new KeyUsed(prior);
      const it = await repo.findItem(trx, input.itemId);
      if (!it || !(await isVisibleTo(trx, actor, it))) throw notFound('catalog_item');
      const now = deps.clock.now();
      if (!isOrderable(it, now)) throw new AppError('ITEM_UNAVAILABLE');
      // Taking the stock locks the item row (PostgreSQL): orders of one item run one at a time from here on, so a
      // twin request with the same key that committed meanwhile is seen below, as are the per-person limit's orders.
      const took = await repo.takeStock(trx, it.district_id, it.id, it.stock !== null);
      const twin = await repo.findOrderByKey(trx, actor.userId, input.idempotencyKey);
      if (twin) throw new KeyUsed(twin);
      if (!took) throw new AppError('OUT_OF_STOCK');
      if (it.per_person_limit !== null) {
        const held = await repo.countHeld(trx, it.district_id, it.id, actor.userId);
        if (held >= it.per_person_limit) throw new AppError('ORDER_LIMIT', { limit: it.per_person_limit, count: held });
      }
      const orderId = newId();
      const person = await ensurePersonAccount(deps, trx, it.district_id, actor.userId);
      if (Number(person.balance) < Number(it.price_points)) await assertPointsHere(trx, it.district_id, actor.userId);
      const payee = it.merchant_id
        ? await accountFor(deps, trx, it.district_id, {
            type: 'merchant',
            id: it.merchant_id,
            name: it.merchant_name!,
            communityId: it.community_id,
          })
        : await accountFor(deps, trx, it.district_id, {
            type: 'community',
            id: it.community_id,
            purpose: 'supermarket',
            name: (await findNode(trx, it.community_id))!.name,
          });
      const { journal } = await postJournal(deps, trx, {
        districtId: it.district_id,
        type: 'redeem',
        reason: orderReason(it.title, it.merchant_name),
        actorId: actor.userId,
        refType: 'order',
        refId: orderId,
        idempotencyKey: `order:${orderId}`,
        communityId: it.community_id,
        postings: [
          { accountId: person.id, amount: -Number(it.price_points) },
          { accountId: payee.id, amount: Number(it.price_points) },
        ],
      });
      let code = newShortCode();
      for (let attempt = 0; attempt < 5 && (await repo.shortCodeTaken(trx, it.district_id, code)); attempt++)
        code = newShortCode();
      await repo.insertOrder(trx, {
        district_id: it.district_id,
        id: orderId,
        item_id: it.id,
        merchant_id: it.merchant_id,
        community_id: it.community_id,
        user_id: actor.userId,
        points: Number(it.price_points),
        status: 'active',
        short_code: code,
        expires_at: iso(new Date(now.getTime() + Number(it.voucher_days) * 86_400_000)),
        journal_id: journal.id,
        refund_journal_id: null,
        redeemed_at: null,
        redeemed_by: null,
        redeem_key: null,
        idempotency_key: input.idempotencyKey,
        created_at: iso(now),
        updated_at: iso(now),
      });
      return orderId;
    });
    return await presentOne(deps, id);
  } catch (e) {
    if (e instanceof KeyUsed) first = e.order;
    // A twin for another item locks another row, so both can reach the insert: the unique key stops the second.
    else if (repo.isOrderKeyClash(e)) first = await repo.findOrderByKey(deps.db, actor.userId, input.idempotencyKey);
    if (!first) throw e;
  }
  if (first.item_id !== input.itemId) throw new AppError('IDEMPOTENCY_CONFLICT');
  return presentOne(deps, first.id);
}

/** The resident cancels an unredeemed voucher; the points come back. A voucher redeemed first is a 409. */
export async function cancelOrder(deps: Deps, actor: Actor, id: string): Promise<Voucher> {
  const o = await repo.findOrderOf(deps.db, actor.userId, id);
  if (!o) throw notFound('voucher');
  if (o.status === 'active' && !(await refundOne(deps, o, 'cancelled', actor))) {
    // The refund's conditional UPDATE found the voucher no longer active: something (a redemption) got there first.
    const now = (await repo.findOrder(deps.db, id))!;
    if (now.status === 'redeemed') throw new AppError('VOUCHER_REDEEMED', { at: chinaDateTime(now.redeemed_at!) });
  } else if (o.status === 'redeemed') {
    throw new AppError('VOUCHER_REDEEMED', { at: chinaDateTime(o.redeemed_at!) });
  }
  return presentOne(deps, id);
}

/** The person's vouchers, newest first. */
export async function listMyVouchers(deps: Deps, actor: Actor, q: ListMyVouchers): Promise<Page<Voucher>> {
  const rows = await repo.listOrdersOf(deps.db, actor.userId, {
    status: q.status,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = toPage(
    rows,
    q.limit,
    (r) => r.id,
    (r) => r,
  );
  return { items: await present(deps, deps.db, page.items), nextCursor: page.nextCursor };
}

/** One of the person's vouchers. */
export async function getVoucher(deps: Deps, actor: Actor, id: string): Promise<Voucher> {
  const o = await repo.findOrderOf(deps.db, actor.userId, id);
  if (!o) throw notFound('voucher');
  return onlyRow(await present(deps, deps.db, [o]), 'presented voucher');
}

/** Finds the order behind a scanned QR payload or a typed short code, among the districts where the actor works. */
async function resolveCode(deps: Deps, db: Executor, actor: Actor, code: string): Promise<repo.OrderRow> {
  const raw = code.trim();
  if (raw.startsWith(`${VOUCHER_PREFIX}.`)) {
    const [, orderId, sig] = raw.split('.');
    if (!orderId || sig !== deps.cipher.blindIndex('voucher', orderId).slice(0, 22))
      throw new AppError('VOUCHER_INVALID');
    const o = await repo.findOrder(db, orderId);
    if (!o) throw new AppError('VOUCHER_INVALID');
    return o;
  }
  const districts = [
    ...new Set([
      ...actor.roles.map((r) => r.districtId),
      ...(await repo.shopsOf(db, actor.userId)).map((r) => r.district_id),
    ]),
  ];
  if (districts.length === 0) throw new AppError('VOUCHER_INVALID');
  const o = await repo.findOrderByCode(db, districts, normaliseCode(raw));
  if (!o) throw new AppError('VOUCHER_INVALID');
  return o;
}

/** The refusal when the actor does not redeem for this voucher's payee. */
function otherMerchant(o: repo.OrderRow): AppError {
  return new AppError(
    'VOUCHER_OTHER_MERCHANT',
    o.merchant_id ? { merchant: o.merchant_name } : { what: 'supermarket' },
  );
}

/** Why a voucher cannot be redeemed now (null = it can); a redemption under the same redeemKey is no problem. */
function refusal(deps: Deps, o: repo.OrderRow, redeemKey?: string): AppError | null {
  if (o.status === 'redeemed')
    return redeemKey && o.redeem_key === redeemKey
      ? null
      : new AppError('VOUCHER_REDEEMED', { at: chinaDateTime(o.redeemed_at!) });
  if (o.status === 'cancelled' || o.status === 'refunded') return new AppError('VOUCHER_CANCELLED');
  if (o.status === 'expired' || o.expires_at <= iso(deps.clock.now()))
    return new AppError('VOUCHER_EXPIRED', { at: chinaDateTime(o.expires_at) });
  return null;
}

/** A voucher as the counter sees it before confirming: the routes render `problem` in the request's language. */
export interface VoucherCheck extends Voucher {
  redeemable: boolean;
  problem: AppError | null;
}

/** The HTTP view of a VoucherCheck (problem rendered as text). */
export interface RedeemPreview extends Voucher {
  redeemable: boolean;
  problem: string | null;
}

/** What a scanned or typed voucher is for, before the staff confirm. */
export async function lookupVoucher(deps: Deps, actor: Actor, code: string): Promise<VoucherCheck> {
  const o = await resolveCode(deps, deps.db, actor, code);
  if (!(await canRedeem(deps.db, actor, o))) throw otherMerchant(o);
  const problem = refusal(deps, o);
  return { ...onlyRow(await present(deps, deps.db, [o]), 'presented voucher'), redeemable: !problem, problem };
}

/**
 * Redeems (核销) a voucher once. A retry with the same redeemKey answers the same success (also ten at once); the
 * same redeemKey on another voucher is IDEMPOTENCY_CONFLICT.
 */
export async function redeemVoucher(deps: Deps, actor: Actor, input: RedeemVoucher): Promise<Voucher> {
  const id = await inTransaction(deps.db, async ({ trx }) => {
    const o = await resolveCode(deps, trx, actor, input.code);
    if (!(await canRedeem(trx, actor, o))) throw otherMerchant(o);
    if (await repo.findRedemptionByKey(trx, o.district_id, actor.userId, input.redeemKey, o.id))
      throw new AppError('IDEMPOTENCY_CONFLICT');
    const now = iso(deps.clock.now());
    // The conditional UPDATE waits for a concurrent redemption of the same row (PostgreSQL) and then finds it redeemed.
    if (
      !(await repo.redeemOrderRow(trx, o.district_id, o.id, { userId: actor.userId, redeemKey: input.redeemKey, now }))
    ) {
      const problem = refusal(deps, (await repo.findOrder(trx, o.id))!, input.redeemKey);
      if (problem) throw problem;
      return o.id;
    }
    const c = (await findNode(trx, o.community_id))!;
    await recordAudit(trx, deps.clock, actor, {
      districtId: o.district_id,
      action: 'voucher.redeem',
      targetType: 'voucher',
      targetId: o.id,
      scopeNodeId: c.id,
      scopePath: c.path,
      details: { merchantId: o.merchant_id, points: o.points, title: o.title },
    });
    return o.id;
  });
  return presentOne(deps, id);
}

/** Today's (China time) redemptions by the actor or at the merchants they staff. */
export async function listTodayRedemptions(deps: Deps, actor: Actor): Promise<Voucher[]> {
  const startOfDay = iso(chinaDayStart(chinaDate(deps.clock.now())));
  return present(deps, deps.db, await repo.listRedemptionsSince(deps.db, actor.userId, startOfDay));
}

/** The resident rates a redeemed voucher (once). */
export async function rateVoucher(deps: Deps, actor: Actor, id: string, input: RateVoucher): Promise<Voucher> {
  await inTransaction(deps.db, async ({ trx }) => {
    const o = await repo.findOrderOf(trx, actor.userId, id);
    if (!o) throw notFound('voucher');
    if (o.status !== 'redeemed') throw new AppError('RATING_NOT_ALLOWED');
    const stored = await repo.insertRating(trx, {
      district_id: o.district_id,
      order_id: o.id,
      merchant_id: o.merchant_id,
      score: input.score,
      comment: input.comment ?? null,
      created_at: iso(deps.clock.now()),
    });
    if (!stored) throw new AppError('RATING_DUPLICATE');
  });
  return getVoucher(deps, actor, id);
}

/** A resident complains about a merchant (optionally about one voucher); it counts in the annual evaluation. */
export async function complainMerchant(
  deps: Deps,
  actor: Actor,
  input: Complaint & { merchantId: string },
): Promise<{ id: string }> {
  return inTransaction(deps.db, async ({ trx }) => {
    const m = await repo.findMerchant(trx, input.merchantId);
    if (!m || m.status === 'applied' || m.status === 'rejected') throw notFound('merchant');
    if (input.orderId && !(await repo.isOrderAtMerchant(trx, m.district_id, input.orderId, actor.userId, m.id)))
      throw notFound('voucher');
    const id = newId();
    await repo.insertComplaint(trx, {
      district_id: m.district_id,
      id,
      merchant_id: m.id,
      order_id: input.orderId ?? null,
      user_id: actor.userId,
      content: input.content,
      created_at: iso(deps.clock.now()),
    });
    return { id };
  });
}
