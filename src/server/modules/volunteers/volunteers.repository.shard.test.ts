import { describe, expect, it } from 'vitest';
import { checkStatement } from '../../db/shardCheck.js';
import { capturePg } from '../../db/sqlCapture.testing.js';
import { upsertMember } from './volunteers.repository.js';

// Citus refuses an UPDATE that names the distribution column (docs/SCALING.md).
describe('upsertMember on an existing member', () => {
  it('updates without district_id (or the rest of the key) in SET', async () => {
    const row = {
      district_id: 'd1',
      team_id: 't1',
      user_id: 'u1',
      status: 'active',
      requested_at: '2026-11-25T02:00:00.000Z',
      decided_at: null,
      decided_by: null,
      reason: null,
    };
    const { db, statements } = capturePg([row]);
    await upsertMember(db, { ...row, status: 'left' });
    const update = statements.find((s) => s.startsWith('update'));
    expect(update).toBeDefined();
    const set = (update ?? '').split(' where ')[0] ?? '';
    expect(set).toContain('"status" = $');
    expect(set).not.toContain('"district_id"');
    expect(checkStatement(update ?? '', ['team_members'])).toEqual([]);
  });
});
