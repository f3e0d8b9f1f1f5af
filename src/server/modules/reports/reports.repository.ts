// Queries of grid reports. Executor first; typed rows out; no rules, no clock, no AppError.
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { Reach } from '../../platform/permissions.js';
import { nodeFieldOf, nodesAt, nodesWithin } from '../org/index.js';
import type { ReportPhotoTable, ReportStepTable, ReportTable } from './reports.tables.js';

/** A report with its community's, grid's and building's names and paths (the scope staff see it through). */
export type ReportRow = Selectable<ReportTable> & {
  community_name: string;
  community_path: string;
  grid_name: string | null;
  grid_path: string | null;
  building_name: string | null;
};
export type StepRow = Selectable<ReportStepTable>;
export type PhotoRow = Selectable<ReportPhotoTable>;

/** Open states (OPEN_STATES in the rules): work is still owed. */
const OPEN = ['submitted', 'accepted', 'assigned', 'in_progress'] as const;

function reports(db: Executor) {
  return db
    .selectFrom('reports as r')
    .selectAll('r')
    .select((eb) => [
      nodeFieldOf(db, 'name', eb.ref('r.district_id'), eb.ref('r.community_id')).$notNull().as('community_name'),
      nodeFieldOf(db, 'path', eb.ref('r.district_id'), eb.ref('r.community_id')).$notNull().as('community_path'),
      nodeFieldOf(db, 'name', eb.ref('r.district_id'), eb.ref('r.grid_id')).as('grid_name'),
      nodeFieldOf(db, 'path', eb.ref('r.district_id'), eb.ref('r.grid_id')).as('grid_path'),
      nodeFieldOf(db, 'name', eb.ref('r.district_id'), eb.ref('r.building_id')).as('building_name'),
    ]);
}

/** A report by id (its district is read from the row: ids are ULIDs, unique across districts). */
export function findReportById(db: Executor, id: string): Promise<ReportRow | undefined> {
  return reports(db).where('r.id', '=', id).executeTakeFirst();
}

/** A person's report submitted under a client key (a retried submission). */
export function findReportByKey(
  db: Executor,
  districtId: string,
  reporterUserId: string,
  key: string,
): Promise<ReportRow | undefined> {
  return reports(db)
    .where('r.district_id', '=', districtId)
    .where('r.reporter_user_id', '=', reporterUserId)
    .where('r.idempotency_key', '=', key)
    .executeTakeFirst();
}

/**
 * Whether an error is the unique violation of `reports_key_uq` (district, reporter, idempotency key): a twin submission
 * with the same key committed first.
 */
export function isReportKeyClash(e: unknown): boolean {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (err.code === '23505') return err.constraint === 'reports_key_uq';
  return (
    typeof err.message === 'string' &&
    err.message.includes('UNIQUE constraint failed') &&
    err.message.includes('reports.idempotency_key')
  );
}

export async function insertReport(db: Executor, row: Insertable<ReportTable>): Promise<void> {
  await db.insertInto('reports').values(row).execute();
}

/**
 * Changes a report if it is still at `version` (optimistic check), bumping the version; false when someone changed it
 * first. On PostgreSQL the UPDATE waits for a concurrent writer's commit and then re-checks the version, so of two
 * racing confirmations exactly one changes the row.
 */
