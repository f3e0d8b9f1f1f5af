// Service facts the needs module's matching asks through index.ts (the records module keeps its SQL): how often
// people served lately (fairness) and how the help they gave was rated (reliability), for a few hundred people.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';

export interface ServiceStats {
  /** Live service records (pending, confirmed or accepted) dated on or after `sinceDate`. */
  recentServices: number;
  /** Average service rating of the activities the person served in (accepted records), and how many ratings. */
  ratingSum: number;
  ratingCount: number;
}

/** Recent services and ratings per person in a district (people without any are left out). */
export async function serviceStatsOf(
  db: Executor,
  districtId: string,
  userIds: readonly string[],
  sinceDate: string,
): Promise<Map<string, ServiceStats>> {
  const out = new Map<string, ServiceStats>();
  if (userIds.length === 0) return out;
  const ids = [...new Set(userIds)];
  const stat = (id: string) => {
    let s = out.get(id);
    if (!s) {
      s = { recentServices: 0, ratingSum: 0, ratingCount: 0 };
      out.set(id, s);
    }
    return s;
  };
  const recent = await db
    .selectFrom('service_records')
    .select(['user_id', sql<number>`count(*)`.as('n')])
    .where('district_id', '=', districtId)
    .where('user_id', 'in', ids)
    .where('status', 'in', ['pending', 'confirmed', 'accepted'])
    .where('service_date', '>=', sinceDate)
    .groupBy('user_id')
    .execute();
  for (const r of recent) stat(r.user_id).recentServices = Number(r.n);
  const ratings = await db
    .selectFrom('ratings as r')
    .innerJoin('service_records as s', (j) =>
      j.onRef('s.district_id', '=', 'r.district_id').onRef('s.activity_id', '=', 'r.activity_id'),
    )
    .select(['s.user_id', sql<number>`sum(r.score)`.as('total'), sql<number>`count(*)`.as('n')])
    .where('r.district_id', '=', districtId)
    .where('r.target', '=', 'service')
    .where('s.user_id', 'in', ids)
    .where('s.status', '=', 'accepted')
    .groupBy('s.user_id')
    .execute();
  for (const r of ratings) {
    const s = stat(r.user_id);
    s.ratingSum = Number(r.total);
    s.ratingCount = Number(r.n);
  }
  return out;
}
