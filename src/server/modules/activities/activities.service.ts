// Activities: create (one-off or weekly), publish, cancel, browse, detail and roster.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { must, onlyRow } from '../../platform/must.js';
import { countRows, type CountedPage, decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { type Actor, can, reachesOf } from '../../platform/permissions.js';
import { maskPhone } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import { getVolunteering } from '../settings/index.js';
import { findTeam } from '../volunteers/index.js';
import { notifyEventsCommitted } from '../../platform/events.js';
import { activityCancelled } from './activities.events.js';
import * as repo from './activities.repository.js';
import {
  type ActivityState,
  type Audience,
  nextActivityState,
  RESIDENT_EVENT_CATEGORIES,
  type SignupState,
} from './activities.rules.js';

export type ActivityPhase = 'draft' | 'open' | 'closed' | 'ongoing' | 'finished' | 'cancelled';

export interface Activity {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  teamId: string | null;
  teamName: string | null;
  seriesId: string | null;
  title: string;
  category: string;
  description: string;
  address: string;
  gridId: string | null;
  gridName: string | null;
  lat: number | null;
  lng: number | null;
  geofenceMeters: number | null;
  startsAt: string;
  endsAt: string;
  slots: number;
  confirmedCount: number;
  waitlistCount: number;
  signupDeadline: string;
  cancelDeadline: string;
  requiredSkills: string[];
  beneficiaries: string | null;
  needId: string | null;
  pointsPerHour: number | null;
  /** volunteer: approved volunteers, earns service hours; resident: any resident of the community, attendance only. */
  audience: Audience;
  status: ActivityState;
  phase: ActivityPhase;
  cancelReason: string | null;
  /** When the leader closed attendance (open check-ins were checked out at the end). */
  closedAt: string | null;
  canManage: boolean;
  mySignup: { id: string; status: SignupState; position: number | null } | null;
}

/** Where an activity stands now, from its stored state and the clock. */
export function phaseOf(
  a: { status: string; signup_deadline: string; starts_at: string; ends_at: string },
  now: string,
): ActivityPhase {
  if (a.status === 'draft') return 'draft';
  if (a.status === 'cancelled') return 'cancelled';
  if (now >= a.ends_at) return 'finished';
  if (now >= a.starts_at) return 'ongoing';
  return now < a.signup_deadline ? 'open' : 'closed';
}

/** True when the actor leads the activity's team or runs its community. */
export function canManageActivity(actor: Actor, a: repo.ActivityRow): boolean {
  return (
    (a.leader_user_id !== null && a.leader_user_id === actor.userId) ||
    can(actor, 'activity.manage', { districtId: a.district_id, path: a.community_path })
  );
}

async function present(deps: Deps, db: Executor, actor: Actor, rows: repo.ActivityRow[]): Promise<Activity[]> {
  const now = iso(deps.clock.now());
  const out: Activity[] = [];
  const allCounts = await repo.signupCounts(db, rows);
  const mineByActivity = await repo.activeSignupsOf(db, actor.userId, rows);
  for (const r of rows) {
    const counts = allCounts.get(r.id)!;
    const mine = mineByActivity.get(r.id);
    // Only a waitlisted viewer costs one more query: their place in the queue.
    let position: number | null = null;
    if (mine?.status === 'waitlisted') {
      const ahead = await db
        .selectFrom('signups')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_id', '=', r.district_id)
        .where('activity_id', '=', r.id)
        .where('status', '=', 'waitlisted')
        .where('seq', '<', mine.seq)
        .executeTakeFirstOrThrow();
      position = Number(ahead.n) + 1;
    }
    out.push({
      id: r.id,
      districtId: r.district_id,
      communityId: r.community_id,
      communityName: r.community_name,
      teamId: r.team_id,
      teamName: r.team_name,
      seriesId: r.series_id,
      title: r.title,
      category: r.category,
      description: r.description,
      address: r.address,
      gridId: r.grid_id,
      gridName: r.grid_name,
      lat: r.lat,
      lng: r.lng,
      geofenceMeters: r.geofence_m,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      slots: r.slots,
      confirmedCount: counts.confirmed,
      waitlistCount: counts.waitlisted,
      signupDeadline: r.signup_deadline,
      cancelDeadline: r.cancel_deadline,
      requiredSkills: JSON.parse(r.required_skills) as string[],
      beneficiaries: r.beneficiaries,
      needId: r.need_id,
      pointsPerHour: r.points_per_hour,
      audience: r.audience as Audience,
      status: r.status as ActivityState,
      phase: phaseOf(r, now),
      cancelReason: r.cancel_reason,
      closedAt: r.closed_at,
      canManage: canManageActivity(actor, r),
      mySignup: mine ? { id: mine.id, status: mine.status as SignupState, position } : null,
    });
  }
  return out;
}

/** Loads an activity the actor may see: published ones for everyone, others for its managers. */
export async function loadVisible(deps: Deps, db: Executor, actor: Actor, id: string): Promise<repo.ActivityRow> {
  const a = await repo.findActivityById(db, id);
  if (!a || (a.status !== 'published' && !canManageActivity(actor, a))) throw notFound('activity');
  return a;
}

/** Loads an activity the actor manages. */
export async function loadManaged(db: Executor, actor: Actor, id: string): Promise<repo.ActivityRow> {
  const a = await repo.findActivityById(db, id);
  if (!a || !canManageActivity(actor, a)) throw notFound('activity');
  return a;
}

export interface ActivityInput {
  communityId: string;
  teamId?: string | null;
  title: string;
  category: string;
  description: string;
  address: string;
  gridId?: string | null;
  lat?: number | null;
  lng?: number | null;
  geofenceMeters?: number | null;
  startsAt: string;
  endsAt: string;
  slots: number;
  signupDeadline?: string | null;
  requiredSkills?: string[];
  beneficiaries?: string | null;
  needId?: string | null;
  pointsPerHour?: number | null;
  /** Defaults to volunteer service. Resident events take no skills and no points rate. */
  audience?: Audience;
  /** Weekly recurrence: this many occurrences in all (1 = one-off). */
  repeatWeeks?: number;
  publish?: boolean;
}

const WEEK = 7 * 24 * 3600_000;

/** Creates an activity (or a weekly series of occurrences) as a draft, or published at once. */
export async function createActivity(deps: Deps, actor: Actor, input: ActivityInput): Promise<Activity[]> {
  const created = await inTransaction(deps.db, async ({ trx }) => {
    const community = await findNode(trx, input.communityId);
    if (!community || community.kind !== 'community' || community.archived_at) throw notFound('org_node');
    let leaderOk = false;
    if (input.teamId) {
      const team = await findTeam(trx, input.teamId);
      if (!team || team.community_id !== community.id || team.archived_at) throw notFound('team');
      leaderOk = team.leader_user_id === actor.userId;
    }
    if (!leaderOk && !can(actor, 'activity.manage', { districtId: community.district_id, path: community.path })) {
      throw notFound('org_node');
    }
    if (input.gridId) {
      const grid = await findNode(trx, input.gridId);
      if (!grid || grid.kind !== 'grid' || !grid.path.startsWith(community.path)) throw notFound('org_node');
    }
    const settings = await getVolunteering(trx, community.district_id);
    const audience = input.audience ?? 'volunteer';
    const categories: readonly string[] =
      audience === 'resident' ? RESIDENT_EVENT_CATEGORIES : settings.activityCategories;
    if (!categories.includes(input.category)) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { field: 'category', message: `类别须为：${categories.join('、')}` },
      ]);
    }
    if (audience === 'resident' && ((input.requiredSkills ?? []).length > 0 || input.pointsPerHour != null)) {
      throw new AppError('VALIDATION_FAILED', {}, [{ field: 'audience', message: '居民活动不设技能要求和时长积分' }]);
    }
    const unknown = (input.requiredSkills ?? []).filter((s) => !settings.skills.includes(s));
    if (unknown.length)
      throw new AppError('VALIDATION_FAILED', {}, [
        { field: 'requiredSkills', message: `未知技能：${unknown.join('、')}` },
      ]);
    const start = new Date(input.startsAt);
    const end = new Date(input.endsAt);
    const deadline = input.signupDeadline ? new Date(input.signupDeadline) : start;
    if (end <= start) throw new AppError('ACTIVITY_BAD_TIME', { problem: 'end_before_start' });
    if (end.getTime() - start.getTime() > 24 * 3600_000)
      throw new AppError('ACTIVITY_BAD_TIME', { problem: 'too_long' });
    if (deadline > start) throw new AppError('ACTIVITY_BAD_TIME', { problem: 'deadline_after_start' });
    if (start <= deps.clock.now()) throw new AppError('ACTIVITY_BAD_TIME', { problem: 'in_past' });
    const weeks = input.repeatWeeks ?? 1;
    const seriesId = weeks > 1 ? newId() : null;
    const now = iso(deps.clock.now());
    const ids: string[] = [];
    for (let w = 0; w < weeks; w++) {
      const shift = w * WEEK;
      const s = new Date(start.getTime() + shift);
      const id = newId();
      ids.push(id);
      await repo.insertActivity(trx, {
        district_id: community.district_id,
        id,
        community_id: community.id,
        team_id: input.teamId ?? null,
        series_id: seriesId,
        title: input.title,
        category: input.category,
        description: input.description,
        address: input.address,
        grid_id: input.gridId ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        geofence_m: input.geofenceMeters ?? null,
        starts_at: iso(s),
        ends_at: iso(new Date(end.getTime() + shift)),
        slots: input.slots,
        confirmed_count: 0,
        signup_seq: 0,
        signup_deadline: iso(new Date(deadline.getTime() + shift)),
        cancel_deadline: iso(new Date(s.getTime() - settings.cancelDeadlineHours * 3600_000)),
        required_skills: JSON.stringify(input.requiredSkills ?? []),
        beneficiaries: input.beneficiaries ?? null,
        need_id: input.needId ?? null,
        points_per_hour: input.pointsPerHour ?? null,
        status: input.publish ? 'published' : 'draft',
        cancel_reason: null,
        attendance_secret: randomToken(24),
        audience,
        closed_at: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: community.district_id,
      action: 'activity.create',
      targetType: 'activity',
      targetId: must(ids[0], 'first occurrence id'),
      scopeNodeId: community.id,
      scopePath: community.path,
      details: { title: input.title, occurrences: weeks, seriesId, published: !!input.publish, audience },
    });
    return ids;
  });
  const rows = await Promise.all(created.map((id) => repo.findActivityById(deps.db, id)));
  return present(
    deps,
    deps.db,
    actor,
    rows.filter((r): r is repo.ActivityRow => !!r),
  );
}