export async function updateReportAtVersion(
  db: Executor,
  districtId: string,
  id: string,
  version: number,
  set: Updateable<ReportTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('reports')
    .set({ ...set, version: version + 1 })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Sets fields that stand beside the state graph (the reward paid, hidden by flags or a moderator) without bumping the
 * version: they never race a step of the graph.
 */
export async function setReportFields(
  db: Executor,
  districtId: string,
  id: string,
  set: Pick<Updateable<ReportTable>, 'reward_points' | 'rewarded_at' | 'hidden' | 'moderation' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('reports').set(set).where('district_id', '=', districtId).where('id', '=', id).execute();
}

/** One more person joined the report. */
export async function bumpSupporterCount(db: Executor, districtId: string, id: string): Promise<void> {
  await db
    .updateTable('reports')
    .set((eb) => ({ supporter_count: eb('supporter_count', '+', 1) }))
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
}

export interface ReportFilter {
  /** Staff reaches (report.manage): a report is inside when its grid's path (else its community's) starts with one. */
  reaches: Reach[];
  /** The communities above grid reaches: their grid-less reports are inside too. */
  communitiesOfGrids: Reach[];
  statuses?: readonly string[];
  category?: string;
  level?: string;
  /** Only open reports past their current deadline at this instant. */
  overdueAt?: string;
  /** Only open reports escalated above the level they started at. */
  escalated?: boolean;
  /** Only the moderation queue: flagged or hidden, undecided. */
  flagged?: boolean;
  communityId?: string;
  gridId?: string;
  q?: string;
  /** Created from this instant on. */
  since?: string;
}

/** Reports visible to staff through the filter (no cursor, order or limit). */
export function reportsFiltered(db: Executor, f: ReportFilter) {
  let q = reports(db).where((eb) =>
    eb.or([
      eb(eb.fn.coalesce('r.grid_id', 'r.community_id'), 'in', nodesWithin(db, f.reaches)),
      ...(f.communitiesOfGrids.length > 0
        ? [eb.and([eb('r.grid_id', 'is', null), eb('r.community_id', 'in', nodesAt(db, f.communitiesOfGrids))])]
        : []),
    ]),
  );
  if (f.statuses && f.statuses.length > 0) q = q.where('r.status', 'in', [...f.statuses]);
  if (f.category) q = q.where('r.category', '=', f.category);
  if (f.level) q = q.where('r.level', '=', f.level);
  if (f.overdueAt) {
    // Open and past the current level's deadline (isOverdue in the rules); escalation alone is `escalated`.
    q = q
      .where('r.status', 'in', [...OPEN])
      .where('r.due_at', 'is not', null)
      .where('r.due_at', '<', f.overdueAt);
  }
  if (f.escalated) {
    // Open above the level it started at (escalatedFrom in the rules): grid-less reports start at community.
    q = q
      .where('r.status', 'in', [...OPEN])
      .where((eb) =>
        eb.or([
          eb('r.level', '=', 'street'),
          eb.and([eb('r.level', '=', 'community'), eb('r.grid_id', 'is not', null)]),
        ]),
      );
  }
  if (f.flagged) {
    // The moderation queue: flagged or hidden, and no moderator has decided yet.
    q = q.where((eb) => eb.or([eb('r.flag_count', '>', 0), eb('r.hidden', '=', 1)])).where('r.moderation', 'is', null);
  }
  if (f.communityId) q = q.where('r.community_id', '=', f.communityId);
  if (f.gridId) q = q.where('r.grid_id', '=', f.gridId);
  if (f.since) q = q.where('r.created_at', '>=', f.since);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('r.description', 'like', like), eb('r.address', 'like', like)]));
  }
  return q;
}

type Query = ReturnType<typeof reports>;

