import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  boxAround,
  chinaDay,
  deadlineAt,
  hiddenByFlags,
  isOverdue,
  nextLevel,
  REPORT_ACTIONS,
  REPORT_STATES,
  type ReportAction,
  type ReportActorKind,
  type ReportState,
  rewardKey,
  rewardPoints,
  escalatedFrom,
  stepTarget,
} from './reports.rules.js';

/** Every allowed step, written out by hand: [action, from, by, to]. Anything not listed must be refused. */
const ALLOWED: Array<[ReportAction, ReportState, ReportActorKind, ReportState]> = [
  ['accept', 'submitted', 'staff', 'accepted'],
  ['assign', 'accepted', 'staff', 'assigned'],
  ['assign', 'assigned', 'staff', 'assigned'],
  ['start', 'assigned', 'staff', 'in_progress'],
  ['resolve', 'in_progress', 'staff', 'resolved'],
  ['confirm', 'resolved', 'reporter', 'confirmed'],
  ['confirm', 'resolved', 'system', 'confirmed'],
  ['reopen', 'resolved', 'reporter', 'in_progress'],
  ['reject', 'submitted', 'staff', 'rejected'],
  ['reject', 'accepted', 'staff', 'rejected'],
  ['merge', 'submitted', 'staff', 'duplicate'],
  ['merge', 'accepted', 'staff', 'duplicate'],
  ['merge', 'assigned', 'staff', 'duplicate'],
  ['close', 'confirmed', 'staff', 'closed'],
  ['close', 'confirmed', 'system', 'closed'],
];
const KINDS: ReportActorKind[] = ['staff', 'reporter', 'system'];

describe('report state graph', () => {
  const allowed = new Map(ALLOWED.map(([a, f, b, t]) => [`${a}|${f}|${b}`, t]));
  const cases = REPORT_ACTIONS.flatMap((a) => REPORT_STATES.flatMap((f) => KINDS.map((b) => [a, f, b] as const)));

  it('has the hand-written table and nothing else (every action × state × actor checked)', () => {
    expect(cases).toHaveLength(REPORT_ACTIONS.length * REPORT_STATES.length * KINDS.length);
    for (const [a, f, b] of cases) {
      expect(stepTarget(a, f, b), `${a} from ${f} by ${b}`).toBe(allowed.get(`${a}|${f}|${b}`) ?? null);
    }
  });

  it.each(ALLOWED)('allows %s from %s by %s (→ %s)', (a, f, b, t) => {
    expect(stepTarget(a, f, b)).toBe(t);
  });

  it('refuses every step from the end states', () => {
    for (const f of ['closed', 'rejected', 'duplicate'] as const)
      for (const a of REPORT_ACTIONS) for (const b of KINDS) expect(stepTarget(a, f, b)).toBeNull();
  });

  it('lets only the reporter (or the system after 7 days) confirm, and only the reporter reopen', () => {
    expect(stepTarget('confirm', 'resolved', 'staff')).toBeNull();
    expect(stepTarget('reopen', 'resolved', 'staff')).toBeNull();
    expect(stepTarget('reopen', 'resolved', 'system')).toBeNull();
    expect(stepTarget('reopen', 'confirmed', 'reporter')).toBeNull();
  });

  it('keeps the reporter away from staff steps', () => {
    for (const a of ['accept', 'assign', 'start', 'resolve', 'reject', 'merge', 'close'] as const)
      for (const f of REPORT_STATES) expect(stepTarget(a, f, 'reporter')).toBeNull();
  });

  it('offers each actor exactly its steps', () => {
    expect(actionsFor('submitted', ['staff'])).toEqual(['accept', 'reject', 'merge']);
    expect(actionsFor('resolved', ['staff'])).toEqual([]);
    expect(actionsFor('resolved', ['reporter'])).toEqual(['confirm', 'reopen']);
    expect(actionsFor('assigned', ['staff', 'reporter'])).toEqual(['assign', 'start', 'merge']);
    expect(actionsFor('closed', ['staff', 'reporter'])).toEqual([]);
  });
});

