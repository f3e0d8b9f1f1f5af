import { describe, expect, it } from 'vitest';
import {
  availabilityScore,
  type Candidate,
  checkMatchWeights,
  coarseScore,
  DEFAULT_MATCH_WEIGHTS,
  fairnessScore,
  proximityOf,
  rankCandidates,
  reliabilityScore,
  scoreCandidate,
  skillBit,
  skillMask,
  skillScore,
  weightedTotal,
  windowSlots,
} from './matching.rules.js';

const base: Candidate = {
  userId: 'u1',
  skills: [],
  availability: {},
  proximity: 'far',
  attendanceExpected: 0,
  attendanceKept: 0,
  ratingAverage: null,
  ratingCount: 0,
  recentServices: 3,
};

// Saturday 2026-12-05, 09:00–11:00 China time.
const saturdayMorning = windowSlots('2026-12-05T01:00:00.000Z', '2026-12-05T03:00:00.000Z');

describe('factor scores', () => {
  it('skill fit is the share of the category skills the volunteer has', () => {
    expect(skillScore(['医护', '驾驶'], ['医护', '理发'])).toEqual({ score: 50, matched: ['医护'] });
    expect(skillScore(['医护'], ['医护'])).toEqual({ score: 100, matched: ['医护'] });
    expect(skillScore(['医护', '驾驶', '法律'], ['法律'])).toEqual({ score: 33, matched: ['法律'] });
    expect(skillScore([], ['医护']).score).toBe(50);
  });

  it('proximity: building > grid > community > street', () => {
    const need = { buildingId: 'b1', gridId: 'g1', communityId: 'c1', streetId: 's1' };
    expect(proximityOf(need, { buildingId: 'b1', gridId: 'g1', communityId: 'c1', streetId: 's1' })).toBe('building');
    expect(proximityOf(need, { buildingId: 'b2', gridId: 'g1', communityId: 'c1', streetId: 's1' })).toBe('grid');
    expect(proximityOf(need, { buildingId: null, gridId: 'g2', communityId: 'c1', streetId: 's1' })).toBe('community');
    expect(proximityOf(need, { buildingId: null, gridId: null, communityId: 'c2', streetId: 's1' })).toBe('street');
    expect(proximityOf(need, { buildingId: null, gridId: null, communityId: 'c9', streetId: 's9' })).toBe('far');
    // A need without a grid never matches a volunteer without one on "same grid".
    expect(
      proximityOf(
        { buildingId: null, gridId: null, communityId: 'c1', streetId: 's1' },
        { buildingId: null, gridId: null, communityId: 'c1', streetId: 's1' },
      ),
    ).toBe('community');
  });

  it('the window is read in China time: Saturday 09:00–11:00 is Saturday morning only', () => {
    expect(saturdayMorning).toEqual([{ weekday: '6', band: 'morning' }]);
    // Friday 17:00 → 19:00 China time covers Friday afternoon and evening.
    expect(windowSlots('2026-12-04T09:00:00.000Z', '2026-12-04T11:00:00.000Z')).toEqual([
      { weekday: '5', band: 'afternoon' },
      { weekday: '5', band: 'evening' },
    ]);
    expect(windowSlots(null, null)).toBeNull();
  });

  it('availability is the share of the window slots the volunteer is free in', () => {
    expect(availabilityScore(saturdayMorning, { '6': ['morning'] }).score).toBe(100);
    expect(availabilityScore(saturdayMorning, { '6': ['afternoon'] }).score).toBe(0);
    const twoSlots = windowSlots('2026-12-04T09:00:00.000Z', '2026-12-04T11:00:00.000Z');
    expect(availabilityScore(twoSlots, { '5': ['evening'] }).score).toBe(50);
    expect(availabilityScore(null, {}).score).toBe(50);
  });

  it('reliability: 70 % attendance, 30 % rating, neutral halves when unknown', () => {
    // 9 of 10 attended, rating 5: 70 × 0.9 + 30 × 1 = 93.
    expect(reliabilityScore({ attendanceExpected: 10, attendanceKept: 9, ratingAverage: 5 })).toEqual({
      score: 93,
      attendancePercent: 90,
    });
    // No history at all: 50. Rating 3 only: 70 × 0.5 + 30 × 0.5 = 50.
    expect(reliabilityScore({ attendanceExpected: 0, attendanceKept: 0, ratingAverage: null }).score).toBe(50);
    expect(reliabilityScore({ attendanceExpected: 0, attendanceKept: 0, ratingAverage: 3 }).score).toBe(50);
    // Attended 1 of 4, no rating: 70 × 0.25 + 15 = 32.5 → 33.
    expect(reliabilityScore({ attendanceExpected: 4, attendanceKept: 1, ratingAverage: null }).score).toBe(33);
  });

  it('fairness: 100 for nobody-asked-lately, −20 per recent service, floor 0', () => {
    expect([0, 1, 2, 5, 9].map(fairnessScore)).toEqual([100, 80, 60, 0, 0]);
  });

  it('weighted total with the default weights 35/25/15/10/15', () => {
    const f = { skill: 100, proximity: 75, availability: 100, reliability: 93, fairness: 80 };
    // (3500 + 1875 + 1500 + 930 + 1200) / 100 = 90.05 → 90
    expect(weightedTotal(f, DEFAULT_MATCH_WEIGHTS)).toBe(90);
    expect(weightedTotal(f, { skill: 1, proximity: 0, availability: 0, reliability: 0, fairness: 0 })).toBe(100);
  });

  it('weights must be integers 0–100, not all zero', () => {
    expect(checkMatchWeights(DEFAULT_MATCH_WEIGHTS)).toBeNull();
    expect(checkMatchWeights({ ...DEFAULT_MATCH_WEIGHTS, skill: -1 })).toBe('match_weights');
    expect(checkMatchWeights({ ...DEFAULT_MATCH_WEIGHTS, skill: 1.5 })).toBe('match_weights');
    expect(checkMatchWeights({ skill: 0, proximity: 0, availability: 0, reliability: 0, fairness: 0 })).toBe(
      'match_weights',
    );
  });
});

