// Sign-up: places never oversell, a waitlist promotes in arrival order, cancellation until the deadline,
// overlapping sign-ups refused, and sign-up paused after repeated no-shows.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { decodeCursor, encodeCursor, type Page } from '../../platform/pagination.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Tx } from '../../db/transaction.js';
import { homeNodeOf } from '../accounts/index.js';
import { getVolunteering } from '../settings/index.js';
import { findApprovedVolunteer } from '../volunteers/index.js';
import { notifyEventsCommitted } from '../../platform/events.js';
import { signupPromoted } from './activities.events.js';
import * as repo from './activities.repository.js';
import type { Audience, SignupState } from './activities.rules.js';
import { type ActivityPhase, canManageActivity, phaseOf } from './activities.service.js';

export interface SignupResult {
  id: string;
  activityId: string;
  status: SignupState;
  /** Place in the waitlist (1 = next), null when confirmed. */
  position: number | null;
}

/** Signs the actor (or, by proxy, a person staff act for) up for a published activity. */
export async function signUpActivity(
  deps: Deps,
  actor: Actor,
  activityId: string,
  opts: { forUserId?: string } = {},
): Promise<SignupResult> {
  return inTransaction(deps.db, async ({ trx }) => {
    const a = await repo.findActivityById(trx, activityId);
    if (!a || a.status !== 'published') throw notFound('activity');
    // Proxy sign-up (代办) for an elder without a smartphone: only the activity's managers.
    const userId = opts.forUserId ?? actor.userId;
    if (opts.forUserId && !canManageActivity(actor, a)) throw notFound('activity');
    // Checks about the person alone run before the activity row is locked, to keep the lock short.
    const now = deps.clock.now();
    if (iso(now) >= a.signup_deadline) throw new AppError('SIGNUP_CLOSED');
    if (a.audience === 'resident') {
      // A resident event is open to anyone living in the activity's community (its grids and buildings included).
      const home = await homeNodeOf(trx, userId);
      if (!home || home.district_id !== a.district_id || !home.path.startsWith(a.community_path)) {
        throw new AppError('NOT_A_RESIDENT', { community: a.community_name });
      }
    } else {
      const volunteer = await findApprovedVolunteer(trx, a.district_id, userId);
      if (!volunteer) throw new AppError('NOT_A_VOLUNTEER');
      const required = JSON.parse(a.required_skills) as string[];
      const has = JSON.parse(volunteer.skills) as string[];
      const missing = required.filter((s) => !has.includes(s));
      if (missing.length) throw new AppError('SIGNUP_SKILL_MISSING', { skills: missing });
    }
    const settings = await getVolunteering(trx, a.district_id);
    const since = iso(new Date(now.getTime() - settings.noShowWindowDays * 86_400_000));
    const noShows = await repo.countNoShowsSince(trx, a.district_id, userId, since);
    if (noShows >= settings.noShowLimit) {
      throw new AppError('SIGNUP_PAUSED', { days: settings.noShowWindowDays, count: noShows });
    }
    const clash = await repo.overlappingSignup(trx, userId, a.starts_at, a.ends_at, a.id);
    if (clash) throw new AppError('SIGNUP_OVERLAP', { title: clash.title });
    // Taking the arrival number locks the activity row (PostgreSQL), so from here sign-ups of this activity run
    // one at a time: the duplicate check, the place and the waitlist order cannot race.
    const seq = await repo.takeSignupSeq(trx, a.district_id, a.id);
    if (await repo.findActiveSignup(trx, a.district_id, a.id, userId)) throw new AppError('SIGNUP_DUPLICATE');
    const confirmed = await repo.claimPlace(trx, a.district_id, a.id);
    const id = newId();
    await repo.insertSignup(trx, {
      district_id: a.district_id,
      id,
      activity_id: a.id,
      user_id: userId,
      status: confirmed ? 'confirmed' : 'waitlisted',
      seq,
      proxy_user_id: opts.forUserId ? actor.userId : null,
      created_at: iso(now),
      updated_at: iso(now),
    });
    if (opts.forUserId) {
      await recordAudit(trx, deps.clock, actor, {
        districtId: a.district_id,
        action: 'signup.proxy',
        targetType: 'activity',
        targetId: a.id,
        scopeNodeId: a.community_id,
        scopePath: a.community_path,
        onBehalfOfId: userId,
        details: { title: a.title },
      });
    }
    return {
      id,
      activityId: a.id,
      status: confirmed ? 'confirmed' : 'waitlisted',
      position: confirmed ? null : await waitPosition(trx, a.district_id, a.id, seq),
    };
  });
}

