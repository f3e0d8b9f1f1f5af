// Queries of service records, ratings and certificates.
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { userNameOf } from '../accounts/index.js';
import { nodeFieldOf, nodesUnder, nodesWithin } from '../org/index.js';
import { teamFieldOf, teamsLedBy, volunteerNoOf } from '../volunteers/index.js';
import { activityFacts } from './records.ports.js';
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
  // The activity's facts come through the port activities fill (records cannot import activities); service recorded
  // after the fact has no activity: its row carries category, place and content itself.
  const fact = activityFacts.get().fieldOf;
  return db
    .selectFrom('service_records as r')
    .selectAll('r')
    .select((eb) => {
      const of = (field: Parameters<typeof fact>[1]) =>
        fact(db, field, eb.ref('r.district_id'), eb.ref('r.activity_id'));
      return [
        // After-the-fact service: titled by what was done, from midnight (China time) of its day to when it was recorded.
        sql<string>`coalesce(${of('title')}, r.content, '')`.as('title'),
        sql<string>`coalesce(${of('category')}, r.category, '')`.as('category'),
        sql<string>`coalesce(${of('starts_at')}, r.service_date || 'T00:00:00+08:00')`.as('starts_at'),
        sql<string>`coalesce(${of('ends_at')}, r.created_at)`.as('ends_at'),
        sql<string | null>`${of('beneficiaries')}`.as('beneficiaries'),
        sql<number | null>`${of('points_per_hour')}`.as('points_per_hour'),
        nodeFieldOf(db, 'name', eb.ref('r.district_id'), eb.ref('r.community_id')).$notNull().as('community_name'),
        nodeFieldOf(db, 'path', eb.ref('r.district_id'), eb.ref('r.community_id')).$notNull().as('community_path'),
        teamFieldOf(db, 'name', eb.ref('r.district_id'), eb.ref('r.team_id')).as('team_name'),
        teamFieldOf(db, 'leader_user_id', eb.ref('r.district_id'), eb.ref('r.team_id')).as('leader_user_id'),
        userNameOf(db, eb.ref('r.user_id')).$notNull().as('display_name'),
        volunteerNoOf(db, eb.ref('r.district_id'), eb.ref('r.user_id')).as('volunteer_no'),
      ];
    });
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
        ...(f.reaches.length ? [eb('r.community_id', 'in', nodesWithin(db, f.reaches))] : []),
        ...(f.leaderOf ? [eb('r.team_id', 'in', teamsLedBy(db, f.leaderOf))] : []),
      ];
      return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
    });
  }
  if (f.userId) q = q.where('r.user_id', '=', f.userId);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.activityId) q = q.where('r.activity_id', '=', f.activityId);
  if (f.teamId) q = q.where('r.team_id', '=', f.teamId);
  if (f.communityPath) q = q.where('r.community_id', 'in', nodesUnder(db, f.communityPath));
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
  return activityFacts.get().attended(db, districtId, activityId, userId);
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

/** Accepted records of a person grouped by activity category (certificate content), in order of first service. */
export async function acceptedByCategory(db: Executor, districtId: string, userId: string) {
  const fact = activityFacts.get().fieldOf;
  const rows = await db
    .selectFrom('service_records as r')
    .select((eb) => [
      sql<string>`coalesce(${fact(db, 'category', eb.ref('r.district_id'), eb.ref('r.activity_id'))}, r.category, '')`.as(
        'category',
      ),
      'r.after_the_fact',
      'r.minutes',
      'r.service_date',
    ])
    .where('r.district_id', '=', districtId)
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'accepted')
    .orderBy('r.service_date')
    .orderBy('r.id')
    .execute();
  // Grouped here: the category is a subquery through the activities port, which SQL cannot group by portably.
  const groups = new Map<
    string,
    { category: string; late: number; m: number; n: number; first: string; last: string }
  >();
  for (const r of rows) {
    const g = groups.get(r.category);
    const late = r.after_the_fact ? r.minutes : 0;
    if (!g) {
      groups.set(r.category, {
        category: r.category,
        late,
        m: r.minutes,
        n: 1,
        first: r.service_date,
        last: r.service_date,
      });
    } else {
      g.late += late;
      g.m += r.minutes;
      g.n += 1;
      if (r.service_date < g.first) g.first = r.service_date;
      if (r.service_date > g.last) g.last = r.service_date;
    }
  }
  return [...groups.values()];
}

/** A person's accepted records one per row (date, what was done, minutes), for the certificate's optional rows. */
export async function acceptedRowsForCertificate(db: Executor, districtId: string, userId: string, limit: number) {
  const fact = activityFacts.get().fieldOf;
  const rows = await db
    .selectFrom('service_records as r')
    .select((eb) => [
      sql<string>`coalesce(${fact(db, 'title', eb.ref('r.district_id'), eb.ref('r.activity_id'))}, r.content, r.category, '')`.as(
        'title',
      ),
      'r.minutes',
      'r.service_date',
    ])
    .where('r.district_id', '=', districtId)
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'accepted')
    .orderBy('r.service_date')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ date: r.service_date, title: r.title, minutes: Number(r.minutes) }));
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

/** Service records by (district, id) with the person who served, for other modules (the audit log names them). */
export function recordPeopleByKey(db: Executor, keys: ReadonlyArray<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_records')
    .select(['district_id', 'id', 'user_id'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}

// ------------------------------------------------------------------------ service facts for volunteers (port)

/** Accepted service minutes (all time) per person in a district. */
export async function acceptedMinutesAllTime(
  db: Executor,
  districtId: string,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_records')
    .select(['user_id', sql<number>`coalesce(sum(minutes), 0)`.as('m')])
    .where('district_id', '=', districtId)
    .where('status', '=', 'accepted')
    .where('user_id', 'in', [...userIds])
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.m)]));
}

/** A team's accepted minutes and the average rating of its activities' service. */
export async function teamServiceTotals(db: Executor, districtId: string, teamId: string) {
  const minutes = await db
    .selectFrom('service_records')
    .select(sql<number>`coalesce(sum(minutes), 0)`.as('m'))
    .where('district_id', '=', districtId)
    .where('team_id', '=', teamId)
    .where('status', '=', 'accepted')
    .executeTakeFirstOrThrow();
  const rating = await db
    .selectFrom('ratings')
    .select([sql<number | null>`avg(score)`.as('avg'), sql<number>`count(*)`.as('n')])
    .where('district_id', '=', districtId)
    .where('team_id', '=', teamId)
    .where('target', '=', 'service')
    .executeTakeFirstOrThrow();
  return {
    acceptedMinutes: Number(minutes.m),
    ratingAverage: rating.avg === null ? null : Math.round(Number(rating.avg) * 10) / 10,
    ratingCount: Number(rating.n),
  };
}

/** Average service rating of the activities a volunteer served in (accepted records). */
export async function volunteerRating(
  db: Executor,
  districtId: string,
  userId: string,
): Promise<{ avg: number | null; n: number }> {
  const row = await db
    .selectFrom('ratings as r')
    .select([sql<number | null>`avg(r.score)`.as('avg'), sql<number>`count(*)`.as('n')])
    .where('r.district_id', '=', districtId)
    .where('r.target', '=', 'service')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_records as s')
          .select('s.id')
          .whereRef('s.district_id', '=', 'r.district_id')
          .whereRef('s.activity_id', '=', 'r.activity_id')
          .where('s.user_id', '=', userId)
          .where('s.status', '=', 'accepted'),
      ),
    )
    .executeTakeFirstOrThrow();
  return { avg: row.avg === null ? null : Math.round(Number(row.avg) * 10) / 10, n: Number(row.n) };
}
