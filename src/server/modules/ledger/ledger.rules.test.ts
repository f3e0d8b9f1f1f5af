import { describe, expect, it } from 'vitest';
import {
  canonicalEncoding,
  capEarning,
  expiringPoints,
  GENESIS_HASH,
  isBalanced,
  journalHash,
  pointsForMinutes,
} from './ledger.rules.js';

const j = {
  districtId: 'D',
  seq: 1,
  id: 'J1',
  type: 'earn',
  reason: '志愿服务 2 小时',
  refType: 'service_record',
  refId: 'R1',
  actorId: null,
  idempotencyKey: 'earn:R1',
  reversesId: null,
  communityId: 'C',
  effectiveDate: '2026-11-25',
  createdAt: '2026-11-25T02:00:00.000Z',
  postings: [
    { line: 2, accountId: 'P', amount: 20 },
    { line: 1, accountId: 'I', amount: -20 },
  ],
  prevHash: GENESIS_HASH,
};

describe('journal hashing', () => {
  it('has one canonical encoding, independent of posting order', () => {
    expect(canonicalEncoding(j)).toBe(canonicalEncoding({ ...j, postings: [...j.postings].reverse() }));
    expect(canonicalEncoding(j)).toBe(
      '["linli-journal-v1","D",1,"J1","earn","志愿服务 2 小时","service_record","R1",null,"earn:R1",null,"C","2026-11-25","2026-11-25T02:00:00.000Z",[[1,"I",-20],[2,"P",20]],"' +
        GENESIS_HASH +
        '"]',
    );
  });
  it('changes with any field, posting or the previous hash', () => {
    const h = journalHash(j);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(journalHash({ ...j, reason: 'x' })).not.toBe(h);
    expect(
      journalHash({
        ...j,
        postings: [
          { line: 1, accountId: 'I', amount: -21 },
          { line: 2, accountId: 'P', amount: 21 },
        ],
      }),
    ).not.toBe(h);
    expect(journalHash({ ...j, prevHash: 'f'.repeat(64) })).not.toBe(h);
    expect(journalHash({ ...j, seq: 2 })).not.toBe(h);
  });
});

describe('arithmetic', () => {
  it('balances double entries', () => {
    expect(isBalanced([{ amount: -5 }, { amount: 5 }])).toBe(true);
    expect(isBalanced([{ amount: -5 }, { amount: 4 }])).toBe(false);
    expect(isBalanced([{ amount: 0 }, { amount: 0 }])).toBe(false);
    expect(isBalanced([{ amount: 5 }])).toBe(false);
    expect(isBalanced([{ amount: 0.5 }, { amount: -0.5 }])).toBe(false);
  });
  it('turns minutes into whole points', () => {
    expect(pointsForMinutes(120, 10, 100)).toBe(20);
    expect(pointsForMinutes(45, 10, 100)).toBe(7);
    expect(pointsForMinutes(60, 10, 150)).toBe(15);
  });
  it('caps earnings by day and balance ceiling', () => {
    expect(capEarning(20, 0, 0, { dailyCapPoints: null, balanceCeiling: null })).toBe(20);
    expect(capEarning(20, 15, 0, { dailyCapPoints: 30, balanceCeiling: null })).toBe(15);
    expect(capEarning(20, 0, 590, { dailyCapPoints: null, balanceCeiling: 600 })).toBe(10);
    expect(capEarning(20, 40, 0, { dailyCapPoints: 30, balanceCeiling: null })).toBe(0);
  });
  it('expires oldest points first', () => {
    expect(expiringPoints(100, 30, 0)).toBe(70);
    expect(expiringPoints(100, 130, 0)).toBe(0);
    expect(expiringPoints(100, 30, 70)).toBe(0);
  });
});
