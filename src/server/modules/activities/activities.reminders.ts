// For reminders (the notifications module asks through index.ts): who is confirmed for an activity that starts soon.
import type { Executor } from '../../db/transaction.js';

export interface UpcomingSignup {
  districtId: string;
  activityId: string;
  title: string;
  startsAt: string;
  address: string;
  userId: string;
}

/** Confirmed sign-ups of published, not cancelled activities starting in (from, to], across districts. */
export async function listSignupsStartingBetween(db: Executor, from: string, to: string): Promise<UpcomingSignup[]> {
  const rows = await db
    .selectFrom('activities as a')
    .innerJoin('signups as s', (j) =>
      j.onRef('s.district_id', '=', 'a.district_id').onRef('s.activity_id', '=', 'a.id'),
    )
    .select(['a.district_id', 'a.id', 'a.title', 'a.starts_at', 'a.address', 's.user_id'])
    .where('a.starts_at', '>', from)
    .where('a.starts_at', '<=', to)
    .where('a.status', '=', 'published')
    .where('s.status', '=', 'confirmed')
    .orderBy('a.starts_at')
    .limit(5000)
    .execute();
  return rows.map((r) => ({
    districtId: r.district_id,
    activityId: r.id,
    title: r.title,
    startsAt: r.starts_at,
    address: r.address,
    userId: r.user_id,
  }));
}
