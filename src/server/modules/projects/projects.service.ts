// Projects (项目清单): the community bundles needs and resources into a project with a budget, publishes it for
// partner units to claim, and once a claim is approved generates activities for it (through the activities
// module). States: projects.rules.ts.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { must } from '../../platform/must.js';
import { type CountedPage, countRows, decodeCursor, toPage, withTotal } from '../../platform/pagination.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Executor, type Tx } from '../../db/transaction.js';
import { type Activity, createActivity, getActivity } from '../activities/index.js';
import { listPersonHomes } from '../accounts/index.js';
import { managedCommunity, toResource } from './resources.service.js';
import { communitiesWithin, idsByDistrict, type Located, locate, locateOne } from './projects.scope.js';
import * as repo from './projects.repository.js';
import { linkNeeds, needSummaries } from './projects.needs.js';
import { managesProjects, partnerReaches, representedUnits, staffReaches } from './projects.policy.js';
import {
  canGenerateActivities,
  type ClaimState,
  nextProjectState,
  type ProjectAction,
  type ProjectState,
} from './projects.rules.js';
import type {
  CreateProject,
  ListProjects,
  Project,
  ProjectActivityInput,
  ProjectClaim,
  ProjectDetail,
  UpdateProject,
} from './projects.schemas.js';

/** Presents project rows with their counts. */
async function present(db: Executor, actor: Actor, rows: Located<repo.ProjectRow>[]): Promise<Project[]> {
  const byDistrict = new Map<string, string[]>();
  for (const r of rows) byDistrict.set(r.district_id, [...(byDistrict.get(r.district_id) ?? []), r.id]);
  const counts = new Map<string, { needs: number; resources: number; pending: number }>();
  for (const [districtId, ids] of byDistrict)
    for (const [id, c] of await repo.projectCounts(db, districtId, ids)) counts.set(id, c);
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { needs: 0, resources: 0, pending: 0 };
    return {
      id: r.id,
      districtId: r.district_id,
      communityId: r.community_id,
      communityName: r.community_name,
      title: r.title,
      description: r.description,
      budgetFen: Number(r.budget_fen),
      status: r.status as ProjectState,
      statusReason: r.status_reason,
      claimedUnitId: r.claimed_unit_id,
      claimedUnitName: r.claimed_unit_name,
      suggestionId: r.suggestion_id,
      needCount: c.needs,
      resourceCount: c.resources,
      pendingClaims: c.pending,
      publishedAt: r.published_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      canManage: managesProjects(actor, { districtId: r.district_id, path: r.community_path }),
    };
  });
}

/** A project the actor manages; NOT_FOUND otherwise (also when it exists elsewhere). */
export async function loadManagedProject(db: Executor, actor: Actor, id: string): Promise<Located<repo.ProjectRow>> {
  const p = await locateOne(db, await repo.findProject(db, id));
  if (!p || !managesProjects(actor, { districtId: p.district_id, path: p.community_path })) throw notFound('project');
  return p;
}

/** The state after an action, or PROJECT_STATE naming the current state and the action. */
export function projectStep(p: { status: string }, action: ProjectAction): ProjectState {
  const next = nextProjectState(p.status as ProjectState, action);
  // The words for the refused step ({action} of PROJECT_STATE), e.g. project_publish → 发布.
  const step = `project_${action}`;
  if (!next) throw new AppError('PROJECT_STATE', { status: `project_${p.status}`, action: step });
  return next;
}

/** Checks resource ids: each an active resource of the project's district the actor manages. */
async function checkResources(
  db: Executor,
  actor: Actor,
  districtId: string,
  ids: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids)];
  const rows = await locate(db, await repo.findResourcesByIds(db, districtId, unique));
  for (const id of unique) {
    const r = rows.find((x) => x.id === id);
    if (!r || !managesProjects(actor, { districtId: r.district_id, path: r.community_path }))
      throw notFound('resource');
    if (r.status !== 'active') throw new AppError('RESOURCE_ARCHIVED', { title: r.title });
  }
  return unique;
}

export interface NewProject {
  communityId: string;
  title: string;
  description: string;
  budgetFen: number;
  needIds: readonly string[];
  resourceIds: readonly string[];
  publish?: boolean;
  suggestionId?: string | null;
}

