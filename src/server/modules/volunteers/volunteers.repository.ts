// Queries of volunteers and teams.
import { type Expression, type Selectable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { userNameOf, userPhoneEncOf, usersNamedLike } from '../accounts/index.js';
import { nodeFieldOf, nodesUnder, nodesWithin } from '../org/index.js';
import type { TeamMemberTable, TeamTable, VolunteerTable } from './volunteers.tables.js';

export type VolunteerRow = Selectable<VolunteerTable> & {
  community_name: string;
  grid_name: string | null;
  phone_enc: string;
};
export type TeamRow = Selectable<TeamTable> & {
  community_name: string;
  community_path: string;
  leader_name: string;
  social_worker_name: string | null;
};
export type MemberRow = Selectable<TeamMemberTable> & { display_name: string; volunteer_no: string | null };

function volunteers(db: Executor) {
  return db
    .selectFrom('volunteers as v')
    .selectAll('v')
    .select((eb) => [
      nodeFieldOf(db, 'name', eb.ref('v.district_id'), eb.ref('v.community_id')).$notNull().as('community_name'),
      nodeFieldOf(db, 'name', eb.ref('v.district_id'), eb.ref('v.home_grid_id')).as('grid_name'),
      userPhoneEncOf(db, eb.ref('v.user_id')).$notNull().as('phone_enc'),
    ]);
}

export function findVolunteerById(db: Executor, id: string): Promise<VolunteerRow | undefined> {
  return volunteers(db).where('v.id', '=', id).executeTakeFirst();
}

export function findVolunteerByUser(
  db: Executor,
  districtId: string,
  userId: string,
): Promise<VolunteerRow | undefined> {
  return volunteers(db).where('v.district_id', '=', districtId).where('v.user_id', '=', userId).executeTakeFirst();
}

/** A person's volunteer registrations in every district. */
export function listVolunteersOfUser(db: Executor, userId: string): Promise<VolunteerRow[]> {
  return volunteers(db).where('v.user_id', '=', userId).orderBy('v.applied_at', 'desc').execute();
}

export interface VolunteerFilter {
  reaches: Array<{ districtId: string; path: string }>;
  status?: string;
  skill?: string;
  nameLike?: string;
  userId?: string;
  /** Active members of this team. */
  teamId?: string;
  /** Applied at or after / before these instants (ISO). */
  appliedFrom?: string;
  appliedBefore?: string;
  beforeId: string | null;
  limit: number;
}

/** Volunteers registered in communities under the reaches, matching the filter (no cursor, order or limit). */
export function volunteersFiltered(db: Executor, f: Omit<VolunteerFilter, 'beforeId' | 'limit'>) {
  let q = volunteers(db).where('v.community_id', 'in', nodesWithin(db, f.reaches));
  if (f.status) q = q.where('v.status', '=', f.status);
  if (f.skill) q = q.where('v.skills', 'like', `%"${f.skill}"%`);
  if (f.nameLike) q = q.where('v.user_id', 'in', usersNamedLike(db, f.nameLike));
  if (f.userId) q = q.where('v.user_id', '=', f.userId);
  if (f.teamId) {
    const teamId = f.teamId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members as m')
          .select('m.user_id')
          .whereRef('m.district_id', '=', 'v.district_id')
          .whereRef('m.user_id', '=', 'v.user_id')
          .where('m.team_id', '=', teamId)
          .where('m.status', '=', 'active'),
      ),
    );
  }
  if (f.appliedFrom) q = q.where('v.applied_at', '>=', f.appliedFrom);
  if (f.appliedBefore) q = q.where('v.applied_at', '<', f.appliedBefore);
  return q;
}

/** Volunteers registered in communities under the reaches, newest first. */
export function listVolunteers(db: Executor, f: VolunteerFilter): Promise<VolunteerRow[]> {
  let q = volunteersFiltered(db, f);
  if (f.beforeId) q = q.where('v.id', '<', f.beforeId);
  return q.orderBy('v.id', 'desc').limit(f.limit).execute();
}

export async function insertVolunteer(db: Executor, row: Selectable<VolunteerTable>): Promise<void> {
  await db.insertInto('volunteers').values(row).execute();
}

/**
 * Takes a volunteer row for a decision only while it is still in `status`: on PostgreSQL the UPDATE waits for a
 * concurrent decision and re-checks the status, so two reviewers never both decide. False when it moved meanwhile.
 */