/** Publishes a draft so residents can see it and sign up. */
export async function publishActivity(deps: Deps, actor: Actor, id: string): Promise<Activity> {
  await inTransaction(deps.db, async ({ trx }) => {
    const a = await loadManaged(trx, actor, id);
    const next = nextActivityState(a.status as ActivityState, 'publish');
    if (!next) throw new AppError('ACTIVITY_STATE', { status: a.status, action: 'publish' });
    if (a.starts_at <= iso(deps.clock.now())) throw new AppError('ACTIVITY_BAD_TIME', { problem: 'in_past' });
    await repo.updateActivity(trx, a.district_id, id, { status: next, updated_at: iso(deps.clock.now()) });
    await recordAudit(trx, deps.clock, actor, {
      districtId: a.district_id,
      action: 'activity.publish',
      targetType: 'activity',
      targetId: id,
      scopeNodeId: a.community_id,
      scopePath: a.community_path,
      details: { title: a.title },
    });
  });
  return getActivity(deps, actor, id);
}

/** Cancels an activity with a reason; every sign-up is cancelled with it. */
export async function cancelActivity(deps: Deps, actor: Actor, id: string, reason: string): Promise<Activity> {
  await inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const a = await loadManaged(trx, actor, id);
    const next = nextActivityState(a.status as ActivityState, 'cancel');
    if (!next) throw new AppError('ACTIVITY_STATE', { status: a.status, action: 'cancel' });
    if (a.ends_at <= iso(deps.clock.now()))
      throw new AppError('ACTIVITY_STATE', { status: 'finished', action: 'cancel' });
    const now = iso(deps.clock.now());
    await repo.updateActivity(trx, a.district_id, id, {
      status: next,
      cancel_reason: reason,
      confirmed_count: 0,
      updated_at: now,
    });
    const signedUp = await trx
      .updateTable('signups')
      .set({ status: 'cancelled', updated_at: now })
      .where('district_id', '=', a.district_id)
      .where('activity_id', '=', id)
      .where('status', 'in', ['confirmed', 'waitlisted'])
      .returning('user_id')
      .execute();
    await activityCancelled.emit(trx, deps.clock, {
      districtId: a.district_id,
      refId: id,
      payload: {
        activityId: id,
        title: a.title,
        startsAt: a.starts_at,
        reason,
        userIds: signedUp.map((s) => s.user_id),
      },
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: a.district_id,
      action: 'activity.cancel',
      targetType: 'activity',
      targetId: id,
      scopeNodeId: a.community_id,
      scopePath: a.community_path,
      details: { title: a.title, reason },
    });
  });
  return getActivity(deps, actor, id);
}

