// Refunds of vouchers: cancelled by the resident, expired, or of a merchant that left the alliance. Each voucher is
// refunded in its own transaction, exactly once: a conditional UPDATE moves it out of 'active' first.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Actor } from '../../platform/permissions.js';
import { type Executor, inTransaction } from '../../db/transaction.js';
import { refundJournal } from '../ledger/index.js';
import * as repo from './mall.repository.js';
import { refundReason, type RefundState } from './mall.rules.js';

/** Refunds one active order (stock back, points back); false when it was no longer active. */
export async function refundOne(
  deps: Deps,
  order: { district_id: string; id: string },
  to: RefundState,
  actor: Actor | null,
): Promise<boolean> {
  return inTransaction(deps.db, ({ trx }) => refundOneIn(deps, trx, order, to, actor));
}

/** refundOne inside the caller's transaction (closing an account refunds every active voucher in its own). */
export async function refundOneIn(
  deps: Deps,
  trx: Executor,
  order: { district_id: string; id: string },
  to: RefundState,
  actor: Actor | null,
): Promise<boolean> {
  const now = iso(deps.clock.now());
  // Lock order: the order row, then the item row, then (in postJournal) the ledger head, as in placeOrder.
  if (!(await repo.refundOrderRow(trx, order.district_id, order.id, to, now))) return false;
  const o = (await repo.findOrder(trx, order.id))!;
  const it = (await repo.findItem(trx, o.item_id))!;
  if (it.stock !== null) await repo.returnStock(trx, o.district_id, o.item_id);
  const { journal } = await refundJournal(deps, trx, {
    districtId: o.district_id,
    journalId: o.journal_id,
    reason: refundReason(to, o.title),
    idempotencyKey: `refund:order:${o.id}`,
    actorId: actor?.userId ?? null,
  });
  await repo.setRefundJournal(trx, o.district_id, o.id, journal.id);
  return true;
}

/** Refunds active vouchers: expired ones (job and command), or all of an exited merchant. Idempotent; returns how many. */
export async function refundOrders(
  deps: Deps,
  scope: { districtId: string; merchantId: string } | { expiredBefore: string },
): Promise<number> {
  let n = 0;
  for (const o of await repo.openOrders(deps.db, scope)) {
    if (await refundOne(deps, o, 'merchantId' in scope ? 'refunded' : 'expired', null)) n += 1;
  }
  return n;
}

/** The scheduled and command form of expiry. */
export function expireVouchers(deps: Deps): Promise<number> {
  return refundOrders(deps, { expiredBefore: iso(deps.clock.now()) });
}
