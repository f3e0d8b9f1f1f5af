// Queries of activities, sign-ups and attendance.
import { type Expression, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { userNameOf, userPhoneEncOf } from '../accounts/index.js';
import { nodeFieldOf, nodesUnder, nodesWithin } from '../org/index.js';
import { teamFieldOf, teamsLedBy, volunteerNoOf } from '../volunteers/index.js';
import type { ActivityTable, AttendanceTable, SignupTable } from './activities.tables.js';

export type ActivityRow = Selectable<ActivityTable> & {
  community_name: string;
  community_path: string;
  team_name: string | null;
  leader_user_id: string | null;
  grid_name: string | null;
};
export type SignupRow = Selectable<SignupTable>;
export type AttendanceRow = Selectable<AttendanceTable>;

function activities(db: Executor) {
  return db
    .selectFrom('activities as a')
    .selectAll('a')
    .select((eb) => [
      nodeFieldOf(db, 'name', eb.ref('a.district_id'), eb.ref('a.community_id')).$notNull().as('community_name'),
      nodeFieldOf(db, 'path', eb.ref('a.district_id'), eb.ref('a.community_id')).$notNull().as('community_path'),
      teamFieldOf(db, 'name', eb.ref('a.district_id'), eb.ref('a.team_id')).as('team_name'),
      teamFieldOf(db, 'leader_user_id', eb.ref('a.district_id'), eb.ref('a.team_id')).as('leader_user_id'),
      nodeFieldOf(db, 'name', eb.ref('a.district_id'), eb.ref('a.grid_id')).as('grid_name'),
    ]);
}

export function findActivityById(db: Executor, id: string): Promise<ActivityRow | undefined> {
  return activities(db).where('a.id', '=', id).executeTakeFirst();
}

export interface ActivityFilter {
  /** Published activities of these districts, visible to everyone logged in. */
  publicDistricts: string[] | 'all';
  /** Drafts and cancelled ones too, in these reaches (staff) or these teams (leaders). */
  staffReaches: Array<{ districtId: string; path: string }>;
  leaderOf: string;
  from?: string;
  to?: string;
  category?: string;
  communityPath?: string;
  gridId?: string;
  teamId?: string;
  status?: string;
  q?: string;
  afterKey: { startsAt: string; id: string } | null;
  limit: number;
}

/** Activities visible to the viewer that match the filter (no cursor, order or limit). */
export function activitiesFiltered(db: Executor, f: Omit<ActivityFilter, 'afterKey' | 'limit'>) {
  let q = activities(db).where((eb) => {
    const visible = [
      f.publicDistricts === 'all'
        ? eb('a.status', '=', 'published')
        : f.publicDistricts.length > 0
          ? eb.and([eb('a.status', '=', 'published'), eb('a.district_id', 'in', f.publicDistricts)])
          : sql<boolean>`1 = 0`,
      eb('a.team_id', 'in', teamsLedBy(db, f.leaderOf)),
      eb('a.community_id', 'in', nodesWithin(db, f.staffReaches)),
    ];
    return eb.or(visible as never);
  });
  if (f.from) q = q.where('a.ends_at', '>=', f.from);
  if (f.to) q = q.where('a.starts_at', '<', f.to);
  if (f.category) q = q.where('a.category', '=', f.category);
  if (f.communityPath) q = q.where('a.community_id', 'in', nodesUnder(db, f.communityPath));
  if (f.gridId) q = q.where('a.grid_id', '=', f.gridId);
  if (f.teamId) q = q.where('a.team_id', '=', f.teamId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.q) q = q.where((eb) => eb.or([eb('a.title', 'like', `%${f.q}%`), eb('a.address', 'like', `%${f.q}%`)]));
  return q;
}

/** Activities ordered by start time (then id), after a keyset cursor. */
export function listActivities(db: Executor, f: ActivityFilter): Promise<ActivityRow[]> {
  let q = activitiesFiltered(db, f);
  if (f.afterKey) {
    const k = f.afterKey;
    q = q.where((eb) =>
      eb.or([eb('a.starts_at', '>', k.startsAt), eb.and([eb('a.starts_at', '=', k.startsAt), eb('a.id', '>', k.id)])]),
    );
  }
  return q.orderBy('a.starts_at').orderBy('a.id').limit(f.limit).execute();
}

export async function insertActivity(db: Executor, row: Selectable<ActivityTable>): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export async function updateActivity(
  db: Executor,
  districtId: string,
  id: string,
  patch: Partial<Selectable<ActivityTable>>,
): Promise<void> {
  await db.updateTable('activities').set(patch).where('district_id', '=', districtId).where('id', '=', id).execute();
}

/** Takes the next arrival number; the UPDATE also locks the activity row until commit (PostgreSQL). */
export async function takeSignupSeq(db: Executor, districtId: string, id: string): Promise<number> {
  const row = await db
    .updateTable('activities')
    .set((eb) => ({ signup_seq: eb('signup_seq', '+', 1) }))
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .returning('signup_seq')
    .executeTakeFirstOrThrow();
  return Number(row.signup_seq);
}

/** Claims a confirmed place if one is free; false when full. Never oversells, whatever the concurrency. */
export async function claimPlace(db: Executor, districtId: string, id: string): Promise<boolean> {
  const res = await db
    .updateTable('activities')
    .set((eb) => ({ confirmed_count: eb('confirmed_count', '+', 1) }))
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .whereRef('confirmed_count', '<', 'slots')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function releasePlace(db: Executor, districtId: string, id: string): Promise<void> {
  await db
    .updateTable('activities')
    .set((eb) => ({ confirmed_count: eb('confirmed_count', '-', 1) }))
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('confirmed_count', '>', 0)
    .execute();
}

export function findActiveSignup(
  db: Executor,
  districtId: string,
  activityId: string,
  userId: string,
): Promise<SignupRow | undefined> {
  return db
    .selectFrom('signups')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['confirmed', 'waitlisted', 'no_show'])
    .executeTakeFirst();
}

/**
 * A person's live sign-up for an activity, with its row locked until commit (PostgreSQL): marking someone absent
 * and their own check-in, check-out or back-fill take this lock first, so one never slips past the other.
 */
export async function lockActiveSignup(
  db: Executor,
  districtId: string,
  activityId: string,
  userId: string,
): Promise<SignupRow | undefined> {
  return db
    .updateTable('signups')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['confirmed', 'waitlisted', 'no_show'])
    .returningAll()
    .executeTakeFirst();
}