/**
 * Creates a project in the caller's transaction (audited): links its needs and resources, published at once when
 * asked. The suggestion box calls it to turn a suggestion into a project in the same transaction.
 */
export async function insertProject(deps: Deps, trx: Tx, actor: Actor, input: NewProject): Promise<string> {
  const community = await managedCommunity(trx, actor, input.communityId);
  const resourceIds = await checkResources(trx, actor, community.district_id, input.resourceIds);
  const needIds = [...new Set(input.needIds)];
  const id = newId();
  const now = iso(deps.clock.now());
  await repo.insertProject(trx, {
    district_id: community.district_id,
    id,
    community_id: community.id,
    title: input.title,
    description: input.description,
    budget_fen: input.budgetFen,
    status: input.publish ? 'published' : 'draft',
    status_reason: null,
    claimed_unit_id: null,
    claimed_unit_name: null,
    claim_id: null,
    suggestion_id: input.suggestionId ?? null,
    created_by: actor.userId,
    published_at: input.publish ? now : null,
    created_at: now,
    updated_at: now,
  });
  await linkNeeds(deps, trx, actor, { districtId: community.district_id, id, communityId: community.id }, needIds);
  await repo.insertProjectNeeds(trx, community.district_id, id, needIds, now);
  await repo.setProjectResources(trx, community.district_id, id, resourceIds, now);
  await recordAudit(trx, deps.clock, actor, {
    districtId: community.district_id,
    action: 'project.create',
    targetType: 'project',
    targetId: id,
    scopeNodeId: community.id,
    scopePath: community.path,
    details: {
      title: input.title,
      budgetFen: input.budgetFen,
      needIds,
      resourceIds,
      published: !!input.publish,
      suggestionId: input.suggestionId ?? null,
    },
  });
  return id;
}

/** Creates a project (draft, or published at once) bundling needs and resources. */
export async function createProject(deps: Deps, actor: Actor, input: CreateProject): Promise<ProjectDetail> {
  const id = await inTransaction(deps.db, ({ trx }) => insertProject(deps, trx, actor, input));
  return getProject(deps, actor, id);
}

/** Edits a draft or published project: texts, budget, more needs, the resources it uses (audited). */
export async function updateProject(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: UpdateProject,
): Promise<ProjectDetail> {
  await inTransaction(deps.db, async ({ trx }) => {
    const p = await loadManagedProject(trx, actor, id);
    projectStep(p, 'edit');
    const now = iso(deps.clock.now());
    await repo.updateProject(trx, p.district_id, p.id, {
      title: patch.title ?? p.title,
      description: patch.description ?? p.description,
      budget_fen: patch.budgetFen ?? p.budget_fen,
      updated_at: now,
    });
    let added: string[] = [];
    if (patch.addNeedIds?.length) {
      const already = new Set(await repo.linkedNeedIds(trx, p.district_id, p.id));
      added = [...new Set(patch.addNeedIds)].filter((n) => !already.has(n));
      await linkNeeds(deps, trx, actor, { districtId: p.district_id, id: p.id, communityId: p.community_id }, added);
      await repo.insertProjectNeeds(trx, p.district_id, p.id, added, now);
    }
    if (patch.resourceIds) {
      const ids = await checkResources(trx, actor, p.district_id, patch.resourceIds);
      await repo.setProjectResources(trx, p.district_id, p.id, ids, now);
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: p.district_id,
      action: 'project.update',
      targetType: 'project',
      targetId: p.id,
      scopeNodeId: p.community_id,
      scopePath: p.community_path,
      details: { fields: Object.keys(patch), addedNeedIds: added },
    });
  });
  return getProject(deps, actor, id);
}

