// Attendance facts the needs module's matching asks through index.ts (the activities module keeps its SQL).
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';

/** Per person: confirmed places in volunteer activities that have ended, and how many were kept (not no-shows). */
export async function attendanceStatsOf(
  db: Executor,
  districtId: string,
  userIds: readonly string[],
  now: string,
): Promise<Map<string, { expected: number; kept: number }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('signups as s')
    .innerJoin('activities as a', (j) =>
      j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'),
    )
    .select([
      's.user_id',
      sql<number>`count(*)`.as('expected'),
      sql<number>`sum(case when s.status = 'confirmed' then 1 else 0 end)`.as('kept'),
    ])
    .where('s.district_id', '=', districtId)
    .where('s.user_id', 'in', [...new Set(userIds)])
    .where('s.status', 'in', ['confirmed', 'no_show'])
    .where('a.audience', '=', 'volunteer')
    .where('a.ends_at', '<', now)
    .groupBy('s.user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, { expected: Number(r.expected), kept: Number(r.kept) }]));
}