describe('escalation', () => {
  const limits = { gridHours: 24, communityHours: 72, streetHours: 168 };
  const t0 = new Date('2026-11-25T02:00:00.000Z');
  it('goes grid → community → street and stops', () => {
    expect(nextLevel('grid')).toBe('community');
    expect(nextLevel('community')).toBe('street');
    expect(nextLevel('street')).toBeNull();
  });
  it('counts each level’s hours from when the report reached it', () => {
    expect(deadlineAt('grid', t0, limits).toISOString()).toBe('2026-11-26T02:00:00.000Z');
    expect(deadlineAt('community', t0, limits).toISOString()).toBe('2026-11-28T02:00:00.000Z');
    expect(deadlineAt('street', t0, limits).toISOString()).toBe('2026-12-02T02:00:00.000Z');
  });
  it('is overdue only while open and past the deadline', () => {
    const due = '2026-11-26T02:00:00.000Z';
    expect(isOverdue('accepted', due, new Date('2026-11-26T02:00:01Z'))).toBe(true);
    expect(isOverdue('accepted', due, new Date('2026-11-26T01:59:59Z'))).toBe(false);
    expect(isOverdue('resolved', due, new Date('2026-12-26T00:00:00Z'))).toBe(false);
    expect(isOverdue('in_progress', null, new Date('2026-12-26T00:00:00Z'))).toBe(false);
  });
  it('says which level’s limit an escalated open report broke, closed ones none', () => {
    expect(escalatedFrom('accepted', 'grid', true)).toBe(null);
    expect(escalatedFrom('accepted', 'community', true)).toBe('grid');
    expect(escalatedFrom('accepted', 'community', false)).toBe(null);
    expect(escalatedFrom('accepted', 'street', false)).toBe('community');
    expect(escalatedFrom('in_progress', 'street', true)).toBe('community');
    expect(escalatedFrom('resolved', 'street', true)).toBe(null);
  });
  it('is overdue only past the current level’s deadline, even when escalated', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    expect(isOverdue('accepted', '2026-11-28T02:00:00.000Z', now)).toBe(false);
    expect(isOverdue('accepted', '2026-11-25T01:59:59.000Z', now)).toBe(true);
    expect(isOverdue('resolved', '2026-11-25T01:59:59.000Z', now)).toBe(false);
    expect(isOverdue('accepted', null, now)).toBe(false);
  });
});

describe('rewards', () => {
  it('pays the category’s points within the daily cap', () => {
    expect(rewardPoints(5, 0, 20)).toBe(5);
    expect(rewardPoints(5, 17, 20)).toBe(3);
    expect(rewardPoints(5, 20, 20)).toBe(0);
    expect(rewardPoints(5, 25, 20)).toBe(0);
    expect(rewardPoints(0, 0, 20)).toBe(0);
  });
  it('has one ledger key per report', () => {
    expect(rewardKey('01ABC')).toBe('report-reward:01ABC');
  });
  it('counts the cap per China day', () => {
    expect(chinaDay(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(chinaDay(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });
});

describe('flags and nearby', () => {
  it('hides at the threshold unless a moderator chose to show it', () => {
    expect(hiddenByFlags(2, 3, false)).toBe(false);
    expect(hiddenByFlags(3, 3, false)).toBe(true);
    expect(hiddenByFlags(5, 3, true)).toBe(false);
  });
  it('draws a box that holds every point within the radius', () => {
    const lat = 39.9;
    const lng = 116.4;
    const b = boxAround(lat, lng, 50);
    // 50 m north and east are inside; 60 m are outside.
    const north = (m: number) => Math.round((lat + m / 111_320) * 1e7);
    const east = (m: number) => Math.round((lng + m / (111_320 * Math.cos((lat * Math.PI) / 180))) * 1e7);
    expect(north(50)).toBeLessThanOrEqual(b.maxLat);
    expect(east(50)).toBeLessThanOrEqual(b.maxLng);
    expect(north(60)).toBeGreaterThan(b.maxLat);
    expect(east(60)).toBeGreaterThan(b.maxLng);
  });
});
