// The care rules around their boundaries: the next visit from the last one (or registration), and the colour at
// exactly 48 h, just inside it, at the due instant and just after, and with an emergency.
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../platform/clock.js';
import { alertColour, byUrgency, daysOverdue, intervalDays, nextVisitAt, TIER_INTERVAL_DAYS } from './care.rules.js';

const H = 3600_000;

describe('care rules', () => {
  it('gives each tier its default interval, and an explicit one wins', () => {
    expect(TIER_INTERVAL_DAYS).toEqual({ key: 7, important: 90, general: 180 });
    expect(intervalDays('key')).toBe(7);
    expect(intervalDays('important', null)).toBe(90);
    expect(intervalDays('general', 30)).toBe(30);
  });

  it('computes the next visit from the last visit, else from registration', () => {
    expect(nextVisitAt(null, '2026-11-25T02:00:00.000Z', 7)).toBe('2026-12-02T02:00:00.000Z');
    expect(nextVisitAt('2026-11-30T09:30:00.000Z', '2026-11-25T02:00:00.000Z', 7)).toBe('2026-12-07T09:30:00.000Z');
    expect(nextVisitAt('2026-01-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z', 90)).toBe('2026-04-01T00:00:00.000Z');
  });

  it('colours blue beyond 48 h, yellow from 48 h to the due instant, red from it on', () => {
    const clock = new FixedClock(new Date('2026-11-25T02:00:00.000Z'));
    const due = new Date(clock.now().getTime() + 48 * H + 1).toISOString();
    expect(alertColour(due, false, clock.now())).toBe('blue');
    clock.advance(1); // exactly 48 h left
    expect(alertColour(due, false, clock.now())).toBe('yellow');
    clock.advance(48 * H - 1); // 1 ms left
    expect(alertColour(due, false, clock.now())).toBe('yellow');
    expect(daysOverdue(due, clock.now())).toBe(0);
    clock.advance(1); // the due instant
    expect(alertColour(due, false, clock.now())).toBe('red');
    clock.advance(24 * H);
    expect(alertColour(due, false, clock.now())).toBe('red');
    expect(daysOverdue(due, clock.now())).toBe(1);
  });

  it('is red with an emergency however far the next visit is', () => {
    const now = new Date('2026-11-25T02:00:00.000Z');
    expect(alertColour('2027-05-01T00:00:00.000Z', true, now)).toBe('red');
    expect(alertColour('2027-05-01T00:00:00.000Z', false, now)).toBe('blue');
  });

  it('orders emergencies first, then the earliest next visit', () => {
    const rows = [
      { id: 'b', emergency: false, nextVisitAt: '2026-12-10T00:00:00.000Z' },
      { id: 'e', emergency: true, nextVisitAt: '2027-01-01T00:00:00.000Z' },
      { id: 'a', emergency: false, nextVisitAt: '2026-11-01T00:00:00.000Z' },
    ];
    expect([...rows].sort(byUrgency).map((r) => r.id)).toEqual(['e', 'a', 'b']);
  });
});
