import { describe, expect, it } from 'vitest';
import {
  canGenerateActivities,
  isLiveClaim,
  nextClaimState,
  nextProjectState,
  PROJECT_STATES,
  resourceAmountProblem,
} from './projects.rules.js';

describe('project states', () => {
  it('walks draft → published → claimed → in_progress → done', () => {
    expect(nextProjectState('draft', 'publish')).toBe('published');
    expect(nextProjectState('published', 'approve_claim')).toBe('claimed');
    expect(nextProjectState('claimed', 'start')).toBe('in_progress');
    expect(nextProjectState('in_progress', 'finish')).toBe('done');
  });

  it('refuses every step out of order', () => {
    expect(nextProjectState('published', 'publish')).toBeNull();
    expect(nextProjectState('draft', 'approve_claim')).toBeNull();
    expect(nextProjectState('claimed', 'approve_claim')).toBeNull();
    expect(nextProjectState('published', 'start')).toBeNull();
    expect(nextProjectState('claimed', 'finish')).toBeNull();
    expect(nextProjectState('done', 'start')).toBeNull();
  });

  it('withdraws anything not finished, and nothing twice', () => {
    for (const s of PROJECT_STATES) {
      const expected = s === 'done' || s === 'withdrawn' ? null : 'withdrawn';
      expect(nextProjectState(s, 'withdraw')).toBe(expected);
    }
  });

  it('edits only drafts and published projects, keeping the state', () => {
    expect(PROJECT_STATES.map((s) => nextProjectState(s, 'edit'))).toEqual([
      'draft',
      'published',
      null,
      null,
      null,
      null,
    ]);
  });

  it('generates activities once claimed and until done', () => {
    expect(PROJECT_STATES.filter(canGenerateActivities)).toEqual(['claimed', 'in_progress']);
  });
});

describe('claim states', () => {
  it('decides a pending claim once', () => {
    expect(nextClaimState('pending', 'approve')).toBe('approved');
    expect(nextClaimState('pending', 'reject')).toBe('rejected');
    expect(nextClaimState('pending', 'withdraw')).toBe('withdrawn');
    for (const s of ['approved', 'rejected', 'withdrawn'] as const) {
      expect(nextClaimState(s, 'approve')).toBeNull();
      expect(nextClaimState(s, 'reject')).toBeNull();
    }
  });

  it('counts pending and approved claims as live', () => {
    expect(isLiveClaim('pending')).toBe(true);
    expect(isLiveClaim('approved')).toBe(true);
    expect(isLiveClaim('rejected')).toBe(false);
    expect(isLiveClaim('withdrawn')).toBe(false);
  });
});

describe('resource amounts', () => {
  it('asks funds for an amount in fen and no quantity; other kinds for no amount', () => {
    expect(resourceAmountProblem('funds', { quantity: null, amountFen: 500_00 })).toBeNull();
    expect(resourceAmountProblem('funds', { quantity: null, amountFen: null })).toBe('amountFen');
    expect(resourceAmountProblem('funds', { quantity: null, amountFen: 0 })).toBe('amountFen');
    expect(resourceAmountProblem('funds', { quantity: 3, amountFen: 100 })).toBe('quantity');
    expect(resourceAmountProblem('venue', { quantity: 40, amountFen: null })).toBeNull();
    expect(resourceAmountProblem('goods', { quantity: null, amountFen: null })).toBeNull();
    expect(resourceAmountProblem('courses', { quantity: 4, amountFen: 100 })).toBe('amountFen');
  });
});
