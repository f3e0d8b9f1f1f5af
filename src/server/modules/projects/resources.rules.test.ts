import { describe, expect, it } from 'vitest';
import {
  availabilityScore,
  categoryFit,
  datesOverlap,
  type NeedResourceFacts,
  quantityScore,
  rankResources,
  type ResourceCandidate,
  resourceTotal,
  scoreResource,
} from './resources.rules.js';

const need: NeedResourceFacts = {
  category: 'escort',
  categoryName: '就医陪护',
  communityId: 'c1',
  peopleNeeded: 2,
  from: '2026-06-10',
  to: '2026-06-10',
  hasWindow: true,
};

const base: ResourceCandidate = {
  id: 'r1',
  kind: 'professionals',
  communityId: 'c1',
  needCategories: ['escort'],
  availableFrom: null,
  availableTo: null,
  quantity: 3,
  unit: '人',
  amountFen: null,
};

describe('category fit', () => {
  it('is named by the resource, else by kind, else none', () => {
    expect(categoryFit('escort', 'goods', ['escort'])).toBe('named');
    expect(categoryFit('escort', 'professionals', [])).toBe('kind');
    expect(categoryFit('legal', 'professionals', [])).toBe('kind');
    expect(categoryFit('childcare', 'venue', [])).toBe('kind');
    expect(categoryFit('escort', 'venue', [])).toBe('none');
    expect(categoryFit('escort', 'funds', [])).toBe('none');
  });
});

describe('availability', () => {
  it('open-ended resources are always available', () => {
    expect(availabilityScore(base, need)).toEqual({ score: 100, key: 'availability.open' });
  });
  it('dates overlapping the window count, others do not', () => {
    expect(datesOverlap({ from: '2026-06-01', to: '2026-06-10' }, need)).toBe(true);
    expect(datesOverlap({ from: '2026-06-10T00:00:00Z', to: null }, need)).toBe(true);
    expect(datesOverlap({ from: null, to: '2026-06-09' }, need)).toBe(false);
    expect(datesOverlap({ from: '2026-06-11', to: null }, need)).toBe(false);
    expect(availabilityScore({ availableFrom: '2026-06-01', availableTo: null }, need)).toEqual({
      score: 100,
      key: 'availability.window',
    });
    expect(
      availabilityScore({ availableFrom: '2026-06-01', availableTo: null }, { ...need, hasWindow: false }).key,
    ).toBe('availability.now');
    expect(availabilityScore({ availableFrom: null, availableTo: '2026-06-01' }, need)).toEqual({
      score: 0,
      key: null,
    });
  });
});

describe('quantity', () => {
  it('enough, some, funds, unknown', () => {
    expect(quantityScore(base, 2)).toEqual({
      score: 100,
      reason: { key: 'quantity.enough', params: { quantity: 3, unit: '人' } },
    });
    expect(quantityScore({ ...base, quantity: 1 }, 2).score).toBe(50);
    expect(quantityScore({ ...base, quantity: null }, 2)).toEqual({ score: 0, reason: null });
    expect(quantityScore({ ...base, kind: 'funds', quantity: null, amountFen: 500_000 }, 2)).toEqual({
      score: 100,
      reason: { key: 'quantity.funds', params: { yuan: '5000.00' } },
    });
  });
});

describe('scoring and ranking (hand-computed)', () => {
  it('a named, same-community, open, sufficient resource scores 100 with a reason per factor', () => {
    const s = scoreResource(need, base);
    expect(s.factors).toEqual({ category: 100, distance: 100, availability: 100, quantity: 100 });
    expect(s.total).toBe(100);
    expect(s.reasons).toEqual([
      { factor: 'category', key: 'category.named', params: { category: '就医陪护' } },
      { factor: 'distance', key: 'distance.community', params: {} },
      { factor: 'availability', key: 'availability.open', params: {} },
      { factor: 'quantity', key: 'quantity.enough', params: { quantity: 3, unit: '人' } },
    ]);
  });

  it('kind fit in the street: (50·50 + 25·50 + 15·100 + 10·50) / 100 = 57.5 → 58', () => {
    const s = scoreResource(need, {
      ...base,
      id: 'r2',
      communityId: 'c2',
      needCategories: [],
      availableFrom: '2026-06-01',
      availableTo: '2026-06-30',
      quantity: 1,
    });
    expect(s.factors).toEqual({ category: 50, distance: 50, availability: 100, quantity: 50 });
    expect(s.total).toBe(58);
    expect(s.reasons.map((r) => r.key)).toEqual([
      'category.kind.professionals',
      'distance.street',
      'availability.window',
      'quantity.some',
    ]);
  });

  it('weighted total', () => {
    expect(resourceTotal({ category: 100, distance: 100, availability: 0, quantity: 0 })).toBe(75);
    expect(resourceTotal({ category: 0, distance: 0, availability: 0, quantity: 0 })).toBe(0);
  });

  it('ranks by total, drops resources that do not fit, keeps at most top', () => {
    const r2: ResourceCandidate = { ...base, id: 'r2', communityId: 'c2', needCategories: [], quantity: 1 };
    const r3: ResourceCandidate = { ...base, id: 'r3', kind: 'venue', needCategories: [] };
    const r4: ResourceCandidate = {
      ...base,
      id: 'r4',
      kind: 'goods',
      availableTo: '2026-06-01',
      quantity: null,
      unit: null,
    };
    const ranked = rankResources(need, [r2, r3, r4, base], 10);
    expect(ranked.map((s) => [s.resourceId, s.total])).toEqual([
      ['r1', 100],
      ['r4', 75],
      ['r2', 58],
    ]);
    expect(rankResources(need, [r2, r3, r4, base], 2)).toHaveLength(2);
  });
});
