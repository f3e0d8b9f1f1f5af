// Pure rules of the mall: merchant states, voucher codes, settlement arithmetic.
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

export function nextMerchantState(from: MerchantState, action: 'approve' | 'reject' | 'file' | 'exit'): MerchantState | null {
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

/** Settlement amount for a month: points × agreed fen per point. */
export function settlementFen(points: number, fenPerPoint: number): number {
  return points * fenPerPoint;
}


/** [from, to) instants of a China-time month, as ISO strings. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: chinaDayStart(`${month}-01`).toISOString(), to: chinaDayStart(`${next}-01`).toISOString() };
}
