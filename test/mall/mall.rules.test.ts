// Pure rules of the mall: state machines, what may be ordered, month ranges, typed codes.
import { describe, expect, it } from 'vitest';
import {
  isOrderable,
  MERCHANT_STATES,
  type MerchantState,
  monthRange,
  newShortCode,
  nextMerchantState,
  normaliseCode,
  settlementFen,
} from '../../src/server/modules/mall/mall.rules.js';

describe('nextMerchantState', () => {
  it('allows exactly the drawn transitions', () => {
    const allowed: string[] = [];
    for (const from of MERCHANT_STATES) {
      for (const action of ['approve', 'reject', 'file', 'exit'] as const) {
        const to = nextMerchantState(from, action);
        if (to) allowed.push(`${from} -${action}-> ${to}`);
      }
    }
    expect(allowed).toEqual([
      'applied -approve-> reviewed',
      'applied -reject-> rejected',
      'reviewed -file-> filed',
      'filed -exit-> exited',
    ]);
  });

  it('lets nothing leave rejected or exited', () => {
    for (const from of ['rejected', 'exited'] as MerchantState[]) {
      expect((['approve', 'reject', 'file', 'exit'] as const).map((a) => nextMerchantState(from, a))).toEqual([
        null,
        null,
        null,
        null,
      ]);
    }
  });
});

describe('isOrderable', () => {
  const now = new Date('2026-11-25T02:00:00.000Z');
  const goods = { status: 'active' as const, valid_until: null, merchant_id: null, merchant_status: null };
  const offer = { status: 'active' as const, valid_until: null, merchant_id: 'm1', merchant_status: 'filed' as const };

  it('accepts an active supermarket item without an end date', () => {
    expect(isOrderable(goods, now)).toBe(true);
  });

  it('refuses hidden and removed items', () => {
    expect(isOrderable({ ...goods, status: 'hidden' }, now)).toBe(false);
    expect(isOrderable({ ...goods, status: 'removed' }, now)).toBe(false);
  });

  it('accepts an item until the millisecond before valid_until and refuses it from that instant', () => {
    expect(isOrderable({ ...goods, valid_until: '2026-11-25T02:00:00.001Z' }, now)).toBe(true);
    expect(isOrderable({ ...goods, valid_until: '2026-11-25T02:00:00.000Z' }, now)).toBe(false);
    expect(isOrderable({ ...goods, valid_until: '2026-11-25T01:59:59.999Z' }, now)).toBe(false);
  });

  it('accepts an offer of a filed merchant only', () => {
    expect(isOrderable(offer, now)).toBe(true);
    for (const s of ['applied', 'reviewed', 'rejected', 'exited'] as const)
      expect([s, isOrderable({ ...offer, merchant_status: s }, now)]).toEqual([s, false]);
    expect(isOrderable({ ...offer, merchant_status: null }, now)).toBe(false);
  });
});

describe('monthRange', () => {
  it('spans a China-time month in UTC instants', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
  });

  it('rolls December over into the next year', () => {
    expect(monthRange('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
  });

  it('covers 29 days of a leap February', () => {
    const { from, to } = monthRange('2028-02');
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(29);
  });
});

describe('voucher codes', () => {
  it('normalises a typed code: trimmed, upper case, without spaces or dashes', () => {
    expect(normaliseCode('  ab3d-ef 7h ')).toBe('AB3DEF7H');
  });

  it('makes 8-character codes without look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(newShortCode()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });

  it('settles points times the agreed fen per point', () => {
    expect(settlementFen(35, 10)).toBe(350);
  });
});