/** Newest first (created_at, then id), after a keyset cursor; fetches limit + 1 to tell whether more follow. */
function pageOf(q: Query, after: { createdAt: string; id: string } | null, limit: number): Promise<ReportRow[]> {
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('r.created_at', '<', after.createdAt),
        eb.and([eb('r.created_at', '=', after.createdAt), eb('r.id', '<', after.id)]),
      ]),
    );
  }
  return q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export function listReports(
  db: Executor,
  f: ReportFilter,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<ReportRow[]> {
  return pageOf(reportsFiltered(db, f), after, limit);
}

/** How many reports of the filtered list are in each state (ignoring the state filter). */
export async function countByStatus(db: Executor, f: ReportFilter): Promise<Map<string, number>> {
  const rows = await reportsFiltered(db, { ...f, statuses: undefined })
    .clearSelect()
    .select(['r.status as status', sql<number>`count(*)`.as('n')])
    .groupBy('r.status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** How many open reports of the filtered list are in each level. */
export async function countOpenByLevel(db: Executor, f: ReportFilter): Promise<Map<string, number>> {
  const rows = await reportsFiltered(db, {
    ...f,
    statuses: ['submitted', 'accepted', 'assigned', 'in_progress'],
  })
    .clearSelect()
    .select(['r.level as level', sql<number>`count(*)`.as('n')])
    .groupBy('r.level')
    .execute();
  return new Map(rows.map((r) => [r.level, Number(r.n)]));
}

/** Resolved (or later) reports of the filtered list, and of those the ones that never left grid level. */
export async function countResolved(db: Executor, f: ReportFilter): Promise<{ resolved: number; withinGrid: number }> {
  const row = await reportsFiltered(db, { ...f, statuses: ['resolved', 'confirmed', 'closed'] })
    .clearSelect()
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(case when r.level = 'grid' then 1 else 0 end), 0)`.as('grid'),
    ])
    .executeTakeFirst();
  return { resolved: Number(row?.n ?? 0), withinGrid: Number(row?.grid ?? 0) };
}

/** A person's own reports and the ones they joined, newest first. */
export function listMine(
  db: Executor,
  userId: string,
  status: string | undefined,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<ReportRow[]> {
  let q = reports(db).where((eb) =>
    eb.or([
      eb('r.reporter_user_id', '=', userId),
      eb('r.id', 'in', db.selectFrom('report_supporters as s').select('s.report_id').where('s.user_id', '=', userId)),
    ]),
  );
  if (status) q = q.where('r.status', '=', status);
  return pageOf(q, after, limit);
}

/**
 * Open reports of a category inside a box of 1e-7° coordinates (the exact distance is the caller's): public and not
 * hidden, or the person's own.
 */
export function openReportsInBox(
  db: Executor,
  input: {
    districtId: string;
    category: string;
    box: { minLat: number; maxLat: number; minLng: number; maxLng: number };
    userId: string;
  },
): Promise<ReportRow[]> {
  return reports(db)
    .where('r.district_id', '=', input.districtId)
    .where('r.category', '=', input.category)
    .where('r.lat_e7', '>=', input.box.minLat)
    .where('r.lat_e7', '<=', input.box.maxLat)
    .where('r.lng_e7', '>=', input.box.minLng)
    .where('r.lng_e7', '<=', input.box.maxLng)
    .where('r.status', 'in', ['submitted', 'accepted', 'assigned', 'in_progress'])
    .where((eb) =>
      eb.or([
        eb.and([eb('r.visibility', '=', 'public'), eb('r.hidden', '=', 0)]),
        eb('r.reporter_user_id', '=', input.userId),
      ]),
    )
    .limit(200)
    .execute();
}

/** The public board: a district's public, unhidden reports, newest first. */
export function listPublic(
  db: Executor,
  f: { districtId: string; communityId?: string; category?: string; status?: string },
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<ReportRow[]> {
  let q = reports(db)
    .where('r.district_id', '=', f.districtId)
    .where('r.visibility', '=', 'public')
    .where('r.hidden', '=', 0);
  if (f.communityId) q = q.where('r.community_id', '=', f.communityId);
  if (f.category) q = q.where('r.category', '=', f.category);
  if (f.status) q = q.where('r.status', '=', f.status);
  return pageOf(q, after, limit);
}

// ------------------------------------------------------------------------------------------------ timeline

export async function insertStep(db: Executor, row: Insertable<ReportStepTable>): Promise<void> {
  await db.insertInto('report_steps').values(row).execute();
}

/** A report's timeline, oldest first. */
export function stepsOf(db: Executor, districtId: string, reportId: string): Promise<StepRow[]> {
  return db
    .selectFrom('report_steps')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

/** The timelines of several reports of a district, oldest first. */
export function stepsOfMany(db: Executor, districtId: string, reportIds: readonly string[]): Promise<StepRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_steps')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('report_id', 'in', [...new Set(reportIds)])
    .orderBy('id')
    .execute();
}

// ------------------------------------------------------------------------------------------------ photos

export async function insertPhoto(db: Executor, row: Insertable<ReportPhotoTable>): Promise<void> {
  await db.insertInto('report_photos').values(row).execute();
}

export function findPhoto(db: Executor, id: string): Promise<PhotoRow | undefined> {
  return db.selectFrom('report_photos').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Attaches a person's unattached photos to a report (and a step), moving them into the report's district (a rider may
 * upload at home and report elsewhere); returns how many were attached, so the caller can refuse when some were
 * missing, someone else's or already used.
 */
export async function attachPhotos(
  db: Executor,
  input: {
    districtId: string;
    ids: readonly string[];
    uploaderUserId: string;
    reportId: string;
    stepId: string | null;
  },
): Promise<number> {
  if (input.ids.length === 0) return 0;
  const res = await db
    .updateTable('report_photos')
    .set({ district_id: input.districtId, report_id: input.reportId, step_id: input.stepId })
    .where('id', 'in', [...new Set(input.ids)])
    .where('uploader_user_id', '=', input.uploaderUserId)
    .where('report_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Photos nobody attached to a report, uploaded before the cutoff (the cleanup job removes them). */
export function unattachedPhotosBefore(db: Executor, cutoff: string, limit: number): Promise<PhotoRow[]> {
  return db
    .selectFrom('report_photos')
    .selectAll()
    .where('report_id', 'is', null)
    .where('created_at', '<', cutoff)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** Removes a photo's row if it is still unattached; false when a report took it meanwhile. */
export async function deleteUnattachedPhoto(db: Executor, districtId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('report_photos')
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('report_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** The photos of reports of a district, oldest first. */
export function photosOf(db: Executor, districtId: string, reportIds: readonly string[]): Promise<PhotoRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_photos')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('report_id', 'in', [...new Set(reportIds)])
    .orderBy('id')
    .execute();
}

// ------------------------------------------------------------------------------------------------ supporters, flags

/** Adds a supporter; false when they had joined already. */
export async function insertSupporter(
  db: Executor,
  row: { district_id: string; report_id: string; user_id: string; created_at: string },
): Promise<boolean> {
  const res = await db
    .insertInto('report_supporters')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'report_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return res.length === 1;
}

export async function supportersOf(db: Executor, districtId: string, reportId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('report_supporters')
    .select('user_id')
    .where('district_id', '=', districtId)
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.user_id);
}

/** Of these reports, the ones the person joined. */
export async function joinedBy(db: Executor, userId: string, reportIds: readonly string[]): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('report_supporters')
    .select('report_id')
    .where('user_id', '=', userId)
    .where('report_id', 'in', [...new Set(reportIds)])
    .execute();
  return new Set(rows.map((r) => r.report_id));
}

/** Adds a person's flag; false when they had flagged it already. */
export async function insertFlag(
  db: Executor,
  row: {
    district_id: string;
    report_id: string;
    user_id: string;
    reason: string;
    note: string | null;
    created_at: string;
  },
): Promise<boolean> {
  const res = await db
    .insertInto('report_flags')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'report_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return res.length === 1;
}

/** Raises a report's flag count by one and returns the new count (the row stays locked until commit). */
export async function bumpFlagCount(db: Executor, districtId: string, id: string): Promise<number> {
  await db
    .updateTable('reports')
    .set((eb) => ({ flag_count: eb('flag_count', '+', 1) }))
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
  const row = await db
    .selectFrom('reports')
    .select('flag_count')
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(row?.flag_count ?? 0);
}

// ------------------------------------------------------------------------------------------------ rewards

/**
 * A person's report reward points on a China day, with their row locked until commit: the row is made on first use,
 * then a no-op UPDATE takes its lock (PostgreSQL: a concurrent payer waits here and then reads the committed sum).
 */
export async function lockRewardDay(db: Executor, districtId: string, userId: string, day: string): Promise<number> {
  await db
    .insertInto('report_reward_days')
    .values({ district_id: districtId, user_id: userId, day, points: 0 })
    .onConflict((oc) => oc.columns(['district_id', 'user_id', 'day']).doNothing())
    .execute();
  await db
    .updateTable('report_reward_days')
    .set((eb) => ({ points: eb.ref('points') }))
    .where('district_id', '=', districtId)
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .execute();
  const row = await db
    .selectFrom('report_reward_days')
    .select('points')
    .where('district_id', '=', districtId)
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .executeTakeFirst();
  return Number(row?.points ?? 0);
}

export async function addRewardDay(
  db: Executor,
  districtId: string,
  userId: string,
  day: string,
  points: number,
): Promise<void> {
  await db
    .updateTable('report_reward_days')
    .set((eb) => ({ points: eb('points', '+', points) }))
    .where('district_id', '=', districtId)
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .execute();
}

// ------------------------------------------------------------------------------------------------ jobs

/** Open reports past their deadline below street level (to escalate), oldest deadline first. */
export function overdueToEscalate(db: Executor, now: string, limit: number): Promise<ReportRow[]> {
  return reports(db)
    .where('r.status', 'in', ['submitted', 'accepted', 'assigned', 'in_progress'])
    .where('r.due_at', 'is not', null)
    .where('r.due_at', '<', now)
    .where('r.level', '!=', 'street')
    .orderBy('r.due_at')
    .limit(limit)
    .execute();
}

/** Districts with resolved reports (the auto-confirm job reads each district's waiting period). */
export async function districtsWithResolved(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('reports')
    .select('district_id')
    .where('status', '=', 'resolved')
    .distinct()
    .execute();
  return rows.map((r) => r.district_id);
}

/** A district's reports resolved at or before the cutoff (to confirm automatically). */
export function resolvedBefore(db: Executor, districtId: string, cutoff: string, limit: number): Promise<ReportRow[]> {
  return reports(db)
    .where('r.district_id', '=', districtId)
    .where('r.status', '=', 'resolved')
    .where('r.resolved_at', '<=', cutoff)
    .orderBy('r.resolved_at')
    .limit(limit)
    .execute();
}
