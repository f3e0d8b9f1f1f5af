// For expiry reminders (the notifications module asks through index.ts): active vouchers that expire soon.
import type { Executor } from '../../db/transaction.js';

export interface ExpiringVoucher {
  districtId: string;
  orderId: string;
  userId: string;
  title: string;
  expiresAt: string;
}

/** Active (unredeemed) vouchers expiring in (from, to], across districts. */
export async function listVouchersExpiringBetween(db: Executor, from: string, to: string): Promise<ExpiringVoucher[]> {
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('catalog_items as i', (j) =>
      j.onRef('i.district_id', '=', 'o.district_id').onRef('i.id', '=', 'o.item_id'),
    )
    .select(['o.district_id', 'o.id', 'o.user_id', 'i.title', 'o.expires_at'])
    .where('o.status', '=', 'active')
    .where('o.expires_at', '>', from)
    .where('o.expires_at', '<=', to)
    .orderBy('o.expires_at')
    .limit(5000)
    .execute();
  return rows.map((r) => ({
    districtId: r.district_id,
    orderId: r.id,
    userId: r.user_id,
    title: r.title,
    expiresAt: r.expires_at,
  }));
}
