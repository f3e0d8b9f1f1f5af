// Queries of service records, ratings and certificates.
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { CertificateTable, ServiceRecordTable } from './records.tables.js';

export type RecordRow = Selectable<ServiceRecordTable> & {
  title: string;
  category: string;
  starts_at: string;
  ends_at: string;
  beneficiaries: string | null;
  points_per_hour: number | null;
  community_name: string;
  community_path: string;
  team_name: string | null;
  leader_user_id: string | null;
  display_name: string;
  volunteer_no: string | null;
};

function records(db: Executor) {
  return (
    db
      .selectFrom('service_records as r')
      // Left join: service recorded after the fact has no activity; its row carries category, place and content itself.
      .leftJoin('activities as a', (j) =>
        j.onRef('a.district_id', '=', 'r.district_id').onRef('a.id', '=', 'r.activity_id'),
      )
      .innerJoin('org_nodes as c', (j) =>
        j.onRef('c.district_id', '=', 'r.district_id').onRef('c.id', '=', 'r.community_id'),
      )
      .leftJoin('teams as t', (j) => j.onRef('t.district_id', '=', 'r.district_id').onRef('t.id', '=', 'r.team_id'))
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .leftJoin('volunteers as v', (j) =>
        j.onRef('v.district_id', '=', 'r.district_id').onRef('v.user_id', '=', 'r.user_id'),
      )
      .selectAll('r')
      .select([
        // After-the-fact service: titled by what was done, from midnight (China time) of its day to when it was recorded.
        sql<string>`coalesce(a.title, r.content, '')`.as('title'),
        sql<string>`coalesce(a.category, r.category, '')`.as('category'),
        sql<string>`coalesce(a.starts_at, r.service_date || 'T00:00:00+08:00')`.as('starts_at'),
        sql<string>`coalesce(a.ends_at, r.created_at)`.as('ends_at'),
        'a.beneficiaries',
        'a.points_per_hour',
        'c.name as community_name',
        'c.path as community_path',
        't.name as team_name',
        't.leader_user_id',
        'u.display_name',
        'v.volunteer_no',
      ])
  );
}

export function findRecordById(db: Executor, id: string): Promise<RecordRow | undefined> {
  return records(db).where('r.id', '=', id).executeTakeFirst();
}

export function findRecordsByIds(db: Executor, ids: string[]): Promise<RecordRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return records(db).where('r.id', 'in', ids).execute();
}

/** The live record of a person for an activity (pending, confirmed or accepted). */
export function findLiveRecord(db: Executor, districtId: string, activityId: string, userId: string) {
  return db
    .selectFrom('service_records')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['pending', 'confirmed', 'accepted'])
    .executeTakeFirst();
}

/** Minutes already counted for a person on a China-time date, excluding one activity. */
export async function minutesOnDay(
  db: Executor,
  districtId: string,
  userId: string,
  date: string,
  exceptActivityId: string,
): Promise<number> {
  const row = await db
    .selectFrom('service_records')
    .select(sql<number>`coalesce(sum(minutes), 0)`.as('m'))
    .where('district_id', '=', districtId)
    .where('user_id', '=', userId)
    .where('service_date', '=', date)
    .where('status', 'in', ['pending', 'confirmed', 'accepted'])
    // Records without an activity (service recorded after the fact) count towards every day cap.
    .where((eb) => eb.or([eb('activity_id', 'is', null), eb('activity_id', '!=', exceptActivityId)]))
    .executeTakeFirstOrThrow();
  return Number(row.m);
}

export async function insertRecord(db: Executor, row: Insertable<ServiceRecordTable>): Promise<void> {
  await db.insertInto('service_records').values(row).execute();
}

export async function updateRecord(
  db: Executor,
  districtId: string,
  id: string,
  patch: Partial<Selectable<ServiceRecordTable>>,
): Promise<void> {
  await db
    .updateTable('service_records')
    .set(patch)
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
}

/**
 * Moves a record on only if it is still in the state it was read in; false when another transaction moved it first.
 * On PostgreSQL the UPDATE waits for that transaction and re-checks the state, so two moves never both win.
 */
