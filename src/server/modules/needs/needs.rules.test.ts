import { describe, expect, it } from 'vitest';
import {
  BOARD_COLUMNS,
  canRate,
  canTransition,
  canWithdraw,
  defaultTitle,
  NEED_STATES,
  type NeedState,
  nextStates,
  statusChangeRef,
  triageTarget,
  windowProblem,
} from './needs.rules.js';

// The whole graph, written out once more by hand: every pair not listed here must be refused.
const ALLOWED: Array<[NeedState, NeedState]> = [
  ['submitted', 'triaged'],
  ['submitted', 'linked'],
  ['submitted', 'closed'],
  ['triaged', 'dispatched'],
  ['triaged', 'linked'],
  ['triaged', 'closed'],
  ['dispatched', 'matched'],
  ['dispatched', 'closed'],
  ['matched', 'in_service'],
  ['matched', 'closed'],
  ['in_service', 'done'],
  ['done', 'evaluated'],
];

describe('need state graph', () => {
  it('allows exactly the written transitions and refuses every other pair', () => {
    for (const from of NEED_STATES) {
      for (const to of NEED_STATES) {
        const expected = ALLOWED.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('has final states with no way out', () => {
    expect(nextStates('evaluated')).toEqual([]);
    expect(nextStates('linked')).toEqual([]);
    expect(nextStates('closed')).toEqual([]);
  });

  it('closes from every state up to matched, never after the service started', () => {
    const closable = NEED_STATES.filter((s) => canTransition(s, 'closed'));
    expect(closable).toEqual(['submitted', 'triaged', 'dispatched', 'matched']);
  });

  it('maps triage decisions to their states', () => {
    expect(triageTarget('dispatch')).toBe('triaged');
    expect(triageTarget('link')).toBe('linked');
    expect(triageTarget('close')).toBe('closed');
  });

  it('lets the requester withdraw only before volunteers are matched, and rate only when done', () => {
    expect(NEED_STATES.filter(canWithdraw)).toEqual(['submitted', 'triaged', 'dispatched']);
    expect(NEED_STATES.filter(canRate)).toEqual(['done']);
  });

  it('puts every state but closed on exactly one board column', () => {
    const shown = BOARD_COLUMNS.flatMap((c) => c.states);
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown].sort()).toEqual(NEED_STATES.filter((s) => s !== 'closed').sort());
  });
});

describe('need helpers', () => {
  it('refuses a window that ends before it starts, accepts open ends', () => {
    expect(windowProblem('2026-12-01T02:00:00.000Z', '2026-12-01T01:00:00.000Z')).toBe('end_before_start');
    expect(windowProblem('2026-12-01T02:00:00.000Z', '2026-12-01T02:00:00.000Z')).toBe('end_before_start');
    expect(windowProblem('2026-12-01T02:00:00.000Z', '2026-12-01T03:00:00.000Z')).toBeNull();
    expect(windowProblem(null, '2026-12-01T03:00:00.000Z')).toBeNull();
    expect(windowProblem('2026-12-01T02:00:00.000Z', null)).toBeNull();
  });

  it('titles a need from its category and the start of its description', () => {
    expect(defaultTitle('代买代办', '帮忙买降压药')).toBe('代买代办：帮忙买降压药');
    expect(defaultTitle('其他', '  ')).toBe('其他');
    expect(defaultTitle('上门探访', '一二三四五六七八九十一二三四五六七八九十多出来的字')).toBe(
      '上门探访：一二三四五六七八九十一二三四五六七八九十…',
    );
  });

  it('references a status change by the need and its new version', () => {
    expect(statusChangeRef('N1', 3)).toBe('N1:3');
  });
});
