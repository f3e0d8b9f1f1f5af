// Every query of the mall: merchants and their staff, catalog items, orders (vouchers), ratings, complaints,
// evaluations and statements. Executor first; typed rows out; no rules, no clock, no AppError.
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { userNameOf } from '../accounts/index.js';
import { nodeFieldOf, nodesWithin } from '../org/index.js';
import type {
  CatalogItemTable,
  MerchantComplaintTable,
  MerchantEvaluationTable,
  MerchantStatementTable,
  MerchantTable,
  OrderTable,
  VoucherRatingTable,
} from './mall.tables.js';
import type { ItemKind, MerchantState, OrderState, RefundState } from './mall.rules.js';

/** A reach of a staff grant: a district and an org path prefix. */
export interface Reach {
  districtId: string;
  path: string;
}

// ---------------------------------------------------------------------------------------------------- merchants

export type MerchantRow = Selectable<MerchantTable> & { community_name: string; community_path: string };

function merchants(db: Executor) {
  return db
    .selectFrom('merchants as m')
    .selectAll('m')
    .select((eb) => [
      nodeFieldOf(db, 'name', eb.ref('m.district_id'), eb.ref('m.community_id')).$notNull().as('community_name'),
      nodeFieldOf(db, 'path', eb.ref('m.district_id'), eb.ref('m.community_id')).$notNull().as('community_path'),
    ]);
}

/** A merchant row by id (with its community's name and path). */
export function findMerchant(db: Executor, id: string): Promise<MerchantRow | undefined> {
  return merchants(db).where('m.id', '=', id).executeTakeFirst();
}

/** The merchant of a district holding a licence number. */
export function findMerchantByLicence(db: Executor, districtId: string, licenceNo: string) {
  return db
    .selectFrom('merchants')
    .select('id')
    .where('district_id', '=', districtId)
    .where('licence_no', '=', licenceNo)
    .executeTakeFirst();
}

/** True when the person is staff of the merchant. */
export async function isMerchantStaff(
  db: Executor,
  districtId: string,
  merchantId: string,
  userId: string,
): Promise<boolean> {
  return !!(await db
    .selectFrom('merchant_staff')
    .select('user_id')
    .where('district_id', '=', districtId)
    .where('merchant_id', '=', merchantId)
    .where('user_id', '=', userId)
    .executeTakeFirst());
}

/** The merchants a person staffs, with their districts. */
export function shopsOf(db: Executor, userId: string) {
  return db.selectFrom('merchant_staff').select(['district_id', 'merchant_id']).where('user_id', '=', userId).execute();
}

export async function insertMerchant(db: Executor, row: Insertable<MerchantTable>): Promise<void> {
  await db.insertInto('merchants').values(row).execute();
}

export async function updateMerchant(
  db: Executor,
  districtId: string,
  id: string,
  set: Updateable<MerchantTable>,
): Promise<void> {
  await db.updateTable('merchants').set(set).where('district_id', '=', districtId).where('id', '=', id).execute();
}

/** Adds a staff account to a merchant (no-op when already staff). */
export async function addMerchantStaff(
  db: Executor,
  row: { district_id: string; merchant_id: string; user_id: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('merchant_staff')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'merchant_id', 'user_id']).doNothing())
    .execute();
}