export async function updateRecordIf(
  db: Executor,
  districtId: string,
  id: string,
  fromStatus: string,
  patch: Partial<Selectable<ServiceRecordTable>>,
): Promise<boolean> {
  const res = await db
    .updateTable('service_records')
    .set(patch)
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Every record of a person for an activity that is not yet final (all but superseded and voided). */
export function findOpenRecordsOf(
  db: Executor,
  districtId: string,
  activityId: string,
  userId: string,
): Promise<RecordRow[]> {
  return records(db)
    .where('r.district_id', '=', districtId)
    .where('r.activity_id', '=', activityId)
    .where('r.user_id', '=', userId)
    .where('r.status', 'in', ['pending', 'confirmed', 'accepted', 'returned'])
    .orderBy('r.id')
    .execute();
}

export interface RecordFilter {
  /** Records visible through community reaches (staff). */
  reaches: Array<{ districtId: string; path: string }>;
  /** Records of activities of teams this person leads. */
  leaderOf: string | null;
  /** Only this person's records. */
  userId?: string;
  status?: string;
  activityId?: string;
  teamId?: string;
  communityPath?: string;
  from?: string;
  to?: string;
  beforeId: string | null;
  limit: number;
}

/** Records visible through the filter's reaches, leadership or person, matching it (no cursor, order or limit). */
export function recordsFiltered(db: Executor, f: Omit<RecordFilter, 'beforeId' | 'limit'>) {
  let q = records(db);
  if (!f.userId || f.reaches.length > 0 || f.leaderOf) {
    q = q.where((eb) => {
      const ors = [
        ...f.reaches.map((r) => eb.and([eb('r.district_id', '=', r.districtId), eb('c.path', 'like', `${r.path}%`)])),
        ...(f.leaderOf ? [eb('t.leader_user_id', '=', f.leaderOf)] : []),
      ];
      return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
    });
  }
  if (f.userId) q = q.where('r.user_id', '=', f.userId);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.activityId) q = q.where('r.activity_id', '=', f.activityId);
  if (f.teamId) q = q.where('r.team_id', '=', f.teamId);
  if (f.communityPath) q = q.where('c.path', 'like', `${f.communityPath}%`);
  if (f.from) q = q.where('r.service_date', '>=', f.from);
  if (f.to) q = q.where('r.service_date', '<=', f.to);
  return q;
}

export function listRecords(db: Executor, f: RecordFilter): Promise<RecordRow[]> {
  let q = recordsFiltered(db, f);
  if (f.beforeId) q = q.where('r.id', '<', f.beforeId);
  return q.orderBy('r.id', 'desc').limit(f.limit).execute();
}

/** Minutes per state of a person in a district. */
export async function minutesByState(db: Executor, districtId: string, userId: string) {
  const rows = await db
    .selectFrom('service_records')
    .select(['status', sql<number>`coalesce(sum(minutes), 0)`.as('m')])
    .where('district_id', '=', districtId)
    .where('user_id', '=', userId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.m)]));
}

/** The activity facts records need (manager check, window). */
export function findActivityFacts(db: Executor, activityId: string) {
  return db
    .selectFrom('activities as a')
    .innerJoin('org_nodes as c', (j) =>
      j.onRef('c.district_id', '=', 'a.district_id').onRef('c.id', '=', 'a.community_id'),
    )
    .leftJoin('teams as t', (j) => j.onRef('t.district_id', '=', 'a.district_id').onRef('t.id', '=', 'a.team_id'))
    .select([
      'a.district_id',
      'a.id',
      'a.community_id',
      'a.team_id',
      'a.title',
      'a.starts_at',
      'a.ends_at',
      'a.status',
      'c.path as community_path',
      'c.name as community_name',
      't.leader_user_id',
    ])
    .where('a.id', '=', activityId)
    .executeTakeFirst();
}

/** Did the person serve in (or sign up for) the activity? */
export async function participated(
  db: Executor,
  districtId: string,
  activityId: string,
  userId: string,
): Promise<boolean> {
  const rec = await db
    .selectFrom('service_records')
    .select('id')
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (rec) return true;
  const att = await db
    .selectFrom('attendance')
    .select('user_id')
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!att;
}

