import { describe, expect, it } from 'vitest';
import { checkStatement } from '../../db/shardCheck.js';
import { capturePg } from '../../db/sqlCapture.testing.js';
import { listRedemptionsSince, merchantsFiltered } from './mall.repository.js';

// Every correlated subquery on merchant_staff matches district_id as well as merchant_id (docs/SCALING.md).
const TABLES = ['merchants', 'merchant_staff', 'orders', 'catalog_items', 'org_nodes'];
const mismatches = (sqlText: string) =>
  checkStatement(sqlText, TABLES).filter((v) => v.kind === 'join-mismatch' && v.table === 'merchant_staff');

describe('the merchant desk’s EXISTS on merchant_staff', () => {
  it('matches district_id in “my shops”', () => {
    const { db } = capturePg();
    const { sql } = merchantsFiltered(db, { userId: 'u1', reaches: [], mine: true }).compile();
    expect(sql).toMatch(/"s"\."district_id" = "m"\."district_id"/);
    expect(mismatches(sql)).toEqual([]);
  });

  it('matches district_id in the redemptions of shops a person staffs', async () => {
    const { db, statements } = capturePg();
    await listRedemptionsSince(db, 'u1', '2026-11-25T00:00:00.000Z');
    const sql = statements[0] ?? '';
    expect(sql).toMatch(/"s"\."district_id" = "o"\."district_id"/);
    expect(mismatches(sql)).toEqual([]);
  });
});
