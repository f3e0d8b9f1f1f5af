// Pure rules of star promotions: working days of the publicity period (weekends, holidays, 调休), one level at a
// time, the state graph and the block after a falsified-hours finding.
import { describe, expect, it } from 'vitest';
import {
  blockedUntil,
  canMove,
  decisionTarget,
  isWorkingDay,
  nextPromotionLevel,
  publicityOver,
  publicityUntil,
} from './stars.rules.js';

const plain = { nonWorkingDates: [], makeUpWorkingDates: [] };

describe('publicity period in working days', () => {
  it('skips the weekend: published on Friday 2026-12-04, five working days end on Friday the 11th', () => {
    expect(publicityUntil('2026-12-04', 5, plain)).toBe('2026-12-11');
  });

  it('published on a Monday ends on the next Monday (Tue…Fri, Mon)', () => {
    expect(publicityUntil('2026-11-30', 5, plain)).toBe('2026-12-07');
  });

  it('published on a Saturday counts from Monday', () => {
    expect(publicityUntil('2026-12-05', 5, plain)).toBe('2026-12-11');
    expect(publicityUntil('2026-12-05', 1, plain)).toBe('2026-12-07');
  });

  it('skips the district holidays and counts 调休 make-up working days', () => {
    // National Day 2026: 10-01 … 10-07 off (Thu … Wed), Sunday 09-27 and Saturday 10-10 are working days.
    const cal = {
      nonWorkingDates: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      makeUpWorkingDates: ['2026-09-27', '2026-10-10'],
    };
    expect(isWorkingDay('2026-09-27', cal)).toBe(true);
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-10-03', cal)).toBe(false);
    // Published Friday 09-25: Sun 27 (调休), Mon 28, Tue 29, Wed 30, then Thu 10-08.
    expect(publicityUntil('2026-09-25', 5, cal)).toBe('2026-10-08');
    // Published Wednesday 09-30: Thu 10-08, Fri 10-09, Sat 10-10 (调休), Mon 12, Tue 13.
    expect(publicityUntil('2026-09-30', 5, cal)).toBe('2026-10-13');
    // Without the calendar the same period would end on Wednesday 10-07.
    expect(publicityUntil('2026-09-30', 5, plain)).toBe('2026-10-07');
  });

  it('is over only after its last day', () => {
    expect(publicityOver('2026-12-11', '2026-12-11')).toBe(false);
    expect(publicityOver('2026-12-11', '2026-12-12')).toBe(true);
  });
});

describe('one level at a time', () => {
  it('never skips a level: 700 h (★3 reached) with none held goes to ★1 first', () => {
    expect(nextPromotionLevel({ computedLevel: 3, effectiveLevel: 0, hasLivePromotion: false, blocked: false })).toBe(
      1,
    );
    expect(nextPromotionLevel({ computedLevel: 3, effectiveLevel: 1, hasLivePromotion: false, blocked: false })).toBe(
      2,
    );
  });

  it('waits while a promotion is live, while blocked, when nothing new is reached, and after ★5', () => {
    expect(nextPromotionLevel({ computedLevel: 3, effectiveLevel: 1, hasLivePromotion: true, blocked: false })).toBe(
      null,
    );
    expect(nextPromotionLevel({ computedLevel: 3, effectiveLevel: 1, hasLivePromotion: false, blocked: true })).toBe(
      null,
    );
    expect(nextPromotionLevel({ computedLevel: 1, effectiveLevel: 1, hasLivePromotion: false, blocked: false })).toBe(
      null,
    );
    expect(nextPromotionLevel({ computedLevel: 5, effectiveLevel: 5, hasLivePromotion: false, blocked: false })).toBe(
      null,
    );
  });
});

describe('state graph and decisions', () => {
  it('allows the written moves only', () => {
    expect(canMove('in_publicity', 'objected')).toBe(true);
    expect(canMove('in_publicity', 'effective')).toBe(true);
    expect(canMove('objected', 'rejected')).toBe(true);
    expect(canMove('objected', 'effective')).toBe(true);
    expect(canMove('in_publicity', 'rejected')).toBe(false);
    expect(canMove('effective', 'rejected')).toBe(false);
    expect(canMove('rejected', 'in_publicity')).toBe(false);
  });

  it('upholding takes effect after the period, or goes back to publicity while it runs; rejecting rejects', () => {
    expect(decisionTarget('uphold', true)).toBe('effective');
    expect(decisionTarget('uphold', false)).toBe('in_publicity');
    expect(decisionTarget('reject', false)).toBe('rejected');
  });

  it('blocks for calendar months', () => {
    expect(blockedUntil('2026-12-05T02:00:00.000Z', 12)).toBe('2027-12-05T02:00:00.000Z');
  });
});