export async function insertRating(
  db: Executor,
  row: {
    district_id: string;
    id: string;
    activity_id: string;
    team_id: string | null;
    rater_user_id: string;
    target: string;
    score: number;
    comment: string | null;
    created_at: string;
  },
): Promise<void> {
  await db.insertInto('ratings').values(row).execute();
}

export function findRating(db: Executor, districtId: string, activityId: string, userId: string, target: string) {
  return db
    .selectFrom('ratings')
    .select('id')
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .where('rater_user_id', '=', userId)
    .where('target', '=', target)
    .executeTakeFirst();
}

export async function ratingSummary(db: Executor, districtId: string, activityId: string) {
  const rows = await db
    .selectFrom('ratings')
    .select(['target', sql<number>`avg(score)`.as('avg'), sql<number>`count(*)`.as('n')])
    .where('district_id', '=', districtId)
    .where('activity_id', '=', activityId)
    .groupBy('target')
    .execute();
  return rows.map((r) => ({ target: r.target, average: Math.round(Number(r.avg) * 10) / 10, count: Number(r.n) }));
}

export type CertificateRow = Selectable<CertificateTable>;

export function findCertificateByNo(db: Executor, certNo: string): Promise<CertificateRow | undefined> {
  return db.selectFrom('certificates').selectAll().where('cert_no', '=', certNo).executeTakeFirst();
}

export function latestCertificate(
  db: Executor,
  districtId: string,
  volunteerId: string,
): Promise<CertificateRow | undefined> {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('volunteer_id', '=', volunteerId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertCertificate(db: Executor, row: CertificateRow): Promise<void> {
  await db.insertInto('certificates').values(row).execute();
}

export async function revokeCertificate(
  db: Executor,
  districtId: string,
  id: string,
  at: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('certificates')
    .set({ revoked_at: at, revoke_reason: reason })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
}

/** Accepted records of a person grouped by activity category (certificate content). */
export async function acceptedByCategory(db: Executor, districtId: string, userId: string) {
  return db
    .selectFrom('service_records as r')
    .leftJoin('activities as a', (j) =>
      j.onRef('a.district_id', '=', 'r.district_id').onRef('a.id', '=', 'r.activity_id'),
    )
    .select([
      sql<string>`coalesce(a.category, r.category, '')`.as('category'),
      sql<number>`sum(coalesce(r.after_the_fact, 0) * r.minutes)`.as('late'),
      sql<number>`sum(r.minutes)`.as('m'),
      sql<number>`count(*)`.as('n'),
      sql<string>`min(r.service_date)`.as('first'),
      sql<string>`max(r.service_date)`.as('last'),
    ])
    .where('r.district_id', '=', districtId)
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'accepted')
    .groupBy(sql`coalesce(a.category, r.category, '')`)
    .execute();
}

/**
 * Accepted service minutes per community and person with a service date in [firstDay, lastDay] (China-time days),
 * for other modules through index.ts (the ledger's year summary).
 */
export async function acceptedMinutesByCommunity(
  db: Executor,
  districtId: string,
  communityIds: readonly string[],
  period: { firstDay: string; lastDay: string },
): Promise<Array<{ communityId: string; userId: string; minutes: number }>> {
  if (communityIds.length === 0) return [];
  const rows = await db
    .selectFrom('service_records')
    .select(['community_id', 'user_id', sql<number>`sum(minutes)`.as('m')])
    .where('district_id', '=', districtId)
    .where('community_id', 'in', communityIds)
    .where('status', '=', 'accepted')
    .where('service_date', '>=', period.firstDay)
    .where('service_date', '<=', period.lastDay)
    .groupBy(['community_id', 'user_id'])
    .execute();
  return rows.map((r) => ({ communityId: r.community_id, userId: r.user_id, minutes: Number(r.m) }));
}

/** Accepted service minutes of the given people anywhere in the district in [firstDay, lastDay], by user id. */
export async function acceptedMinutesOfPeople(
  db: Executor,
  districtId: string,
  userIds: readonly string[],
  period: { firstDay: string; lastDay: string },
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_records')
    .select(['user_id', sql<number>`sum(minutes)`.as('m')])
    .where('district_id', '=', districtId)
    .where('user_id', 'in', userIds)
    .where('status', '=', 'accepted')
    .where('service_date', '>=', period.firstDay)
    .where('service_date', '<=', period.lastDay)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.m)]));
}
