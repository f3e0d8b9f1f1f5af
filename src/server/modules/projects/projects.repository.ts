// Every query of resources, projects, their links, claims and generated activities. Executor first; typed rows out;
// no rules, no clock, no AppError. Scope arrives as community ids (the org module resolves reaches to communities),
// so no query here reads another module's table.
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { ProjectActivityTable, ProjectClaimTable, ProjectTable, ResourceTable } from './projects.tables.js';

/** A reach of a grant: a district and an org path prefix. */
export interface Reach {
  districtId: string;
  path: string;
}

/** Communities a list may show, by district (resolved by the org module from the actor's reaches). */
export type CommunityIds = ReadonlyMap<string, readonly string[]>;

function inCommunities<T extends 'r' | 'p'>(alias: T, ids: CommunityIds) {
  return Array.from(ids, ([districtId, communityIds]) => ({ alias, districtId, communityIds: [...communityIds] }));
}

// ---------------------------------------------------------------------------------------------------- resources

export type ResourceRow = Selectable<ResourceTable>;

function resources(db: Executor) {
  return db.selectFrom('resources as r').selectAll('r');
}

export function findResource(db: Executor, id: string): Promise<ResourceRow | undefined> {
  return resources(db).where('r.id', '=', id).executeTakeFirst();
}

export function findResourcesByIds(db: Executor, districtId: string, ids: readonly string[]): Promise<ResourceRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return resources(db)
    .where('r.district_id', '=', districtId)
    .where('r.id', 'in', [...ids])
    .orderBy('r.id')
    .execute();
}

export interface ResourceFilter {
  communities: CommunityIds;
  kind?: string;
  providerKind?: string;
  status?: string;
  q?: string;
}

export function resourcesFiltered(db: Executor, f: ResourceFilter) {
  let q = resources(db).where((eb) =>
    eb.or(
      inCommunities('r', f.communities).map((c) =>
        eb.and([eb('r.district_id', '=', c.districtId), eb('r.community_id', 'in', c.communityIds)]),
      ),
    ),
  );
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.providerKind) q = q.where('r.provider_kind', '=', f.providerKind);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('r.title', 'like', like), eb('r.provider_name', 'like', like)]));
  }
  return q;
}

export function listResources(db: Executor, f: ResourceFilter, beforeId: string | null, limit: number) {
  let q = resourcesFiltered(db, f);
  if (beforeId) q = q.where('r.id', '<', beforeId);
  return q.orderBy('r.id', 'desc').limit(limit).execute();
}

/** The active resources of some communities of one district (matching reads them all: a street's worth). */
export function listActiveResourcesIn(
  db: Executor,
  districtId: string,
  communityIds: readonly string[],
): Promise<ResourceRow[]> {
  if (communityIds.length === 0) return Promise.resolve([]);
  return resources(db)
    .where('r.district_id', '=', districtId)
    .where('r.community_id', 'in', [...communityIds])
    .where('r.status', '=', 'active')
    .orderBy('r.id')
    .limit(2000)
    .execute();
}

export async function insertResource(db: Executor, row: Insertable<ResourceTable>): Promise<void> {
  await db.insertInto('resources').values(row).execute();
}

