// What activities holds about one person (their copy, PIPL access): sign-ups (also those made for them by proxy) and
// attendance; and the sign-ups a closed account still holds for activities that have not started.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor, Tx } from '../../db/transaction.js';
import * as repo from './activities.repository.js';
import { promoteFromWaitlist } from './signups.service.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const signups = await db
    .selectFrom('signups as s')
    .innerJoin('activities as a', (j) =>
      j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'),
    )
    .select([
      's.district_id',
      's.id',
      's.activity_id',
      'a.title as activity_title',
      'a.starts_at',
      's.status',
      's.proxy_user_id',
      's.created_at',
      's.updated_at',
    ])
    .where('s.user_id', '=', userId)
    .orderBy('s.id')
    .execute();
  const attendance = await db
    .selectFrom('attendance')
    .select(['district_id', 'activity_id', 'check_in_at', 'check_out_at', 'method', 'updated_at'])
    .where('user_id', '=', userId)
    .orderBy('activity_id')
    .execute();
  return [
    { key: 'activities.signups', title: '活动报名', rows: signups.map((r) => personalRow(deps.cipher, r)) },
    { key: 'activities.attendance', title: '签到签退', rows: attendance.map((r) => personalRow(deps.cipher, r)) },
  ];
}

/**
 * Closing an account: every live sign-up (confirmed or waitlisted) for an activity that has not started is cancelled
 * the way cancelSignUp does it — the activity row locked first, a freed place going to the first waitlisted person —
 * but without the cancellation deadline: the person is leaving. Returns how many were cancelled.
 */
export async function cancelFutureSignUpsOf(deps: Deps, trx: Tx, userId: string): Promise<number> {
  const now = iso(deps.clock.now());
  const live = await trx
    .selectFrom('signups as s')
    .innerJoin('activities as a', (j) =>
      j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'),
    )
    .select(['s.district_id', 's.id', 's.activity_id'])
    .where('s.user_id', '=', userId)
    .where('s.status', 'in', ['confirmed', 'waitlisted'])
    .where('a.starts_at', '>', now)
    .orderBy('s.id')
    .execute();
  let cancelled = 0;
  for (const l of live) {
    await repo.takeSignupSeq(trx, l.district_id, l.activity_id); // lock the activity row like sign-up does
    const s = await repo.findActiveSignup(trx, l.district_id, l.activity_id, userId);
    if (!s || (s.status !== 'confirmed' && s.status !== 'waitlisted')) continue;
    await repo.setSignupStatus(trx, l.district_id, s.id, 'cancelled', now);
    if (s.status === 'confirmed') {
      await repo.releasePlace(trx, l.district_id, l.activity_id);
      await promoteFromWaitlist(deps, trx, l.district_id, l.activity_id);
    }
    cancelled += 1;
  }
  return cancelled;
}
