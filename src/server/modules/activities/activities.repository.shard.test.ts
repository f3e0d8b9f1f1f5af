import { describe, expect, it } from 'vitest';
import { checkStatement } from '../../db/shardCheck.js';
import { capturePg } from '../../db/sqlCapture.testing.js';
import { upsertAttendance } from './activities.repository.js';

// Citus refuses an UPDATE that names the distribution column (docs/SCALING.md).
describe('upsertAttendance on an existing row', () => {
  it('updates without district_id (or the rest of the key) in SET', async () => {
    const row = {
      district_id: 'd1',
      activity_id: 'a1',
      user_id: 'u1',
      check_in_at: '2026-11-25T02:00:00.000Z',
      check_out_at: null,
      method: 'code',
      marked_by: null,
      updated_at: '2026-11-25T02:00:00.000Z',
    };
    const { db, statements } = capturePg([row]);
    await upsertAttendance(db, { ...row, check_out_at: '2026-11-25T04:00:00.000Z' });
    const update = statements.find((s) => s.startsWith('update'));
    expect(update).toBeDefined();
    const set = (update ?? '').split(' where ')[0] ?? '';
    expect(set).toContain('"check_out_at" = $');
    expect(set).not.toContain('"district_id"');
    expect(checkStatement(update ?? '', ['attendance'])).toEqual([]);
  });
});
