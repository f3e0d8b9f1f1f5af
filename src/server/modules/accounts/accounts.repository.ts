// Queries of the accounts module: users, sessions and role assignments.
import type { Expression, Kysely, Selectable } from 'kysely';
import { compiledOnce } from '../../db/compiledOnce.js';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/transaction.js';
import { nodeFieldOf, nodesWithin } from '../org/index.js';
import { isClosedIndex } from './accounts.personal.js';
import type { LoginThrottleTable, RoleAssignmentTable, SessionTable, UserTable } from './accounts.tables.js';

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ThrottleRow = Selectable<LoginThrottleTable>;
export type RoleRow = Selectable<RoleAssignmentTable> & { node_name: string; node_kind: string; node_path: string };

export interface Reach {
  districtId: string;
  path: string;
}

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByPhoneIndex(db: Executor, phoneIndex: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('phone_index', '=', phoneIndex).executeTakeFirst();
}

export async function insertUser(db: Executor, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** The platform-operator grant of a person, if any. */
export function findPlatformAdmin(db: Executor, userId: string) {
  return db.selectFrom('platform_admins').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Makes a person a platform operator (nothing when they already are). */
export async function insertPlatformAdmin(
  db: Executor,
  row: { user_id: string; granted_by: string | null; granted_at: string },
): Promise<void> {
  await db
    .insertInto('platform_admins')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

/** Ends every session of a person (after staff reset their password). */
export async function deleteAllSessions(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function updateUser(db: Executor, id: string, patch: Partial<UserRow>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** The sign-in throttle rows of these keys ('phone:…', 'ip:…'). */
export function findThrottles(db: Executor, keys: string[]): Promise<ThrottleRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
}

/** Makes sure a throttle row exists (no failures yet), so the compare-and-set below always has a row to change. */
export async function ensureThrottle(db: Executor, key: string, epoch: string): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ key, failures: 0, last_failure_at: epoch, blocked_until: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Changes a throttle row only if it still holds what was read (failures and last failure): true when it did. Two
 * processes counting at once never lose a failure; the loser reads again.
 */
export async function compareAndSetThrottle(
  db: Executor,
  seen: Pick<ThrottleRow, 'key' | 'failures' | 'last_failure_at'>,
  next: Pick<ThrottleRow, 'failures' | 'last_failure_at' | 'blocked_until'>,
): Promise<boolean> {
  const res = await db
    .updateTable('login_throttle')
    .set(next)
    .where('key', '=', seen.key)
    .where('failures', '=', seen.failures)
    .where('last_failure_at', '=', seen.last_failure_at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Drops rows quiet since before `cutoff` (their counts have decayed to nothing), so the table does not grow. */
export async function purgeQuietThrottles(db: Executor, cutoff: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', cutoff)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', cutoff)]))
    .execute();
}

/** Forgets the failures of a key (a successful sign-in, a staff unlock or password reset). */
export async function deleteThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One row per live role of the session's person (or one row with null role fields): see findSessionActor. */
export interface SessionActorRow {
  session_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  display_name: string;
  must_change_password: number;
  /** Set when the person is a platform operator. */
  platform_admin_id: string | null;
  role_id: string | null;
  role: string | null;
  role_district_id: string | null;
  role_node_id: string | null;
  role_node_path: string | null;
}

function sessionActorQuery(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('platform_admins as pa', 'pa.user_id', 's.user_id')
    .leftJoin('role_assignments as r', (join) =>
      join
        .onRef('r.user_id', '=', 's.user_id')
        .on('r.revoked_at', 'is', null)
        .on((eb) => eb(nodeFieldOf(db, 'archived_at', eb.ref('r.district_id'), eb.ref('r.node_id')), 'is', null)),
    )
    .select([
      's.id as session_id',
      's.user_id',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.display_name',
      'u.must_change_password',
      'pa.user_id as platform_admin_id',
      'r.id as role_id',
      'r.role',
      'r.district_id as role_district_id',
      'r.node_id as role_node_id',
    ])
    .select((eb) => nodeFieldOf(db, 'path', eb.ref('r.district_id'), eb.ref('r.node_id')).as('role_node_path'))
    .where('s.id', '=', sessionId)
    .orderBy('r.id');
}

/**
 * A session with its person, platform-operator grant and live role assignments (on nodes not archived, with their
 * paths) in one statement, ordered by role id; no rows when the session (or its person) does not exist. It runs on
 * every request, so it is built and compiled once per database handle (db/compiledOnce.ts).
 */
export const findSessionActor: (db: Kysely<DB>, sessionId: string) => Promise<SessionActorRow[]> = compiledOnce(
  (db: Kysely<DB>, sessionId: string) => sessionActorQuery(db, sessionId),
);

export async function touchSession(db: Executor, id: string, lastSeen: string, expires: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeen, expires_at: expires }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user except one (after a password change). */
export async function deleteOtherSessions(db: Executor, userId: string, keepId: string | null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

function rolesQuery(db: Executor) {
  return db
    .selectFrom('role_assignments as r')
    .selectAll('r')
    .select((eb) => [
      nodeFieldOf(db, 'name', eb.ref('r.district_id'), eb.ref('r.node_id')).$notNull().as('node_name'),
      nodeFieldOf(db, 'kind', eb.ref('r.district_id'), eb.ref('r.node_id')).$notNull().as('node_kind'),
      nodeFieldOf(db, 'path', eb.ref('r.district_id'), eb.ref('r.node_id')).$notNull().as('node_path'),
    ]);
}

/** Live (unrevoked) role assignments of some users, on nodes that are not archived. */
export function listActiveRoles(db: Executor, userIds: string[]): Promise<RoleRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return rolesQuery(db)
    .where('r.user_id', 'in', userIds)
    .where('r.revoked_at', 'is', null)
    .where((eb) => eb(nodeFieldOf(db, 'archived_at', eb.ref('r.district_id'), eb.ref('r.node_id')), 'is', null))
    .orderBy('r.id')
    .execute();
}

export function findRoleAssignment(db: Executor, id: string): Promise<RoleRow | undefined> {
  return rolesQuery(db).where('r.id', '=', id).where('r.revoked_at', 'is', null).executeTakeFirst();
}

export function findActiveRole(
  db: Executor,
  userId: string,
  role: string,
  districtId: string,
  nodeId: string,
): Promise<RoleRow | undefined> {
  return rolesQuery(db)
    .where('r.user_id', '=', userId)
    .where('r.role', '=', role)
    .where('r.district_id', '=', districtId)
    .where('r.node_id', '=', nodeId)
    .where('r.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertRoleAssignment(db: Executor, row: Selectable<RoleAssignmentTable>): Promise<void> {
  await db.insertInto('role_assignments').values(row).execute();
}

export async function revokeRoleAssignment(
  db: Executor,
  districtId: string,
  id: string,
  by: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('role_assignments')
    .set({ revoked_at: at, revoked_by: by })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
}

export interface PeopleFilter {
  reaches: Reach[];
  userId?: string;
  phoneIndex?: string;
  nameLike?: string;
  role?: string;
  beforeId: string | null;
  limit: number;
}

/** People who live in, or hold a role in, any of the reaches, matching the filter (no cursor, order or limit). */
export function peopleWithinFiltered(db: Executor, f: Omit<PeopleFilter, 'beforeId' | 'limit'>) {
  let q = db.selectFrom('users as u').selectAll('u');
  q = q.where((eb) => {
    const home = eb('u.home_node_id', 'in', nodesWithin(db, f.reaches));
    let roleSub = eb
      .selectFrom('role_assignments as ra')
      .select('ra.id')
      .whereRef('ra.user_id', '=', 'u.id')
      .where('ra.revoked_at', 'is', null)
      .where('ra.node_id', 'in', nodesWithin(db, f.reaches));
    if (f.role) {
      roleSub = roleSub.where('ra.role', '=', f.role);
      return eb.exists(roleSub);
    }
    return eb.or([home, eb.exists(roleSub)]);
  });
  if (f.userId) q = q.where('u.id', '=', f.userId);
  if (f.phoneIndex) q = q.where('u.phone_index', '=', f.phoneIndex);
  if (f.nameLike) q = q.where('u.display_name', 'like', `%${f.nameLike}%`);
  return q;
}

/** People who live in, or hold a role in, any of the reaches; newest first. */
export function listPeopleWithin(db: Executor, f: PeopleFilter): Promise<UserRow[]> {
  let q = peopleWithinFiltered(db, f);
  if (f.beforeId) q = q.where('u.id', '<', f.beforeId);
  return q.orderBy('u.id', 'desc').limit(f.limit).execute();
}

/** What other modules may know of a person: names (real name encrypted) and home. No phone, no password. */
export interface PersonHome {
  userId: string;
  displayName: string;
  realNameEnc: string | null;
  homeDistrictId: string | null;
  homeNodeId: string | null;
  /** The account was closed (PIPL erasure): displayName is its pseudonym, shown as is. */
  closed: boolean;
}

/** People's names and homes by id, for other modules through index.ts (the ledger names and scopes accounts by them). */
export async function listPersonHomes(db: Executor, userIds: readonly string[]): Promise<PersonHome[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'real_name_enc', 'home_district_id', 'home_node_id', 'phone_index'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    realNameEnc: r.real_name_enc,
    homeDistrictId: r.home_district_id,
    homeNodeId: r.home_node_id,
    closed: isClosedIndex(r.phone_index),
  }));
}

