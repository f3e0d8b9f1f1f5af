// What the mall holds about one person (their copy, PIPL access): orders and vouchers, their ratings and complaints,
// shops they applied for (with the contact they gave) or work at. And the one-time step that encrypts merchant
// contact names still in clear text from before migration 0018.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Actor } from '../../platform/permissions.js';
import { maskName } from '../../platform/privacy.js';
import type { Executor } from '../../db/transaction.js';
import { refundOneIn } from './refunds.service.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const orders = await db
    .selectFrom('orders as o')
    .innerJoin('catalog_items as i', (j) =>
      j.onRef('i.district_id', '=', 'o.district_id').onRef('i.id', '=', 'o.item_id'),
    )
    .select([
      'o.district_id',
      'o.id',
      'o.item_id',
      'i.title as item_title',
      'o.merchant_id',
      'o.points',
      'o.status',
      'o.short_code',
      'o.expires_at',
      'o.journal_id',
      'o.refund_journal_id',
      'o.redeemed_at',
      'o.created_at',
    ])
    .where('o.user_id', '=', userId)
    .orderBy('o.id')
    .execute();
  const ratings = await db
    .selectFrom('voucher_ratings as r')
    .innerJoin('orders as o', (j) => j.onRef('o.district_id', '=', 'r.district_id').onRef('o.id', '=', 'r.order_id'))
    .select(['r.district_id', 'r.order_id', 'r.merchant_id', 'r.score', 'r.comment', 'r.created_at'])
    .where('o.user_id', '=', userId)
    .orderBy('r.order_id')
    .execute();
  const complaints = await db
    .selectFrom('merchant_complaints')
    .select(['district_id', 'id', 'merchant_id', 'order_id', 'content', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  const applied = await db
    .selectFrom('merchants')
    .select([
      'district_id',
      'id',
      'name',
      'licence_no',
      'address',
      'contact_name_enc',
      'contact_phone_enc',
      'status',
      'created_at',
    ])
    .where('applicant_user_id', '=', userId)
    .orderBy('id')
    .execute();
  const staff = await db
    .selectFrom('merchant_staff')
    .select(['district_id', 'merchant_id', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('merchant_id')
    .execute();
  const rows = (list: Array<Record<string, unknown>>) => list.map((r) => personalRow(deps.cipher, r));
  return [
    { key: 'mall.orders', title: '兑换订单', rows: rows(orders) },
    { key: 'mall.ratings', title: '兑换评价', rows: rows(ratings) },
    { key: 'mall.complaints', title: '商家投诉', rows: rows(complaints) },
    { key: 'mall.merchantsApplied', title: '申请的商家', rows: rows(applied) },
    { key: 'mall.merchantStaff', title: '商家店员', rows: rows(staff) },
  ];
}

/**
 * Encrypts merchant contact names still in clear text (rows from before migration 0018) and blanks the clear column.
 * Idempotent: only rows with a non-empty clear name are touched, each by an UPDATE that still requires that name.
 */
export async function sealClearMerchantContacts(deps: Deps): Promise<number> {
  const rows = await deps.db
    .selectFrom('merchants')
    .select(['district_id', 'id', 'contact_name'])
    .where('contact_name', '!=', '')
    .execute();
  let sealed = 0;
  for (const r of rows) {
    const res = await deps.db
      .updateTable('merchants')
      .set({
        contact_name: '',
        contact_name_enc: deps.cipher.encrypt(r.contact_name),
        contact_name_masked: maskName(r.contact_name),
      })
      .where('district_id', '=', r.district_id)
      .where('id', '=', r.id)
      .where('contact_name', '=', r.contact_name)
      .executeTakeFirst();
    sealed += Number(res.numUpdatedRows);
  }
  return sealed;
}

/**
 * Closing an account: every active voucher is cancelled and refunded (stock and points back, as the person's own
 * cancel does), so no voucher outlives the account and no refund lands on it later. Returns how many.
 */
export async function cancelActiveVouchersOf(deps: Deps, trx: Executor, actor: Actor): Promise<number> {
  const active = await trx
    .selectFrom('orders')
    .select(['district_id', 'id'])
    .where('user_id', '=', actor.userId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  let n = 0;
  for (const o of active) if (await refundOneIn(deps, trx, o, 'cancelled', actor)) n += 1;
  return n;
}
