// Pure rules of the mall: merchant, item and order states, what a resident may order, voucher codes, settlement
// arithmetic, and the wording of the mall's journals.
import { randomInt } from 'node:crypto';
import { chinaDayStart } from '../../platform/clock.js';

export { chinaMonth } from '../../platform/clock.js';

/**
 * Merchant alliance states (申请—社区审核—街道备案).
 *
 *   applied ──review ok (community)──→ reviewed ──file (street)──→ filed ──evaluate: exit──→ exited
 *      └──review reject──→ rejected
 */
export const MERCHANT_STATES = ['applied', 'reviewed', 'filed', 'rejected', 'exited'] as const;
export type MerchantState = (typeof MERCHANT_STATES)[number];

export function nextMerchantState(
  from: MerchantState,
  action: 'approve' | 'reject' | 'file' | 'exit',
): MerchantState | null {
  if (from === 'applied' && action === 'approve') return 'reviewed';
  if (from === 'applied' && action === 'reject') return 'rejected';
  if (from === 'reviewed' && action === 'file') return 'filed';
  if (from === 'filed' && action === 'exit') return 'exited';
  return null;
}

/**
 * Order (voucher) states.
 *
 *   active ──redeem──→ redeemed
 *     ├──cancel (resident)──→ cancelled (refunded)
 *     ├──expiry job──→ expired (refunded)
 *     └──merchant exits──→ refunded
 */
export const ORDER_STATES = ['active', 'redeemed', 'cancelled', 'expired', 'refunded'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** The states an order is refunded into. */
export type RefundState = 'cancelled' | 'expired' | 'refunded';

/** What an item is: points-supermarket goods (stock), a merchant's offer, a community service (places). */
export const ITEM_KINDS = ['goods', 'offer', 'service'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** active = on sale; hidden = paused by staff; removed = taken down (also when its merchant exits). */
export const ITEM_STATUSES = ['active', 'hidden', 'removed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Annual evaluation decisions. */
export const EVALUATION_DECISIONS = ['renew', 'exit'] as const;
export type EvaluationDecision = (typeof EVALUATION_DECISIONS)[number];

/**
 * Whether a resident may order an item now: on sale, not past its valid-until instant, and (for an offer) of a
 * filed merchant. The one rule behind placeOrder, getCatalogItem and the catalog list (whose SQL predicate in
 * mall.repository.ts `orderable` mirrors this function; change both together).
 */
export function isOrderable(
  item: {
    status: ItemStatus;
    valid_until: string | null;
    merchant_id: string | null;
    merchant_status: MerchantState | null;
  },
  now: Date,
): boolean {
  if (item.status !== 'active') return false;
  if (item.valid_until !== null && item.valid_until <= now.toISOString()) return false;
  return item.merchant_id === null || item.merchant_status === 'filed';
}

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** An 8-character code that is easy to read aloud and type (no 0/O, 1/I/L). */
export function newShortCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** Normalises a typed code: upper case, no spaces or dashes. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replace(/[\s-]/g, '');
}

export const VOUCHER_PREFIX = 'LINLI-V';

/** The journal reason of an order's charge (stored in the hash-chained ledger, so its wording is data). */
export function orderReason(title: string, merchantName: string | null): string {
  return `兑换：${title}${merchantName ? `（${merchantName}）` : ''}`;
}

const REFUND_WHY: Record<RefundState, string> = {
  cancelled: '取消兑换',
  expired: '兑换券过期',
  refunded: '商户退出联盟',
};

/** The journal reason of an order's refund. */
export function refundReason(to: RefundState, title: string): string {
  return `${REFUND_WHY[to]}，退还积分：${title}`;
}

/** What a community's points supermarket is called where a merchant name would stand. */
export function supermarketName(communityName: string): string {
  return `${communityName}积分超市`;
}

/** The exit reason stored when the evaluator gives no note. */
export const DEFAULT_EXIT_REASON = '年度评议未通过';

/** Settlement amount for a month: points × agreed fen per point. */
export function settlementFen(points: number, fenPerPoint: number): number {
  return points * fenPerPoint;
}

/** [from, to) instants of a China-time month, as ISO strings. */
export function monthRange(month: string): { from: string; to: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`internal: month ${month} is not YYYY-MM`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: chinaDayStart(`${month}-01`).toISOString(), to: chinaDayStart(`${next}-01`).toISOString() };
}