/** One person's names and home, or undefined. */
export async function findPersonHome(db: Executor, userId: string): Promise<PersonHome | undefined> {
  return (await listPersonHomes(db, [userId]))[0];
}

/** The id of the person with this phone (by its blind index), or undefined: no other column leaves the module. */
export async function findPersonIdByPhoneIndex(db: Executor, phoneIndex: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('id').where('phone_index', '=', phoneIndex).executeTakeFirst())?.id;
}

/** Names and the encrypted phone of people, for staff views of other modules (needs: the requester's masked phone). */
export async function listPersonContacts(
  db: Executor,
  userIds: readonly string[],
): Promise<Array<{ userId: string; displayName: string; realNameMasked: string | null; phoneEnc: string }>> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'real_name_masked', 'phone_enc'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    realNameMasked: r.real_name_masked,
    phoneEnc: r.phone_enc,
  }));
}

// ------------------------------------------------------------------------ names for other modules' queries
// Other modules never name users in their queries: they embed these correlated subqueries (exported by index.ts).

/** A person's display name (nickname; never a phone or ID column), as a scalar subquery: `.$notNull().as(…)`. */
export function userNameOf(db: Executor, userId: Expression<string | null>) {
  return db
    .selectFrom('users as name_u')
    .select('name_u.display_name')
    .where('name_u.id', '=', userId as Expression<string>)
    .$asScalar()
    .$castTo<string | null>();
}