export async function updateResource(
  db: Executor,
  districtId: string,
  id: string,
  set: Updateable<ResourceTable>,
): Promise<void> {
  await db.updateTable('resources').set(set).where('district_id', '=', districtId).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------- projects

export type ProjectRow = Selectable<ProjectTable>;

function projects(db: Executor) {
  return db.selectFrom('projects as p').selectAll('p');
}

export function findProject(db: Executor, id: string): Promise<ProjectRow | undefined> {
  return projects(db).where('p.id', '=', id).executeTakeFirst();
}

export interface ProjectFilter {
  /** Communities where every project is visible (staff). */
  staff: CommunityIds;
  /** Communities where published projects are visible (partner contacts), and the units whose claims show theirs. */
  partner: CommunityIds;
  unitIds: string[];
  status?: string;
  q?: string;
}

export function projectsFiltered(db: Executor, f: ProjectFilter) {
  let q = projects(db).where((eb) =>
    eb.or([
      ...inCommunities('p', f.staff).map((c) =>
        eb.and([eb('p.district_id', '=', c.districtId), eb('p.community_id', 'in', c.communityIds)]),
      ),
      ...inCommunities('p', f.partner).map((c) =>
        eb.and([
          eb('p.district_id', '=', c.districtId),
          eb('p.community_id', 'in', c.communityIds),
          eb('p.status', '=', 'published'),
        ]),
      ),
      ...(f.unitIds.length
        ? [
            eb.exists(
              eb
                .selectFrom('project_claims as k')
                .select('k.id')
                .whereRef('k.district_id', '=', 'p.district_id')
                .whereRef('k.project_id', '=', 'p.id')
                .where('k.partner_unit_id', 'in', f.unitIds),
            ),
          ]
        : []),
    ]),
  );
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.q) q = q.where('p.title', 'like', `%${f.q}%`);
  return q;
}

export function listProjects(db: Executor, f: ProjectFilter, beforeId: string | null, limit: number) {
  let q = projectsFiltered(db, f);
  if (beforeId) q = q.where('p.id', '<', beforeId);
  return q.orderBy('p.id', 'desc').limit(limit).execute();
}

export async function insertProject(db: Executor, row: Insertable<ProjectTable>): Promise<void> {
  await db.insertInto('projects').values(row).execute();
}

export async function updateProject(
  db: Executor,
  districtId: string,
  id: string,
  set: Updateable<ProjectTable>,
): Promise<void> {
  await db.updateTable('projects').set(set).where('district_id', '=', districtId).where('id', '=', id).execute();
}

/**
 * Moves a project from one state to another only if it is still in `from`: true when this call moved it. On
 * PostgreSQL the row stays locked to the end of the transaction, so concurrent reviews of one project run in turn.
 */
