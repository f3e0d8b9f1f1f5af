// Queries of matching: the district's weights, and the needs module's own facts about volunteers (tasks taken lately,
// ratings of the needs they helped with). Executor first; no rules.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';

/** The stored weights JSON of a district, or undefined (defaults apply). */
export async function findWeights(db: Executor, districtId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('need_match_settings')
    .select('weights')
    .where('district_id', '=', districtId)
    .executeTakeFirst();
  return row?.weights;
}

/** Stores a district's weights (insert or replace). */
export async function saveWeights(
  db: Executor,
  districtId: string,
  weights: string,
  now: string,
  by: string,
): Promise<void> {
  const res = await db
    .updateTable('need_match_settings')
    .set({ weights, updated_at: now, updated_by: by })
    .where('district_id', '=', districtId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    await db
      .insertInto('need_match_settings')
      .values({ district_id: districtId, weights, updated_at: now, updated_by: by })
      .execute();
  }
}

/** Need tasks people took since an instant that have no service record yet (records are counted by records). */
export async function recentTasksOf(
  db: Executor,
  districtId: string,
  userIds: readonly string[],
  since: string,
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('need_invitations')
    .select(['user_id', sql<number>`count(*)`.as('n')])
    .where('district_id', '=', districtId)
    .where('user_id', 'in', [...new Set(userIds)])
    .where('status', '=', 'accepted')
    .where('record_id', 'is', null)
    .where('answered_at', '>=', since)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

/** Ratings requesters gave the needs people helped with: sum and count per person. */
export async function needRatingsOf(
  db: Executor,
  districtId: string,
  userIds: readonly string[],
): Promise<Map<string, { sum: number; n: number }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('need_invitations as i')
    .innerJoin('needs as n', (j) => j.onRef('n.district_id', '=', 'i.district_id').onRef('n.id', '=', 'i.need_id'))
    .select(['i.user_id', sql<number>`sum(n.rating)`.as('total'), sql<number>`count(*)`.as('n')])
    .where('i.district_id', '=', districtId)
    .where('i.user_id', 'in', [...new Set(userIds)])
    .where('i.status', '=', 'accepted')
    .where('n.rating', 'is not', null)
    .groupBy('i.user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, { sum: Number(r.total), n: Number(r.n) }]));
}

/** The invitations of a need by user (status and id), to mark who was already invited. */
export async function invitationsByUser(
  db: Executor,
  districtId: string,
  needId: string,
): Promise<Map<string, { id: string; status: string }>> {
  const rows = await db
    .selectFrom('need_invitations')
    .select(['id', 'user_id', 'status'])
    .where('district_id', '=', districtId)
    .where('need_id', '=', needId)
    .execute();
  return new Map(rows.map((r) => [r.user_id, { id: r.id, status: r.status }]));
}