export async function claimVolunteer(
  db: Executor,
  districtId: string,
  id: string,
  status: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('volunteers')
    .set({ updated_at: now })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Locks a person's volunteer row in a district (PostgreSQL; SQLite has one writer), to serialise their day's records. */
export async function lockVolunteerOf(db: Executor, districtId: string, userId: string): Promise<void> {
  await db
    .updateTable('volunteers')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('district_id', '=', districtId)
    .where('user_id', '=', userId)
    .execute();
}

export async function updateVolunteer(
  db: Executor,
  districtId: string,
  id: string,
  patch: Partial<Selectable<VolunteerTable>>,
): Promise<void> {
  await db.updateTable('volunteers').set(patch).where('district_id', '=', districtId).where('id', '=', id).execute();
}

function teams(db: Executor) {
  return db
    .selectFrom('teams as t')
    .selectAll('t')
    .select((eb) => [
      nodeFieldOf(db, 'name', eb.ref('t.district_id'), eb.ref('t.community_id')).$notNull().as('community_name'),
      nodeFieldOf(db, 'path', eb.ref('t.district_id'), eb.ref('t.community_id')).$notNull().as('community_path'),
      userNameOf(db, eb.ref('t.leader_user_id')).$notNull().as('leader_name'),
      userNameOf(db, eb.ref('t.social_worker_user_id')).as('social_worker_name'),
    ]);
}

export function findTeamById(db: Executor, id: string): Promise<TeamRow | undefined> {
  return teams(db).where('t.id', '=', id).executeTakeFirst();
}

export function findTeamByName(
  db: Executor,
  districtId: string,
  communityId: string,
  name: string,
): Promise<TeamRow | undefined> {
  return teams(db)
    .where('t.district_id', '=', districtId)
    .where('t.community_id', '=', communityId)
    .where('t.name', '=', name)
    .executeTakeFirst();
}

export interface TeamFilter {
  districtId?: string;
  communityPath?: string;
  leaderUserId?: string;
  memberUserId?: string;
}

/** Teams not archived that match the filter (no cursor, order or limit). */
export function teamsFiltered(db: Executor, f: TeamFilter) {
  let q = teams(db).where('t.archived_at', 'is', null);
  if (f.districtId) q = q.where('t.district_id', '=', f.districtId);
  if (f.communityPath) q = q.where('t.community_id', 'in', nodesUnder(db, f.communityPath));
  if (f.leaderUserId) q = q.where('t.leader_user_id', '=', f.leaderUserId);
  if (f.memberUserId) {
    const uid = f.memberUserId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members as m')
          .select('m.user_id')
          .whereRef('m.district_id', '=', 't.district_id')
          .whereRef('m.team_id', '=', 't.id')
          .where('m.user_id', '=', uid)
          .where('m.status', '=', 'active'),
      ),
    );
  }
  return q;
}

/** Teams not archived that match the filter, newest first. */
export function listTeams(
  db: Executor,
  f: TeamFilter & { beforeId: string | null; limit: number },
): Promise<TeamRow[]> {
  let q = teamsFiltered(db, f);
  if (f.beforeId) q = q.where('t.id', '<', f.beforeId);
  return q.orderBy('t.id', 'desc').limit(f.limit).execute();
}

export async function insertTeam(db: Executor, row: Selectable<TeamTable>): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}

export async function updateTeam(
  db: Executor,
  districtId: string,
  id: string,
  patch: Partial<Selectable<TeamTable>>,
): Promise<void> {
  await db.updateTable('teams').set(patch).where('district_id', '=', districtId).where('id', '=', id).execute();
}