export async function moveProject(
  db: Executor,
  districtId: string,
  id: string,
  from: string,
  set: Updateable<ProjectTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('projects')
    .set(set)
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Locks the project row (PostgreSQL) by touching it; the caller then reads it fresh. */
export async function lockProject(db: Executor, districtId: string, id: string): Promise<void> {
  await db
    .updateTable('projects')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .execute();
}

/** Counts of linked needs, resources and pending claims per project. */
export async function projectCounts(
  db: Executor,
  districtId: string,
  ids: readonly string[],
): Promise<Map<string, { needs: number; resources: number; pending: number }>> {
  const out = new Map(ids.map((id) => [id, { needs: 0, resources: 0, pending: 0 }]));
  if (ids.length === 0) return out;
  const [needs, res, claims] = await Promise.all([
    db
      .selectFrom('project_needs')
      .select(['project_id', sql<number>`count(*)`.as('n')])
      .where('district_id', '=', districtId)
      .where('project_id', 'in', [...ids])
      .groupBy('project_id')
      .execute(),
    db
      .selectFrom('project_resources')
      .select(['project_id', sql<number>`count(*)`.as('n')])
      .where('district_id', '=', districtId)
      .where('project_id', 'in', [...ids])
      .groupBy('project_id')
      .execute(),
    db
      .selectFrom('project_claims')
      .select(['project_id', sql<number>`count(*)`.as('n')])
      .where('district_id', '=', districtId)
      .where('project_id', 'in', [...ids])
      .where('status', '=', 'pending')
      .groupBy('project_id')
      .execute(),
  ]);
  for (const r of needs) {
    const c = out.get(r.project_id);
    if (c) c.needs = Number(r.n);
  }
  for (const r of res) {
    const c = out.get(r.project_id);
    if (c) c.resources = Number(r.n);
  }
  for (const r of claims) {
    const c = out.get(r.project_id);
    if (c) c.pending = Number(r.n);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------- links

export async function linkedNeedIds(db: Executor, districtId: string, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('project_needs')
    .select('need_id')
    .where('district_id', '=', districtId)
    .where('project_id', '=', projectId)
    .orderBy('need_id')
    .execute();
  return rows.map((r) => r.need_id);
}

export async function insertProjectNeeds(
  db: Executor,
  districtId: string,
  projectId: string,
  needIds: readonly string[],
  at: string,
): Promise<void> {
  if (needIds.length === 0) return;
  await db
    .insertInto('project_needs')
    .values(needIds.map((need_id) => ({ district_id: districtId, project_id: projectId, need_id, created_at: at })))
    .execute();
}

export async function linkedResourceIds(db: Executor, districtId: string, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('project_resources')
    .select('resource_id')
    .where('district_id', '=', districtId)
    .where('project_id', '=', projectId)
    .orderBy('resource_id')
    .execute();
  return rows.map((r) => r.resource_id);
}

/** Replaces the project's resources with `resourceIds`. */
export async function setProjectResources(
  db: Executor,
  districtId: string,
  projectId: string,
  resourceIds: readonly string[],
  at: string,
): Promise<void> {
  await db
    .deleteFrom('project_resources')
    .where('district_id', '=', districtId)
    .where('project_id', '=', projectId)
    .execute();
  if (resourceIds.length === 0) return;
  await db
    .insertInto('project_resources')
    .values(
      resourceIds.map((resource_id) => ({
        district_id: districtId,
        project_id: projectId,
        resource_id,
        created_at: at,
      })),
    )
    .execute();
}

export async function insertProjectActivity(db: Executor, row: Insertable<ProjectActivityTable>): Promise<void> {
  await db.insertInto('project_activities').values(row).execute();
}

export async function linkedActivityIds(db: Executor, districtId: string, projectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('project_activities')
    .select('activity_id')
    .where('district_id', '=', districtId)
    .where('project_id', '=', projectId)
    .orderBy('activity_id')
    .execute();
  return rows.map((r) => r.activity_id);
}

// ---------------------------------------------------------------------------------------------------- claims

export type ClaimRow = Selectable<ProjectClaimTable>;

export function findClaim(db: Executor, id: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('project_claims').selectAll().where('id', '=', id).executeTakeFirst();
}

export function claimsOf(db: Executor, districtId: string, projectId: string): Promise<ClaimRow[]> {
  return db
    .selectFrom('project_claims')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('project_id', '=', projectId)
    .orderBy('id')
    .execute();
}

/** The unit's live (pending or approved) claim on the project, if any. */
export function findLiveClaim(
  db: Executor,
  districtId: string,
  projectId: string,
  unitId: string,
): Promise<ClaimRow | undefined> {
  return db
    .selectFrom('project_claims')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('project_id', '=', projectId)
    .where('live_unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function insertClaim(db: Executor, row: Insertable<ProjectClaimTable>): Promise<void> {
  await db.insertInto('project_claims').values(row).execute();
}

/** Moves a pending claim; false when it was no longer pending. */
export async function decideClaim(
  db: Executor,
  districtId: string,
  id: string,
  set: Updateable<ProjectClaimTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('project_claims')
    .set(set)
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Rejects every other pending claim of the project (one was approved); returns their ids. */
export async function rejectOtherPending(
  db: Executor,
  districtId: string,
  projectId: string,
  keepId: string,
  set: Updateable<ProjectClaimTable>,
): Promise<string[]> {
  const rows = await db
    .updateTable('project_claims')
    .set(set)
    .where('district_id', '=', districtId)
    .where('project_id', '=', projectId)
    .where('status', '=', 'pending')
    .where('id', '!=', keepId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Whether an error is the unique violation of `project_claims_live_uq`: the same unit's other live claim on the
 * project committed first.
 */
export function isLiveClaimClash(e: unknown): boolean {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (err.code === '23505') return err.constraint === 'project_claims_live_uq';
  return (
    typeof err.message === 'string' &&
    err.message.includes('UNIQUE constraint failed') &&
    err.message.includes('project_claims.live_unit_id')
  );
}
