import { describe, expect, it } from 'vitest';
import {
  assignTarget,
  canTransition,
  canWithdraw,
  chinaMonth,
  isClosed,
  MEDIATION_STATES,
  type MediationState,
  nextStates,
  partyMayWrite,
  startTarget,
  statsOutcome,
  suppressSmall,
} from './mediation.rules.js';

describe('mediation rules', () => {
  it('allows exactly the transitions of the written graph', () => {
    const allowed: Record<MediationState, MediationState[]> = {
      opened: ['assigned', 'withdrawn'],
      assigned: ['in_mediation'],
      in_mediation: ['agreement', 'referred', 'failed'],
      agreement: [],
      referred: [],
      failed: [],
      withdrawn: [],
    };
    for (const from of MEDIATION_STATES)
      for (const to of MEDIATION_STATES)
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed[from].includes(to));
    for (const s of MEDIATION_STATES) expect([...nextStates(s)]).toEqual(allowed[s]);
  });

  it('ends at an outcome or a withdrawal, and nothing is written after', () => {
    expect(MEDIATION_STATES.filter(isClosed)).toEqual(['agreement', 'referred', 'failed', 'withdrawn']);
    expect(MEDIATION_STATES.filter(partyMayWrite)).toEqual(['opened', 'assigned', 'in_mediation']);
  });

  it('assigns until the case closes; the first assignment moves it on', () => {
    expect(assignTarget('opened')).toBe('assigned');
    expect(assignTarget('assigned')).toBe('assigned');
    expect(assignTarget('in_mediation')).toBe('in_mediation');
    for (const s of ['agreement', 'referred', 'failed', 'withdrawn'] as const) expect(assignTarget(s)).toBeNull();
  });

  it('starts mediation with the first session or mediator message, not before mediators are assigned', () => {
    expect(startTarget('opened')).toBeNull();
    expect(startTarget('assigned')).toBe('in_mediation');
    expect(startTarget('in_mediation')).toBe('in_mediation');
    expect(startTarget('agreement')).toBeNull();
  });

  it('lets the opener withdraw only before a mediator is assigned', () => {
    expect(MEDIATION_STATES.filter(canWithdraw)).toEqual(['opened']);
  });

  it('hides counts below three and counts running cases as open', () => {
    const cells = suppressSmall([
      { month: '2026-11', type: 'neighbour', outcome: 'agreement', count: 2 },
      { month: '2026-11', type: 'neighbour', outcome: 'failed', count: 3 },
      { month: '2026-11', type: 'pets', outcome: 'open', count: 1 },
    ]);
    expect(cells.map((c) => c.count)).toEqual([null, 3, null]);
    expect(statsOutcome('in_mediation')).toBe('open');
    expect(statsOutcome('assigned')).toBe('open');
    expect(statsOutcome('referred')).toBe('referred');
  });

  it('counts months in China time', () => {
    expect(chinaMonth('2026-11-30T15:59:59.000Z')).toBe('2026-11');
    expect(chinaMonth('2026-11-30T16:00:00.000Z')).toBe('2026-12');
  });
});