/** Moves a project by a staff action (publish, start, finish, withdraw with a reason), audited. */
async function moveByStaff(
  deps: Deps,
  actor: Actor,
  id: string,
  action: 'publish' | 'start' | 'finish' | 'withdraw',
  reason: string | null,
): Promise<ProjectDetail> {
  await inTransaction(deps.db, async ({ trx }) => {
    const p = await loadManagedProject(trx, actor, id);
    const next = projectStep(p, action);
    const now = iso(deps.clock.now());
    const moved = await repo.moveProject(trx, p.district_id, p.id, p.status, {
      status: next,
      status_reason: action === 'withdraw' ? reason : p.status_reason,
      published_at: action === 'publish' ? now : p.published_at,
      updated_at: now,
    });
    // Another request moved it first (a claim approved, a second tap): answer with the state it is in now.
    if (!moved) projectStep(must(await repo.findProject(trx, id), `project ${id}`), action);
    if (action === 'withdraw') {
      // Pending claims end with the project: the units hear why.
      await repo.rejectOtherPending(trx, p.district_id, p.id, '', {
        status: 'rejected',
        live_unit_id: null,
        reject_reason: reason,
        reviewed_by: actor.userId,
        reviewed_at: now,
        updated_at: now,
      });
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: p.district_id,
      action: `project.${action}`,
      targetType: 'project',
      targetId: p.id,
      scopeNodeId: p.community_id,
      scopePath: p.community_path,
      details: { from: p.status, to: next, reason },
    });
  });
  return getProject(deps, actor, id);
}

/** Publishes a draft so partner units can see and claim it. */
export function publishProject(deps: Deps, actor: Actor, id: string): Promise<ProjectDetail> {
  return moveByStaff(deps, actor, id, 'publish', null);
}

/** Marks a claimed project as under way (generating its first activity does this too). */
export function startProject(deps: Deps, actor: Actor, id: string): Promise<ProjectDetail> {
  return moveByStaff(deps, actor, id, 'start', null);
}

/** Marks a project in progress as done. */
export function finishProject(deps: Deps, actor: Actor, id: string): Promise<ProjectDetail> {
  return moveByStaff(deps, actor, id, 'finish', null);
}

/** Withdraws a project with a reason; its pending claims are rejected with that reason. */
export function withdrawProject(deps: Deps, actor: Actor, id: string, reason: string): Promise<ProjectDetail> {
  return moveByStaff(deps, actor, id, 'withdraw', reason);
}

/**
 * Generates an activity for a claimed (or running) project through the activities module, links it, and moves a
 * claimed project to in_progress. Creating an activity needs 'activity.manage' in the community (admins; a social
 * worker without it is refused by the activities module). The activity commits in its own transaction first; the link
 * follows, so a failure in between leaves an ordinary activity, never a link to nothing.
 */
export async function createProjectActivity(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ProjectActivityInput,
): Promise<ProjectDetail['activities'][number]> {
  const p = await loadManagedProject(deps.db, actor, id);
  if (!canGenerateActivities(p.status as ProjectState))
    throw new AppError('PROJECT_STATE', { status: `project_${p.status}`, action: 'project_activity' });
  const created = await createActivity(deps, actor, {
    communityId: p.community_id,
    title: input.title,
    category: input.category,
    description: input.description || p.description,
    address: input.address,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    slots: input.slots,
    requiredSkills: input.requiredSkills,
    beneficiaries: p.title,
    publish: input.publish,
  });
  const activity = must(created[0], 'the created activity');
  await inTransaction(deps.db, async ({ trx }) => {
    const now = iso(deps.clock.now());
    await repo.insertProjectActivity(trx, {
      district_id: p.district_id,
      project_id: p.id,
      activity_id: activity.id,
      created_by: actor.userId,
      created_at: now,
    });
    const fresh = must(await repo.findProject(trx, p.id), `project ${p.id}`);
    if (fresh.status === 'claimed')
      await repo.moveProject(trx, p.district_id, p.id, 'claimed', { status: 'in_progress', updated_at: now });
    await recordAudit(trx, deps.clock, actor, {
      districtId: p.district_id,
      action: 'project.activity',
      targetType: 'project',
      targetId: p.id,
      scopeNodeId: p.community_id,
      scopePath: p.community_path,
      details: { activityId: activity.id, title: input.title },
    });
  });
  return {
    id: activity.id,
    title: activity.title,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    status: activity.status,
  };
}