export function findMember(
  db: Executor,
  districtId: string,
  teamId: string,
  userId: string,
): Promise<Selectable<TeamMemberTable> | undefined> {
  return db
    .selectFrom('team_members')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function listMembers(
  db: Executor,
  districtId: string,
  teamId: string,
  statuses: string[],
): Promise<MemberRow[]> {
  return db
    .selectFrom('team_members as m')
    .leftJoin('volunteers as v', (j) =>
      j.onRef('v.district_id', '=', 'm.district_id').onRef('v.user_id', '=', 'm.user_id'),
    )
    .selectAll('m')
    .select((eb) => [userNameOf(db, eb.ref('m.user_id')).$notNull().as('display_name'), 'v.volunteer_no'])
    .where('m.district_id', '=', districtId)
    .where('m.team_id', '=', teamId)
    .where('m.status', 'in', statuses)
    .orderBy('m.requested_at')
    .execute();
}

export async function upsertMember(db: Executor, row: Selectable<TeamMemberTable>): Promise<void> {
  const exists = await findMember(db, row.district_id, row.team_id, row.user_id);
  if (exists) {
    // The key stays out of SET: Citus refuses an UPDATE that names the distribution column (docs/SCALING.md).
    const { district_id: _district, team_id: _team, user_id: _user, ...changes } = row;
    await db
      .updateTable('team_members')
      .set(changes)
      .where('district_id', '=', row.district_id)
      .where('team_id', '=', row.team_id)
      .where('user_id', '=', row.user_id)
      .execute();
  } else {
    await db.insertInto('team_members').values(row).execute();
  }
}

/** Active members of a team. */
export async function countActiveMembers(db: Executor, districtId: string, teamId: string): Promise<number> {
  const members = await db
    .selectFrom('team_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId)
    .where('team_id', '=', teamId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(members.n);
}

/**
 * Teams of the communities that existed during [fromTs, toTs) with their active members' ids, for other modules
 * through index.ts (the ledger's year summary).
 */
export async function listTeamsWithMembers(
  db: Executor,
  districtId: string,
  communityIds: readonly string[],
  during: { fromTs: string; toTs: string },
): Promise<Array<{ id: string; name: string; communityId: string; memberIds: string[] }>> {
  if (communityIds.length === 0) return [];
  const rows = await db
    .selectFrom('teams')
    .select(['id', 'name', 'community_id'])
    .where('district_id', '=', districtId)
    .where('community_id', 'in', communityIds)
    .where('created_at', '<', during.toTs)
    .where((eb) => eb.or([eb('archived_at', 'is', null), eb('archived_at', '>=', during.fromTs)]))
    .orderBy('name')
    .orderBy('id')
    .execute();
  const members = rows.length
    ? await db
        .selectFrom('team_members')
        .select(['team_id', 'user_id'])
        .where('district_id', '=', districtId)
        .where(
          'team_id',
          'in',
          rows.map((t) => t.id),
        )
        .where('status', '=', 'active')
        .execute()
    : [];
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    communityId: t.community_id,
    memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.user_id),
  }));
}

/** The encrypted real names people gave when volunteering in a district, by user id (for other modules' public names). */
export async function volunteerNamesOf(
  db: Executor,
  districtId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('volunteers')
    .select(['user_id', 'real_name_enc'])
    .where('district_id', '=', districtId)
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.real_name_enc]));
}

// ------------------------------------------------------------------------ names for other modules' queries
// Other modules never name teams or volunteers in their queries: they embed these subqueries (exported by index.ts).

/** One column of a team (district, id) as a correlated scalar subquery; null when there is no team. */
export function teamFieldOf<F extends 'name' | 'leader_user_id' | 'community_id'>(
  db: Executor,
  field: F,
  districtId: Expression<string | null>,
  teamId: Expression<string | null>,
) {
  return db
    .selectFrom('teams as f_t')
    .select(`f_t.${field as 'name'}`)
    .where('f_t.district_id', '=', districtId as Expression<string>)
    .where('f_t.id', '=', teamId as Expression<string>)
    .$asScalar()
    .$castTo<string | null>();
}

/** Ids of the teams a person leads, as a subquery (`.where('a.team_id', 'in', teamsLedBy(db, userId))`). */
export function teamsLedBy(db: Executor, userId: string) {
  return db.selectFrom('teams as led_t').select('led_t.id').where('led_t.leader_user_id', '=', userId);
}

/** A person's volunteer number in a district, as a correlated scalar subquery; null when not registered or not yet numbered. */
export function volunteerNoOf(db: Executor, districtId: Expression<string | null>, userId: Expression<string | null>) {
  return db
    .selectFrom('volunteers as no_v')
    .select('no_v.volunteer_no')
    .where('no_v.district_id', '=', districtId as Expression<string>)
    .where('no_v.user_id', '=', userId as Expression<string>)
    .$asScalar()
    .$castTo<string | null>();
}

/** Names of teams by (district, id), for other modules (the audit log names its targets). */
export function teamNamesByKey(db: Executor, keys: ReadonlyArray<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('teams')
    .select(['district_id', 'id', 'name'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}

/** Volunteer registrations by (district, id): the person and their encrypted real name (the audit log names them). */
export function volunteerPeopleByKey(db: Executor, keys: ReadonlyArray<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('volunteers')
    .select(['district_id', 'id', 'user_id', 'real_name_enc'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}

/** A volunteer registration by id, its own columns only, for other modules (certificates). */
export function findVolunteerRegistration(db: Executor, id: string) {
  return db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A person's volunteer registrations (any status) with their numbers, for other modules (records: my hours). */
export function listVolunteershipsOf(db: Executor, userId: string) {
  return db
    .selectFrom('volunteers')
    .select(['district_id', 'id', 'volunteer_no', 'status'])
    .where('user_id', '=', userId)
    .execute();
}