export async function insertSignup(db: Executor, row: SignupRow): Promise<void> {
  await db.insertInto('signups').values(row).execute();
}

export async function setSignupStatus(
  db: Executor,
  districtId: string,
  id: string,
  status: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('signups')
    .set({ status, updated_at: at })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
}

export function firstWaitlisted(db: Executor, districtId: string, activityId: string): Promise<SignupRow | undefined> {
  return db
    .selectFrom('signups')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waitlisted')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
}

/** The person's live sign-ups whose activities overlap [start, end). */
export function overlappingSignup(db: Executor, userId: string, start: string, end: string, exceptActivityId: string) {
  return db
    .selectFrom('signups as s')
    .innerJoin('activities as a', (j) =>
      j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'),
    )
    .select(['a.id', 'a.title'])
    .where('s.user_id', '=', userId)
    .where('s.status', 'in', ['confirmed', 'waitlisted'])
    .where('a.status', '=', 'published')
    .where('a.id', '!=', exceptActivityId)
    .where('a.starts_at', '<', end)
    .where('a.ends_at', '>', start)
    .executeTakeFirst();
}

export async function countNoShowsSince(
  db: Executor,
  districtId: string,
  userId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('signups as s')
    .innerJoin('activities as a', (j) =>
      j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.district_id', '=', districtId)
    .where('s.user_id', '=', userId)
    .where('s.status', '=', 'no_show')
    .where('a.starts_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface RosterRow extends SignupRow {
  display_name: string;
  volunteer_no: string | null;
  phone_enc: string;
  check_in_at: string | null;
  check_out_at: string | null;
  method: string | null;
}

/** Sign-ups of an activity with the person and their attendance, in arrival order. */
export function listRoster(db: Executor, districtId: string, activityId: string): Promise<RosterRow[]> {
  return db
    .selectFrom('signups as s')
    .leftJoin('attendance as t', (j) =>
      j
        .onRef('t.district_id', '=', 's.district_id')
        .onRef('t.activity_id', '=', 's.activity_id')
        .onRef('t.user_id', '=', 's.user_id'),
    )
    .selectAll('s')
    .select((eb) => [
      userNameOf(db, eb.ref('s.user_id')).$notNull().as('display_name'),
      volunteerNoOf(db, eb.ref('s.district_id'), eb.ref('s.user_id')).as('volunteer_no'),
      userPhoneEncOf(db, eb.ref('s.user_id')).$notNull().as('phone_enc'),
      't.check_in_at',
      't.check_out_at',
      't.method',
    ])
    .where('s.district_id', '=', districtId)
    .where('s.activity_id', '=', activityId)
    .orderBy('s.seq')
    .execute();
}

export interface MySignupRow extends SignupRow {
  title: string;
  starts_at: string;
  ends_at: string;
  address: string;
  activity_status: string;
  cancel_deadline: string;
  signup_deadline: string;
  audience: string;
  check_in_at: string | null;
  check_out_at: string | null;
}

/** A person's sign-ups, newest activity first. */
export function listSignupsOfUser(
  db: Executor,
  userId: string,
  limit: number,
  beforeStart: string | null,
): Promise<MySignupRow[]> {
  let q = db
    .selectFrom('signups as s')
    .innerJoin('activities as a', (j) =>
      j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'),
    )
    .leftJoin('attendance as t', (j) =>
      j
        .onRef('t.district_id', '=', 's.district_id')
        .onRef('t.activity_id', '=', 's.activity_id')
        .onRef('t.user_id', '=', 's.user_id'),
    )
    .selectAll('s')
    .select([
      'a.title',
      'a.starts_at',
      'a.ends_at',
      'a.address',
      'a.status as activity_status',
      'a.cancel_deadline',
      'a.signup_deadline',
      'a.audience',
      't.check_in_at',
      't.check_out_at',
    ])
    .where('s.user_id', '=', userId);
  if (beforeStart) q = q.where(sql<boolean>`a.starts_at || s.id < ${beforeStart}`);
  return q.orderBy('a.starts_at', 'desc').orderBy('s.id', 'desc').limit(limit).execute();
}

export function findAttendance(
  db: Executor,
  districtId: string,
  activityId: string,
  userId: string,
): Promise<AttendanceRow | undefined> {
  return db
    .selectFrom('attendance')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertAttendance(db: Executor, row: AttendanceRow): Promise<void> {
  const exists = await findAttendance(db, row.district_id, row.activity_id, row.user_id);
  if (exists) {
    // The key stays out of SET: Citus refuses an UPDATE that names the distribution column (docs/SCALING.md).
    const { district_id: _district, activity_id: _activity, user_id: _user, ...changes } = row;
    await db
      .updateTable('attendance')
      .set(changes)
      .where('district_id', '=', row.district_id)
      .where('activity_id', '=', row.activity_id)
      .where('user_id', '=', row.user_id)
      .execute();
  } else {
    await db.insertInto('attendance').values(row).execute();
  }
}

export async function deleteAttendance(
  db: Executor,
  districtId: string,
  activityId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('attendance')
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .execute();
}

/** Attendance checked in and never checked out (closed by the leader at the end). */
export function openAttendance(db: Executor, districtId: string, activityId: string): Promise<AttendanceRow[]> {
  return db
    .selectFrom('attendance')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('check_in_at', 'is not', null)
    .where('check_out_at', 'is', null)
    .orderBy('user_id')
    .execute();
}

/** Confirmed sign-ups without any check-in (for marking no-shows). */
export function confirmedWithoutAttendance(db: Executor, districtId: string, activityId: string): Promise<SignupRow[]> {
  return db
    .selectFrom('signups as s')
    .leftJoin('attendance as t', (j) =>
      j
        .onRef('t.district_id', '=', 's.district_id')
        .onRef('t.activity_id', '=', 's.activity_id')
        .onRef('t.user_id', '=', 's.user_id'),
    )
    .selectAll('s')
    .where('s.district_id', '=', districtId)
    .where('s.activity_id', '=', activityId)
    .where('s.status', '=', 'confirmed')
    .where('t.check_in_at', 'is', null)
    .execute();
}

/** Confirmed and waitlisted counts of several activities, in one query. */
export async function signupCounts(db: Executor, activities: Array<{ district_id: string; id: string }>) {
  const counts = new Map<string, { confirmed: number; waitlisted: number }>(
    activities.map((a) => [a.id, { confirmed: 0, waitlisted: 0 }]),
  );
  if (activities.length === 0) return counts;
  const rows = await db
    .selectFrom('signups')
    .select(['activity_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('district_id', 'in', [...new Set(activities.map((a) => a.district_id))])
    .where(
      'activity_id',
      'in',
      activities.map((a) => a.id),
    )
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .groupBy(['activity_id', 'status'])
    .execute();
  for (const r of rows) counts.get(r.activity_id)![r.status as 'confirmed' | 'waitlisted'] = Number(r.n);
  return counts;
}

/** A person's live sign-ups for several activities, in one query. */
export async function activeSignupsOf(
  db: Executor,
  userId: string,
  activities: Array<{ district_id: string; id: string }>,
) {
  if (activities.length === 0) return new Map<string, SignupRow>();
  const rows = await db
    .selectFrom('signups')
    .selectAll()
    .where('user_id', '=', userId)
    .where(
      'activity_id',
      'in',
      activities.map((a) => a.id),
    )
    .where('status', 'in', ['confirmed', 'waitlisted', 'no_show'])
    .execute();
  return new Map(rows.map((r) => [r.activity_id, r]));
}

/** Titles of activities by (district, id), for other modules (the audit log names its targets). */
export function activityTitlesByKey(db: Executor, keys: ReadonlyArray<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activities')
    .select(['district_id', 'id', 'title'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}

/** One column of an activity (district, id) as a correlated scalar subquery (records show an activity's facts). */
export function activityFieldOf(
  db: Executor,
  field: 'title' | 'category' | 'starts_at' | 'ends_at' | 'beneficiaries' | 'points_per_hour',
  districtId: Expression<string>,
  activityId: Expression<string | null>,
) {
  return db
    .selectFrom('activities as f_a')
    .select(`f_a.${field}`)
    .where('f_a.district_id', '=', districtId)
    .where('f_a.id', '=', activityId as Expression<string>)
    .$asScalar();
}

/** Published activities of a team (the team page's totals). */
export async function countPublishedOfTeam(db: Executor, districtId: string, teamId: string): Promise<number> {
  const row = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId)
    .where('team_id', '=', teamId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