/** Presents claims; a partner contact sees only their own units' claims. */
export async function presentClaims(
  db: Executor,
  rows: repo.ClaimRow[],
  onlyUnits: Set<string> | null,
): Promise<ProjectClaim[]> {
  const kept = onlyUnits ? rows.filter((c) => onlyUnits.has(c.partner_unit_id)) : rows;
  const people = new Map(
    (
      await listPersonHomes(
        db,
        kept.map((c) => c.claimant_user_id),
      )
    ).map((p) => [p.userId, p.displayName]),
  );
  return kept.map((c) => ({
    id: c.id,
    projectId: c.project_id,
    partnerUnitId: c.partner_unit_id,
    partnerUnitName: c.partner_unit_name,
    claimantName: people.get(c.claimant_user_id) ?? '',
    plan: c.plan,
    status: c.status as ClaimState,
    rejectReason: c.reject_reason,
    reviewedAt: c.reviewed_at,
    createdAt: c.created_at,
  }));
}

/**
 * A project as the actor may see it: staff of its community see everything; a partner contact sees a published
 * project in their reach, or one their unit claimed, with only their own claims and without the needs' details.
 */
export async function getProject(deps: Deps, actor: Actor, id: string): Promise<ProjectDetail> {
  const db = deps.db;
  const p = await locateOne(db, await repo.findProject(db, id));
  if (!p) throw notFound('project');
  const staff = managesProjects(actor, { districtId: p.district_id, path: p.community_path });
  let units: Set<string> | null = null;
  const claims = await repo.claimsOf(db, p.district_id, p.id);
  if (!staff) {
    const mine = (await representedUnits(deps, db, actor)).filter((u) => u.districtId === p.district_id);
    units = new Set(mine.map((u) => u.id));
    const inReach =
      p.status === 'published' &&
      partnerReaches(actor).some((r) => r.districtId === p.district_id && p.community_path.startsWith(r.path));
    const claimedByMine = claims.some((c) => units?.has(c.partner_unit_id));
    if (!inReach && !claimedByMine) throw notFound('project');
  }
  const [project] = await present(db, actor, [p]);
  const needIds = staff ? await repo.linkedNeedIds(db, p.district_id, p.id) : [];
  const resources = await locate(
    db,
    await repo.findResourcesByIds(db, p.district_id, await repo.linkedResourceIds(db, p.district_id, p.id)),
  );
  const activityIds = await repo.linkedActivityIds(db, p.district_id, p.id);
  const activities: Activity[] = [];
  for (const aid of activityIds) {
    try {
      activities.push(await getActivity(deps, actor, aid));
    } catch (e) {
      // A draft activity is visible to its managers only: others simply do not see it listed.
      if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
    }
  }
  return {
    ...must(project, `project ${id}`),
    needs: await needSummaries(db, p.district_id, needIds),
    resources: resources.map(toResource),
    claims: await presentClaims(db, claims, units),
    activities: activities.map((a) => ({
      id: a.id,
      title: a.title,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      status: a.status,
    })),
  };
}

/**
 * Projects the actor may see, newest first: every project of the communities they manage; for a partner contact
 * the published projects in their reach and the ones their units claimed.
 */
export async function listProjects(deps: Deps, actor: Actor, q: ListProjects): Promise<CountedPage<Project>> {
  const keep = (cs: Awaited<ReturnType<typeof communitiesWithin>>) =>
    q.communityId ? cs.filter((c) => c.id === q.communityId) : cs;
  const staff = keep(await communitiesWithin(deps.db, staffReaches(actor)));
  const partner = keep(await communitiesWithin(deps.db, partnerReaches(actor)));
  const unitIds = partnerReaches(actor).length ? (await representedUnits(deps, deps.db, actor)).map((u) => u.id) : [];
  if (q.communityId && staff.length === 0 && partner.length === 0) throw notFound('org_node');
  if (staff.length === 0 && partner.length === 0 && unitIds.length === 0)
    return { items: [], nextCursor: null, total: 0 };
  const f: repo.ProjectFilter = {
    staff: idsByDistrict(staff),
    partner: idsByDistrict(partner),
    unitIds,
    status: q.status,
    q: q.q,
  };
  const before = decodeCursor(q.cursor);
  const [rows, total] = await Promise.all([
    repo.listProjects(deps.db, f, before, q.limit + 1),
    countRows(repo.projectsFiltered(deps.db, f)),
  ]);
  const page = toPage(
    rows,
    q.limit,
    (r) => r.id,
    (r) => r,
  );
  return withTotal(
    { items: await present(deps.db, actor, await locate(deps.db, page.items)), nextCursor: page.nextCursor },
    total,
  );
}
