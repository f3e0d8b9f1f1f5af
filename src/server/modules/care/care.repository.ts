// Queries of the care registry (关爱台账): Kysely only, executor first.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { Reach } from '../../platform/permissions.js';
import { nodesWithin } from '../org/index.js';
import type { CareSubjectTable, CareVisitorTable, CareVisitTable } from './care.tables.js';

export type SubjectRow = Selectable<CareSubjectTable>;
export type VisitorRow = Selectable<CareVisitorTable>;
export type VisitRow = Selectable<CareVisitTable>;

export async function insertSubject(db: Executor, row: Insertable<CareSubjectTable>): Promise<void> {
  await db.insertInto('care_subjects').values(row).execute();
}

export function findSubject(db: Executor, id: string): Promise<SubjectRow | undefined> {
  return db.selectFrom('care_subjects').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates a subject at its version; false when someone changed it meanwhile. */
export async function updateSubjectAtVersion(
  db: Executor,
  districtId: string,
  id: string,
  version: number,
  patch: Updateable<CareSubjectTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('care_subjects')
    .set({ ...patch, version: version + 1 })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setAlert(
  db: Executor,
  districtId: string,
  id: string,
  alert: string,
  alertDay: string | null,
): Promise<void> {
  await db
    .updateTable('care_subjects')
    .set({ alert, alert_day: alertDay })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
}

interface ListFilter {
  tier?: string;
  /** Only subjects due before this instant, or with an emergency (the alert list: yellow and red). */
  dueBefore?: string;
  /** Only subjects with no emergency due after this instant (blue). */
  notDueBefore?: string;
}

/** Subjects under the actor's care.manage reaches, most urgent first (emergency, then next visit). */
export function listSubjectsWithin(
  db: Executor,
  reaches: readonly Reach[],
  f: ListFilter,
  offset: number,
  limit: number,
): Promise<SubjectRow[]> {
  let q = db.selectFrom('care_subjects').selectAll().where('node_id', 'in', nodesWithin(db, reaches));
  if (f.tier) q = q.where('tier', '=', f.tier);
  const dueBefore = f.dueBefore;
  if (dueBefore) q = q.where((eb) => eb.or([eb('emergency', '=', 1), eb('next_visit_at', '<=', dueBefore)]));
  const notDueBefore = f.notDueBefore;
  if (notDueBefore) q = q.where('emergency', '=', 0).where('next_visit_at', '>', notDueBefore);
  return q.orderBy('emergency', 'desc').orderBy('next_visit_at').orderBy('id').offset(offset).limit(limit).execute();
}

/** Subjects assigned to a visitor, most urgent first. */
export function listSubjectsOfVisitor(
  db: Executor,
  userId: string,
  f: ListFilter,
  offset: number,
  limit: number,
): Promise<SubjectRow[]> {
  let q = db
    .selectFrom('care_subjects as s')
    .innerJoin('care_visitors as v', (j) =>
      j.onRef('v.district_id', '=', 's.district_id').onRef('v.subject_id', '=', 's.id'),
    )
    .selectAll('s')
    .where('v.user_id', '=', userId);
  if (f.tier) q = q.where('s.tier', '=', f.tier);
  const dueBefore = f.dueBefore;
  if (dueBefore) q = q.where((eb) => eb.or([eb('s.emergency', '=', 1), eb('s.next_visit_at', '<=', dueBefore)]));
  const notDueBefore = f.notDueBefore;
  if (notDueBefore) q = q.where('s.emergency', '=', 0).where('s.next_visit_at', '>', notDueBefore);
  return q
    .orderBy('s.emergency', 'desc')
    .orderBy('s.next_visit_at')
    .orderBy('s.id')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function listVisitors(
  db: Executor,
  districtId: string,
  subjectIds: readonly string[],
): Promise<VisitorRow[]> {
  if (subjectIds.length === 0) return [];
  return db
    .selectFrom('care_visitors')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('subject_id', 'in', [...subjectIds])
    .orderBy('assigned_at')
    .execute();
}

export async function insertVisitor(db: Executor, row: Insertable<CareVisitorTable>): Promise<boolean> {
  const r = await db
    .insertInto('care_visitors')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'subject_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertVisit(db: Executor, row: Insertable<CareVisitTable>): Promise<void> {
  await db.insertInto('care_visits').values(row).execute();
}

export function listVisitsOf(db: Executor, districtId: string, subjectId: string, limit: number): Promise<VisitRow[]> {
  return db
    .selectFrom('care_visits')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('subject_id', '=', subjectId)
    .orderBy('visited_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function listVisitsBy(db: Executor, userId: string, offset: number, limit: number): Promise<VisitRow[]> {
  return db
    .selectFrom('care_visits')
    .selectAll()
    .where('visitor_user_id', '=', userId)
    .orderBy('visited_at', 'desc')
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export function subjectsByKey(db: Executor, keys: ReadonlyArray<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([] as SubjectRow[]);
  return db
    .selectFrom('care_subjects')
    .selectAll()
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}

/** Subjects whose stored alert may be stale or that are yellow/red (the daily job): due within `before`. */
export function subjectsToCheck(db: Executor, before: string, afterId: string, limit: number): Promise<SubjectRow[]> {
  return db
    .selectFrom('care_subjects')
    .selectAll()
    .where((eb) => eb.or([eb('next_visit_at', '<=', before), eb('emergency', '=', 1), eb('alert', '!=', 'blue')]))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The subject records of a person (their own copy). */
export function subjectsOfUser(db: Executor, userId: string): Promise<SubjectRow[]> {
  return db.selectFrom('care_subjects').selectAll().where('user_id', '=', userId).execute();
}

/** Visits a person logged as a visitor (their own copy). */
export function visitsByUser(db: Executor, userId: string): Promise<VisitRow[]> {
  return db.selectFrom('care_visits').selectAll().where('visitor_user_id', '=', userId).execute();
}

export function visitsOfSubjects(db: Executor, districtId: string, ids: readonly string[]): Promise<VisitRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('care_visits')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('subject_id', 'in', [...ids])
    .execute();
}