/** A person's phone, still encrypted (rosters and volunteer lists decrypt and mask it), as a scalar subquery. */
export function userPhoneEncOf(db: Executor, userId: Expression<string | null>) {
  return db
    .selectFrom('users as phone_u')
    .select('phone_u.phone_enc')
    .where('phone_u.id', '=', userId as Expression<string>)
    .$asScalar()
    .$castTo<string | null>();
}

/** Ids of the people whose display name contains the text, as a subquery (`.where('x.user_id', 'in', …)`). */
export function usersNamedLike(db: Executor, text: string) {
  return db.selectFrom('users as like_u').select('like_u.id').where('like_u.display_name', 'like', `%${text}%`);
}

/** People's display names by id. */
export async function displayNamesOf(db: Executor, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The earliest-granted live holder of a role on a node (a certificate's community admin), or undefined. */
export async function firstRoleHolder(
  db: Executor,
  districtId: string,
  nodeId: string,
  role: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('role_assignments')
    .select('user_id')
    .where('district_id', '=', districtId)
    .where('node_id', '=', nodeId)
    .where('role', '=', role)
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .limit(1)
    .executeTakeFirst();
  return row?.user_id;
}

/** A person's names and encrypted phone, for a document that prints a contact (a certificate's handler). */
export function findPersonContact(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['display_name', 'real_name_enc', 'phone_enc'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
