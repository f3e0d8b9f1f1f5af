import { describe, expect, it } from 'vitest';
import {
  canSettleRecord,
  formatCertNo,
  LIVE_STATES,
  nextRecordState,
  type RecordAction,
  RECORD_STATES,
} from './records.rules.js';

const ACTIONS: RecordAction[] = ['confirm', 'accept', 'return', 'correct', 'void'];

describe('service-record states', () => {
  it('follows the whole transition table and refuses every other move', () => {
    const table = Object.fromEntries(
      RECORD_STATES.map((from) => [from, Object.fromEntries(ACTIONS.map((a) => [a, nextRecordState(from, a)]))]),
    );
    expect(table).toEqual({
      pending: { confirm: 'confirmed', accept: null, return: 'returned', correct: null, void: 'voided' },
      confirmed: { confirm: null, accept: 'accepted', return: 'returned', correct: null, void: 'voided' },
      accepted: { confirm: null, accept: null, return: null, correct: 'superseded', void: null },
      returned: { confirm: null, accept: null, return: null, correct: 'superseded', void: 'voided' },
      superseded: { confirm: null, accept: null, return: null, correct: null, void: null },
      voided: { confirm: null, accept: null, return: null, correct: null, void: null },
    });
  });
  it('never accepts a record the leader has not confirmed', () => {
    expect(nextRecordState('pending', 'accept')).toBeNull();
  });
  it('cannot return an accepted record: it must be corrected', () => {
    expect(nextRecordState('accepted', 'return')).toBeNull();
    expect(nextRecordState('accepted', 'correct')).toBe('superseded');
  });
  it('cannot void an accepted record (it is superseded by a voided replacement instead)', () => {
    expect(nextRecordState('accepted', 'void')).toBeNull();
  });
  it('ends at superseded and at voided', () => {
    expect(ACTIONS.map((a) => nextRecordState('superseded', a))).toEqual([null, null, null, null, null]);
    expect(ACTIONS.map((a) => nextRecordState('voided', a))).toEqual([null, null, null, null, null]);
  });
  it('counts pending, confirmed and accepted records towards the daily cap, not returned or superseded ones', () => {
    expect(LIVE_STATES).toEqual(['pending', 'confirmed', 'accepted']);
  });
});

describe('settling a record', () => {
  const r = { endsAt: '2026-11-25T04:00:00.000Z' };
  it('waits until the activity has ended', () => {
    expect(canSettleRecord(r, new Date('2026-11-25T03:59:59.999Z'))).toBe(false);
  });
  it('is allowed from the end time on', () => {
    expect(canSettleRecord(r, new Date('2026-11-25T04:00:00.000Z'))).toBe(true);
    expect(canSettleRecord(r, new Date('2026-12-25T04:00:00.000Z'))).toBe(true);
  });
});

describe('certificate numbers', () => {
  it('are LL, the year and a seven-digit sequence', () => {
    expect(formatCertNo(2026, 17)).toBe('LL20260000017');
    expect(formatCertNo(2026, 1)).toBe('LL20260000001');
    expect(formatCertNo(2027, 9_999_999)).toBe('LL20279999999');
  });
  it('grow past seven digits instead of cutting the sequence', () => {
    expect(formatCertNo(2026, 10_000_000)).toBe('LL202610000000');
  });
});
