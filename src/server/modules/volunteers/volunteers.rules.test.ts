import { describe, expect, it } from 'vitest';
import { formatVolunteerNo, nextVolunteerState, type VolunteerAction, VOLUNTEER_STATES } from './volunteers.rules.js';

const ACTIONS: VolunteerAction[] = ['approve', 'reject', 'reapply', 'suspend', 'reinstate'];

describe('volunteer registration states', () => {
  it('follows the whole transition table and refuses every other move', () => {
    const table = Object.fromEntries(
      VOLUNTEER_STATES.map((from) => [
        from,
        ACTIONS.filter((a) => nextVolunteerState(from, a) !== null).map((a) => `${a}→${nextVolunteerState(from, a)}`),
      ]),
    );
    expect(table).toEqual({
      pending: ['approve→approved', 'reject→rejected'],
      approved: ['suspend→suspended'],
      rejected: ['reapply→pending'],
      suspended: ['reinstate→approved'],
    });
  });
  it('cannot reapply while pending, approved or suspended', () => {
    expect(['pending', 'approved', 'suspended'].map((s) => nextVolunteerState(s as 'pending', 'reapply'))).toEqual([
      null,
      null,
      null,
    ]);
  });
  it('cannot approve a suspended volunteer back: only reinstate does', () => {
    expect(nextVolunteerState('suspended', 'approve')).toBeNull();
    expect(nextVolunteerState('suspended', 'reinstate')).toBe('approved');
  });
  it('cannot review a decision twice', () => {
    expect([
      nextVolunteerState('approved', 'approve'),
      nextVolunteerState('approved', 'reject'),
      nextVolunteerState('rejected', 'approve'),
    ]).toEqual([null, null, null]);
  });
});

describe('volunteer numbers', () => {
  it('are ZY, the year and a six-digit sequence', () => {
    expect(formatVolunteerNo(2026, 17)).toBe('ZY2026000017');
    expect(formatVolunteerNo(2027, 999_999)).toBe('ZY2027999999');
  });
  it('grow past six digits instead of cutting the sequence', () => {
    expect(formatVolunteerNo(2026, 1_000_000)).toBe('ZY20261000000');
  });
});
