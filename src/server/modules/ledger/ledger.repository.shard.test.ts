import { describe, expect, it } from 'vitest';
import { checkStatement } from '../../db/shardCheck.js';
import { capturePg } from '../../db/sqlCapture.testing.js';
import { applyToBalances } from './ledger.repository.js';

describe('applyToBalances', () => {
  it('uses the searched CASE (`case when id = …`), which Citus passes to the workers intact, and pins district_id', async () => {
    const { db, statements } = capturePg();
    await applyToBalances(db, 'd1', [
      { accountId: 'a1', amount: 5 },
      { accountId: 'a2', amount: -5 },
    ]);
    const update = statements.find((s) => s.startsWith('update')) ?? '';
    expect(update).toMatch(/\(case when id = \$\d+ then \$\d+ when id = \$\d+ then \$\d+ else 0 end\)/);
    expect(update).not.toMatch(/case id when/);
    expect(checkStatement(update, ['point_accounts'])).toEqual([]);
  });
});