async function waitPosition(trx: Tx, districtId: string, activityId: string, seq: number): Promise<number> {
  const ahead = await trx
    .selectFrom('signups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waitlisted')
    .where('seq', '<', seq)
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

/** Moves the first waitlisted person into a freed place; returns who was promoted. */
export async function promoteFromWaitlist(
  deps: Deps,
  trx: Tx,
  districtId: string,
  activityId: string,
): Promise<string | null> {
  const next = await repo.firstWaitlisted(trx, districtId, activityId);
  if (!next) return null;
  if (!(await repo.claimPlace(trx, districtId, activityId))) return null;
  await repo.setSignupStatus(trx, districtId, next.id, 'confirmed', iso(deps.clock.now()));
  const a = await repo.findActivityById(trx, activityId);
  if (a)
    await signupPromoted.emit(trx, deps.clock, {
      districtId,
      refId: next.id,
      payload: { activityId, title: a.title, startsAt: a.starts_at, userId: next.user_id },
    });
  return next.user_id;
}

/** Cancels one's sign-up before the cancellation deadline; the freed place goes to the waitlist. */
export async function cancelSignUp(
  deps: Deps,
  actor: Actor,
  activityId: string,
): Promise<{ promotedUserId: string | null }> {
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const a = await repo.findActivityById(trx, activityId);
    if (!a) throw notFound('activity');
    await repo.takeSignupSeq(trx, a.district_id, a.id); // lock the activity row like sign-up does
    const s = await repo.findActiveSignup(trx, a.district_id, a.id, actor.userId);
    if (!s || (s.status !== 'confirmed' && s.status !== 'waitlisted')) throw notFound('signup');
    const now = iso(deps.clock.now());
    if (s.status === 'confirmed' && now >= a.cancel_deadline) {
      const settings = await getVolunteering(trx, a.district_id);
      throw new AppError('CANCEL_TOO_LATE', { hours: settings.cancelDeadlineHours });
    }
    await repo.setSignupStatus(trx, a.district_id, s.id, 'cancelled', now);
    let promotedUserId: string | null = null;
    if (s.status === 'confirmed') {
      await repo.releasePlace(trx, a.district_id, a.id);
      promotedUserId = await promoteFromWaitlist(deps, trx, a.district_id, a.id);
    }
    return { promotedUserId };
  });
}

export interface MySignup {
  id: string;
  activityId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  address: string;
  status: SignupState;
  activityStatus: string;
  /** Where the activity stands now (finished ones show 已结束). */
  activityPhase: ActivityPhase;
  audience: Audience;
  cancelDeadline: string;
  checkInAt: string | null;
  checkOutAt: string | null;
}

/** The actor's sign-ups, latest activity first. */
export async function listMySignUps(
  deps: Deps,
  actor: Actor,
  q: { cursor?: string; limit?: number },
): Promise<Page<MySignup>> {
  const limit = q.limit ?? 20;
  const rows = await repo.listSignupsOfUser(deps.db, actor.userId, limit + 1, decodeCursor(q.cursor));
  const now = iso(deps.clock.now());
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map((r) => ({
      id: r.id,
      activityId: r.activity_id,
      title: r.title,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      address: r.address,
      status: r.status as SignupState,
      activityStatus: r.activity_status,
      activityPhase: phaseOf(
        { status: r.activity_status, signup_deadline: r.signup_deadline, starts_at: r.starts_at, ends_at: r.ends_at },
        now,
      ),
      audience: r.audience as Audience,
      cancelDeadline: r.cancel_deadline,
      checkInAt: r.check_in_at,
      checkOutAt: r.check_out_at,
    })),
    nextCursor: more && last ? encodeCursor(`${last.starts_at}${last.id}`) : null,
  };
}