describe('scoreCandidate', () => {
  it('gives the hand-computed total and one reason per factor that counted', () => {
    const s = scoreCandidate(
      { skills: ['医护'], slots: saturdayMorning },
      {
        ...base,
        skills: ['医护', '驾驶'],
        availability: { '6': ['morning'] },
        proximity: 'grid',
        attendanceExpected: 10,
        attendanceKept: 9,
        ratingAverage: 5,
        ratingCount: 2,
        recentServices: 1,
      },
      DEFAULT_MATCH_WEIGHTS,
    );
    expect(s.factors).toEqual({ skill: 100, proximity: 75, availability: 100, reliability: 93, fairness: 80 });
    expect(s.total).toBe(90);
    expect(s.reasons).toEqual([
      { factor: 'skill', key: 'skill', params: { skills: '医护' } },
      { factor: 'proximity', key: 'proximity.grid', params: {} },
      { factor: 'availability', key: 'availability', params: { weekday: 'sat', band: 'morning' } },
      { factor: 'reliability', key: 'reliability.attendance', params: { percent: 90 } },
      { factor: 'fairness', key: 'fairness', params: { count: 1 } },
    ]);
  });

  it('names the rating when attendance is unknown, and nothing for factors that did not help', () => {
    const s = scoreCandidate(
      { skills: ['医护'], slots: saturdayMorning },
      { ...base, ratingAverage: 4.5, ratingCount: 3 },
      DEFAULT_MATCH_WEIGHTS,
    );
    // skill 0, proximity 0, availability 0, reliability 70×0.5 + 30×0.875 = 61.25 → 61, fairness 40.
    expect(s.factors).toEqual({ skill: 0, proximity: 0, availability: 0, reliability: 61, fairness: 40 });
    // (0 + 0 + 0 + 610 + 600) / 100 = 12.1 → 12
    expect(s.total).toBe(12);
    expect(s.reasons).toEqual([{ factor: 'reliability', key: 'reliability.rating', params: { rating: '4.5' } }]);
  });
});

describe('rankCandidates', () => {
  it('fairness moves a rarely-used volunteer up past an equally fit busy one', () => {
    const busy: Candidate = { ...base, userId: 'a-busy', skills: ['医护'], proximity: 'grid', recentServices: 4 };
    const rare: Candidate = { ...base, userId: 'b-rare', skills: ['医护'], proximity: 'grid', recentServices: 0 };
    const ranked = rankCandidates({ skills: ['医护'], slots: null }, [busy, rare], DEFAULT_MATCH_WEIGHTS, 10);
    expect(ranked.map((r) => r.userId)).toEqual(['b-rare', 'a-busy']);
    // Same fit: busy 35×100 + 25×75 + 15×50 + 10×50 + 15×20 = 6925 → 69; rare with fairness 100 → 81.
    expect(ranked.map((r) => r.total)).toEqual([81, 69]);
    expect(ranked[0]!.reasons.some((r) => r.factor === 'fairness')).toBe(true);
  });

  it('keeps the top N, best first', () => {
    const list = ['c', 'a', 'b'].map((userId, i) => ({ ...base, userId, recentServices: i }));
    expect(rankCandidates({ skills: [], slots: null }, list, DEFAULT_MATCH_WEIGHTS, 2).map((r) => r.userId)).toEqual([
      'c',
      'a',
    ]);
  });
});

describe('coarse filter helpers', () => {
  it('the coarse score orders skill first, then proximity', () => {
    expect(coarseScore(true, 'street')).toBeGreaterThan(coarseScore(false, 'building'));
    expect(coarseScore(false, 'grid')).toBeGreaterThan(coarseScore(false, 'community'));
  });
  it('skill masks are stable bits and contain each skill', () => {
    const m = skillMask(['医护', '驾驶']);
    expect(m & (1 << skillBit('医护'))).not.toBe(0);
    expect(m & (1 << skillBit('驾驶'))).not.toBe(0);
    expect(skillMask([])).toBe(0);
    expect(skillBit('医护')).toBe(skillBit('医护'));
    expect(m).toBeLessThan(2 ** 31);
  });
});