export function findEvaluation(db: Executor, districtId: string, merchantId: string, year: number) {
  return db
    .selectFrom('merchant_evaluations')
    .select('id')
    .where('district_id', '=', districtId)
    .where('merchant_id', '=', merchantId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function insertEvaluation(db: Executor, row: Insertable<MerchantEvaluationTable>): Promise<void> {
  await db.insertInto('merchant_evaluations').values(row).execute();
}

/** Ratings, complaints and redemptions of a merchant in a calendar year. */
export async function merchantYearStats(db: Executor, districtId: string, merchantId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const r = await db
    .selectFrom('voucher_ratings')
    .select([(eb) => eb.fn.avg<number>('score').as('avg'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('district_id', '=', districtId)
    .where('merchant_id', '=', merchantId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  const c = await db
    .selectFrom('merchant_complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId)
    .where('merchant_id', '=', merchantId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  const o = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId)
    .where('merchant_id', '=', merchantId)
    .where('status', '=', 'redeemed')
    .where('redeemed_at', '>=', from)
    .where('redeemed_at', '<', to)
    .executeTakeFirstOrThrow();
  return {
    ratingX10: r.avg === null ? null : Math.round(Number(r.avg) * 10),
    ratings: Number(r.n),
    complaints: Number(c.n),
    redemptions: Number(o.n),
  };
}

/**
 * Merchants for a listing: `mine` = those the user staffs plus their own applications; with a non-filed status and
 * reaches = that state in scope; otherwise filed ones, everything in scope and the user's own applications.
 */
export interface MerchantFilter {
  userId: string;
  reaches: Reach[];
  mine: boolean;
  status?: MerchantState;
  districtId?: string;
}

/** The merchants of a listing (see listMerchants), without cursor, order or limit. */
export function merchantsFiltered(db: Executor, q: MerchantFilter) {
  let query = merchants(db);
  if (q.mine) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('merchant_staff as s')
            .select('s.user_id')
            .whereRef('s.district_id', '=', 'm.district_id')
            .whereRef('s.merchant_id', '=', 'm.id')
            .where('s.user_id', '=', q.userId),
        ),
        eb('m.applicant_user_id', '=', q.userId),
      ]),
    );
  } else if (q.status && q.status !== 'filed' && q.reaches.length) {
    query = query.where('m.status', '=', q.status).where('m.community_id', 'in', nodesWithin(db, q.reaches));
  } else {
    query = query.where((eb) =>
      eb.or([
        eb('m.status', '=', 'filed'),
        eb('m.community_id', 'in', nodesWithin(db, q.reaches)),
        eb('m.applicant_user_id', '=', q.userId),
      ]),
    );
    if (q.status) query = query.where('m.status', '=', q.status);
  }
  if (q.districtId) query = query.where('m.district_id', '=', q.districtId);
  return query;
}

export function listMerchants(
  db: Executor,
  q: MerchantFilter & { before: string | null; limit: number },
): Promise<MerchantRow[]> {
  let query = merchantsFiltered(db, q);
  if (q.before) query = query.where('m.id', '<', q.before);
  return query
    .orderBy('m.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

// ---------------------------------------------------------------------------------------------------- catalog

export type ItemRow = Selectable<CatalogItemTable> & {
  merchant_name: string | null;
  merchant_status: MerchantState | null;
  merchant_lat: number | null;
  merchant_lng: number | null;
  merchant_address: string | null;
};

function items(db: Executor) {
  return db
    .selectFrom('catalog_items as i')
    .leftJoin('merchants as m', (j) =>
      j.onRef('m.district_id', '=', 'i.district_id').onRef('m.id', '=', 'i.merchant_id'),
    )
    .selectAll('i')
    .select([
      'm.name as merchant_name',
      'm.status as merchant_status',
      'm.lat as merchant_lat',
      'm.lng as merchant_lng',
      'm.address as merchant_address',
    ]);
}

/** A catalog item by id, with its merchant's name, state, place and address. */
export function findItem(db: Executor, id: string): Promise<ItemRow | undefined> {
  return items(db).where('i.id', '=', id).executeTakeFirst();
}

export async function insertItem(db: Executor, row: Insertable<CatalogItemTable>): Promise<void> {
  await db.insertInto('catalog_items').values(row).execute();
}

export async function updateItem(
  db: Executor,
  districtId: string,
  id: string,
  set: Updateable<CatalogItemTable>,
): Promise<void> {
  await db.updateTable('catalog_items').set(set).where('district_id', '=', districtId).where('id', '=', id).execute();
}

/** Takes a merchant's items off sale (on exit). */
export async function removeMerchantItems(
  db: Executor,
  districtId: string,
  merchantId: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('catalog_items')
    .set({ status: 'removed', updated_at: now })
    .where('district_id', '=', districtId)
    .where('merchant_id', '=', merchantId)
    .execute();
}

/**
 * Takes one unit of an item and locks its row until commit (PostgreSQL): a conditional `stock >= 1` decrement for
 * stocked items, a no-op UPDATE for unlimited ones. False when nothing was left.
 */
export async function takeStock(db: Executor, districtId: string, itemId: string, stocked: boolean): Promise<boolean> {
  if (!stocked) {
    await db
      .updateTable('catalog_items')
      .set((eb) => ({ stock: eb.ref('stock') }))
      .where('district_id', '=', districtId)
      .where('id', '=', itemId)
      .execute();
    return true;
  }
  const res = await db
    .updateTable('catalog_items')
    .set((eb) => ({ stock: eb('stock', '-', 1) }))
    .where('district_id', '=', districtId)
    .where('id', '=', itemId)
    .where('stock', '>=', 1)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Puts one unit back (a refunded order of a stocked item). */
export async function returnStock(db: Executor, districtId: string, itemId: string): Promise<void> {
  await db
    .updateTable('catalog_items')
    .set((eb) => ({ stock: eb('stock', '+', 1) }))
    .where('district_id', '=', districtId)
    .where('id', '=', itemId)
    .execute();
}

export interface ItemFilter {
  districtId?: string;
  kind?: ItemKind;
  category?: string;
  q?: string;
  merchantId?: string;
}

/**
 * Catalog items, newest first. With `orderable`, only what a resident of `community` may order at `now`: the SQL
 * mirror of mall.rules.ts isOrderable (active, not past valid_until, no merchant or a filed one) plus visible_to.
 */
export function itemsFiltered(
  db: Executor,
  f: ItemFilter & { orderable: { now: string; community: string | null } | null },
) {
  let query = items(db);
  if (f.districtId) query = query.where('i.district_id', '=', f.districtId);
  if (f.orderable) {
    const { now, community } = f.orderable;
    query = query
      .where('i.status', '=', 'active')
      .where((eb) => eb.or([eb('i.valid_until', 'is', null), eb('i.valid_until', '>', now)]))
      .where((eb) => eb.or([eb('i.merchant_id', 'is', null), eb('m.status', '=', 'filed')]))
      .where((eb) =>
        eb.or([eb('i.visible_to', 'is', null), ...(community ? [eb('i.visible_to', 'like', `%"${community}"%`)] : [])]),
      );
  }
  if (f.kind) query = query.where('i.kind', '=', f.kind);
  if (f.category) query = query.where('i.category', '=', f.category);
  if (f.merchantId) query = query.where('i.merchant_id', '=', f.merchantId);
  if (f.q) query = query.where((eb) => eb.or([eb('i.title', 'like', `%${f.q}%`), eb('m.name', 'like', `%${f.q}%`)]));
  return query;
}

/** Catalog items (see itemsFiltered), newest first. */
export function listItems(
  db: Executor,
  f: ItemFilter & { orderable: { now: string; community: string | null } | null; before: string | null; limit: number },
): Promise<ItemRow[]> {
  let query = itemsFiltered(db, f);
  if (f.before) query = query.where('i.id', '<', f.before);
  return query.orderBy('i.id', 'desc').limit(f.limit).execute();
}

export interface ManagedItemFilter extends ItemFilter {
  reaches: Reach[];
  shops: Array<{ district_id: string; merchant_id: string }>;
}

/** Every item (any status, any visibility) of the communities in reach and of the given merchants (no cursor, order or limit). */
export function managedItemsFiltered(db: Executor, f: ManagedItemFilter) {
  let query = items(db).where((eb) =>
    eb.or([
      eb('i.community_id', 'in', nodesWithin(db, f.reaches)),
      ...f.shops.map((s) => eb.and([eb('i.district_id', '=', s.district_id), eb('i.merchant_id', '=', s.merchant_id)])),
      sql<boolean>`1 = 0`,
    ]),
  );
  if (f.kind) query = query.where('i.kind', '=', f.kind);
  if (f.category) query = query.where('i.category', '=', f.category);
  if (f.merchantId) query = query.where('i.merchant_id', '=', f.merchantId);
  if (f.q) query = query.where((eb) => eb.or([eb('i.title', 'like', `%${f.q}%`), eb('m.name', 'like', `%${f.q}%`)]));
  return query;
}

/** Every item (any status, any visibility) of the communities in reach and of the given merchants, newest first. */
export function listManagedItems(
  db: Executor,
  f: ManagedItemFilter & { before: string | null; limit: number },
): Promise<ItemRow[]> {
  let query = managedItemsFiltered(db, f);
  if (f.before) query = query.where('i.id', '<', f.before);
  return query.orderBy('i.id', 'desc').limit(f.limit).execute();
}

// ---------------------------------------------------------------------------------------------------- orders

export type OrderRow = Selectable<OrderTable> & {
  title: string;
  kind: ItemKind;
  merchant_name: string | null;
  merchant_address: string | null;
  holder_name: string;
};

function orders(db: Executor) {
  return db
    .selectFrom('orders as o')
    .innerJoin('catalog_items as i', (j) =>
      j.onRef('i.district_id', '=', 'o.district_id').onRef('i.id', '=', 'o.item_id'),
    )
    .leftJoin('merchants as m', (j) =>
      j.onRef('m.district_id', '=', 'o.district_id').onRef('m.id', '=', 'o.merchant_id'),
    )
    .selectAll('o')
    .select((eb) => [
      'i.title',
      'i.kind',
      'm.name as merchant_name',
      'm.address as merchant_address',
      userNameOf(db, eb.ref('o.user_id')).$notNull().as('holder_name'),
    ]);
}

/** An order by id, with its item title and kind, merchant and holder. */
export function findOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  return orders(db).where('o.id', '=', id).executeTakeFirst();
}

/** One of a person's orders. */
export function findOrderOf(db: Executor, userId: string, id: string): Promise<OrderRow | undefined> {
  return orders(db).where('o.id', '=', id).where('o.user_id', '=', userId).executeTakeFirst();
}

/** The order a person placed under an idempotency key. */
export function findOrderByKey(db: Executor, userId: string, idempotencyKey: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'item_id'])
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

/** The order behind a typed short code, among the given districts. */
export function findOrderByCode(db: Executor, districtIds: string[], shortCode: string): Promise<OrderRow | undefined> {
  return orders(db).where('o.district_id', 'in', districtIds).where('o.short_code', '=', shortCode).executeTakeFirst();
}

/** Another order this person redeemed under the same redeemKey. */
export function findRedemptionByKey(
  db: Executor,
  districtId: string,
  userId: string,
  redeemKey: string,
  otherThan: string,
) {
  return db
    .selectFrom('orders')
    .select('id')
    .where('district_id', '=', districtId)
    .where('redeemed_by', '=', userId)
    .where('redeem_key', '=', redeemKey)
    .where('id', '!=', otherThan)
    .executeTakeFirst();
}

/** Whether a short code is in use in a district. */
export async function shortCodeTaken(db: Executor, districtId: string, code: string): Promise<boolean> {
  return !!(await db
    .selectFrom('orders')
    .select('id')
    .where('district_id', '=', districtId)
    .where('short_code', '=', code)
    .executeTakeFirst());
}

/** How many active or redeemed orders of an item a person holds. */
export async function countHeld(db: Executor, districtId: string, itemId: string, userId: string): Promise<number> {
  const n = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId)
    .where('item_id', '=', itemId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['active', 'redeemed'])
    .executeTakeFirstOrThrow();
  return Number(n.n);
}

export async function insertOrder(db: Executor, row: Insertable<OrderTable>): Promise<void> {
  await db.insertInto('orders').values(row).execute();
}

/**
 * Whether an error is the unique violation of `orders_key_uq` (district, user, idempotency key): a second request
 * with the same key committed its order first.
 */
export function isOrderKeyClash(e: unknown): boolean {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (err.code === '23505') return err.constraint === 'orders_key_uq';
  return (
    typeof err.message === 'string' &&
    err.message.includes('UNIQUE constraint failed') &&
    err.message.includes('orders.idempotency_key')
  );
}

/** Moves an active order to a refund state; false when it was no longer active. */
export async function refundOrderRow(
  db: Executor,
  districtId: string,
  id: string,
  to: RefundState,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('orders')
    .set({ status: to, updated_at: now })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function setRefundJournal(db: Executor, districtId: string, id: string, journalId: string): Promise<void> {
  await db
    .updateTable('orders')
    .set({ refund_journal_id: journalId })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
}

/** Redeems an active, unexpired order; false when it was not (the row stays locked until commit on PostgreSQL). */
export async function redeemOrderRow(
  db: Executor,
  districtId: string,
  id: string,
  by: { userId: string; redeemKey: string; now: string },
): Promise<boolean> {
  const res = await db
    .updateTable('orders')
    .set({
      status: 'redeemed',
      redeemed_at: by.now,
      redeemed_by: by.userId,
      redeem_key: by.redeemKey,
      updated_at: by.now,
    })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('expires_at', '>', by.now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Active orders to refund: all of a merchant's, or those that expired before an instant. */
export function openOrders(
  db: Executor,
  scope: { districtId: string; merchantId: string } | { expiredBefore: string },
) {
  let q = db.selectFrom('orders').select(['district_id', 'id']).where('status', '=', 'active');
  q =
    'merchantId' in scope
      ? q.where('district_id', '=', scope.districtId).where('merchant_id', '=', scope.merchantId)
      : q.where('expires_at', '<', scope.expiredBefore);
  return q.orderBy('id').execute();
}

/** A person's orders, newest first. */
export function listOrdersOf(
  db: Executor,
  userId: string,
  q: { status?: OrderState; before: string | null; limit: number },
): Promise<OrderRow[]> {
  let query = orders(db).where('o.user_id', '=', userId);
  if (q.status) query = query.where('o.status', '=', q.status);
  if (q.before) query = query.where('o.id', '<', q.before);
  return query.orderBy('o.id', 'desc').limit(q.limit).execute();
}

/** Redemptions since an instant, done by the user or at a merchant they staff. */
export function listRedemptionsSince(db: Executor, userId: string, since: string): Promise<OrderRow[]> {
  return orders(db)
    .where('o.status', '=', 'redeemed')
    .where('o.redeemed_at', '>=', since)
    .where((eb) =>
      eb.or([
        eb('o.redeemed_by', '=', userId),
        eb.exists(
          eb
            .selectFrom('merchant_staff as s')
            .select('s.user_id')
            .whereRef('s.district_id', '=', 'o.district_id')
            .whereRef('s.merchant_id', '=', 'o.merchant_id')
            .where('s.user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('o.redeemed_at', 'desc')
    .limit(500)
    .execute();
}

/** Which of the orders have a rating. */
export async function ratedOrderIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set(
    (await db.selectFrom('voucher_ratings').select('order_id').where('order_id', 'in', ids).execute()).map(
      (r) => r.order_id,
    ),
  );
}

/** Stores a rating; false when the order was rated already. */
export async function insertRating(db: Executor, row: Insertable<VoucherRatingTable>): Promise<boolean> {
  const res = await db
    .insertInto('voucher_ratings')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'order_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 1) !== 0;
}

/** Whether a person's order was at a merchant. */
export async function isOrderAtMerchant(
  db: Executor,
  districtId: string,
  orderId: string,
  userId: string,
  merchantId: string,
): Promise<boolean> {
  return !!(await db
    .selectFrom('orders')
    .select('id')
    .where('district_id', '=', districtId)
    .where('id', '=', orderId)
    .where('user_id', '=', userId)
    .where('merchant_id', '=', merchantId)
    .executeTakeFirst());
}

export async function insertComplaint(db: Executor, row: Insertable<MerchantComplaintTable>): Promise<void> {
  await db.insertInto('merchant_complaints').values(row).execute();
}

// ---------------------------------------------------------------------------------------------------- settlement

export function findStatement(db: Executor, districtId: string, merchantId: string, month: string) {
  return db
    .selectFrom('merchant_statements')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('merchant_id', '=', merchantId)
    .where('month', '=', month)
    .executeTakeFirst();
}

/** Stores a closed statement; false when the month was closed already. */
export async function insertStatement(db: Executor, row: Insertable<MerchantStatementTable>): Promise<boolean> {
  const res = await db
    .insertInto('merchant_statements')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'merchant_id', 'month']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 1) !== 0;
}

/** A merchant's redemptions in [from, to), oldest first. */
export function redeemedBetween(db: Executor, districtId: string, merchantId: string, from: string, to: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('catalog_items as i', (j) =>
      j.onRef('i.district_id', '=', 'o.district_id').onRef('i.id', '=', 'o.item_id'),
    )
    .select(['o.id', 'o.redeemed_at', 'i.title', 'o.points'])
    .where('o.district_id', '=', districtId)
    .where('o.merchant_id', '=', merchantId)
    .where('o.status', '=', 'redeemed')
    .where('o.redeemed_at', '>=', from)
    .where('o.redeemed_at', '<', to)
    .orderBy('o.redeemed_at')
    .execute();
}

/** Redemptions per merchant (null = a community supermarket) in the given reaches and time range. */
export function redemptionStats(db: Executor, reaches: Reach[], range: { from?: string; to?: string }) {
  return (
    db
      .selectFrom('orders as o')
      .leftJoin('merchants as m', (j) =>
        j.onRef('m.district_id', '=', 'o.district_id').onRef('m.id', '=', 'o.merchant_id'),
      )
      .select([
        'o.merchant_id',
        'm.name',
        (eb) =>
          nodeFieldOf(db, 'name', eb.ref('o.district_id'), eb.ref('o.community_id')).$notNull().as('community_name'),
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('o.points').as('points'),
      ])
      .where('o.status', '=', 'redeemed')
      .where('o.community_id', 'in', nodesWithin(db, reaches))
      .$if(!!range.from, (qb) => qb.where('o.redeemed_at', '>=', range.from!))
      .$if(!!range.to, (qb) => qb.where('o.redeemed_at', '<', range.to!))
      // Per community (by id; its name is looked up per group) rather than per community name.
      .groupBy(['o.merchant_id', 'm.name', 'o.district_id', 'o.community_id'])
      .execute()
  );
}

/** Names of merchants by (district, id), for other modules (the audit log names its targets). */
export function merchantNamesByKey(db: Executor, keys: ReadonlyArray<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('merchants')
    .select(['district_id', 'id', 'name'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}

/** Titles of catalog items by (district, id), for other modules (the audit log names its targets). */
export function itemTitlesByKey(db: Executor, keys: ReadonlyArray<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('catalog_items')
    .select(['district_id', 'id', 'title'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}