/** One activity with counts and the viewer's own sign-up. */
export async function getActivity(deps: Deps, actor: Actor, id: string): Promise<Activity> {
  const a = await loadVisible(deps, deps.db, actor, id);
  return onlyRow(await present(deps, deps.db, actor, [a]), 'presented activity');
}

export interface ActivityQuery {
  districtId?: string;
  communityId?: string;
  gridId?: string;
  teamId?: string;
  category?: string;
  from?: string;
  to?: string;
  status?: ActivityState;
  q?: string;
  cursor?: string;
  limit?: number;
}

/** The sort key inside an activity-list cursor (`startsAt|id`); a cursor of another shape is bad input. */
function activityCursorKey(cursor: string): { startsAt: string; id: string } {
  const [startsAt, id, ...rest] = cursor.split('|');
  if (startsAt === undefined || id === undefined || rest.length > 0) {
    throw new AppError('VALIDATION_FAILED', { summary: 'cursor' }, [{ field: 'cursor', message: 'v.cursor' }]);
  }
  return { startsAt, id };
}

/** Activities by start time: published ones for everyone, drafts too for the people who run them. */
export async function listActivities(deps: Deps, actor: Actor, q: ActivityQuery): Promise<CountedPage<Activity>> {
  const limit = q.limit ?? 20;
  let communityPath: string | undefined;
  if (q.communityId) {
    const c = await findNode(deps.db, q.communityId);
    if (!c) throw notFound('org_node');
    communityPath = c.path;
  }
  const cursor = decodeCursor(q.cursor);
  const afterKey = cursor ? activityCursorKey(cursor) : null;
  const filter = {
    publicDistricts: q.districtId ? [q.districtId] : ('all' as const),
    staffReaches: reachesOf(actor, 'activity.manage'),
    leaderOf: actor.userId,
    from: q.from,
    to: q.to,
    category: q.category,
    communityPath,
    gridId: q.gridId,
    teamId: q.teamId,
    status: q.status,
    q: q.q,
  };
  const rows = await repo.listActivities(deps.db, { ...filter, afterKey, limit: limit + 1 });
  const total = await countRows(repo.activitiesFiltered(deps.db, filter));
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: await present(deps, deps.db, actor, kept),
    nextCursor: more && last ? encodeCursor(`${last.starts_at}|${last.id}`) : null,
    total,
  };
}

export interface RosterEntry {
  signupId: string;
  userId: string;
  displayName: string;
  volunteerNo: string | null;
  phoneMasked: string;
  status: SignupState;
  seq: number;
  checkInAt: string | null;
  checkOutAt: string | null;
  method: string | null;
}

/** The sign-up and attendance sheet of an activity, for its managers. */
export async function listRoster(deps: Deps, actor: Actor, id: string): Promise<RosterEntry[]> {
  const a = await loadManaged(deps.db, actor, id);
  const rows = await repo.listRoster(deps.db, a.district_id, id);
  return rows.map((r) => ({
    signupId: r.id,
    userId: r.user_id,
    displayName: r.display_name,
    volunteerNo: r.volunteer_no,
    phoneMasked: maskPhone(deps.cipher.decrypt(r.phone_enc)),
    status: r.status as SignupState,
    seq: r.seq,
    checkInAt: r.check_in_at,
    checkOutAt: r.check_out_at,
    method: r.method,
  }));
}
