// Use cases of the needs list: raise a need (a resident for themself, or staff on a resident's behalf), list and read
// needs in scope, triage (dispatch / link to a project / close), withdraw, rate; and the transition every state change
// goes through (rule check, optimistic version, status event, audit) that matching and projects use too.
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import { type Clock, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { countRows, type CountedPage, decodeCursor, toPage, withTotal } from '../../platform/pagination.js';
import type { Actor } from '../../platform/permissions.js';
import { maskPhone } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findPersonHome, findPersonIdByPhoneIndex, listPersonContacts } from '../accounts/index.js';
import { findNode } from '../org/index.js';
import { getNeedSettings, type NeedCategory } from '../settings/index.js';
import { needStatusChanged, needSubmitted } from './needs.events.js';
import {
  canManageAt,
  canManageNeed,
  communitiesAbove,
  canSeeNeed,
  isRequester,
  needReaches,
  scopePathOf,
} from './needs.policy.js';
import * as repo from './needs.repository.js';
import * as invitationsRepo from './invitations.repository.js';
import {
  type BeneficiaryGroup,
  canRate,
  canTransition,
  canWithdraw,
  defaultTitle,
  type NeedState,
  type Privacy,
  statusChangeRef,
  type TriageDecision,
  triageTarget,
  type Urgency,
  windowProblem,
} from './needs.rules.js';
import type { NeedTable } from './needs.tables.js';

export type { NeedRow } from './needs.repository.js';

export interface Need {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  gridId: string | null;
  gridName: string | null;
  buildingId: string | null;
  requesterUserId: string;
  requesterName: string;
  /** Staff only; null for everyone else. */
  requesterPhoneMasked: string | null;
  /** Staff who recorded the need for the resident (proxy), else null. */
  recordedByUserId: string | null;
  category: string;
  categoryName: string;
  title: string;
  description: string;
  urgency: Urgency;
  beneficiaryGroup: BeneficiaryGroup;
  /** Shown to staff and the requester; null for anyone else. */
  place: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  privacy: Privacy;
  peopleNeeded: number;
  status: NeedState;
  statusReason: string | null;
  projectId: string | null;
  triagedAt: string | null;
  /** Staff only. */
  triageNote: string | null;
  doneAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  canManage: boolean;
  canWithdraw: boolean;
  canRate: boolean;
}

export interface NeedStep {
  from: NeedState | null;
  to: NeedState;
  at: string;
  reason: string | null;
}

export interface NeedDetail extends Need {
  /** The states the need went through, oldest first (the first step is its submission). */
  timeline: NeedStep[];
}

/** The district's need categories by key. */
async function categoriesOf(db: Executor, districtId: string): Promise<Map<string, NeedCategory>> {
  const s = await getNeedSettings(db, districtId);
  return new Map(s.categories.map((c) => [c.key, c]));
}

async function present(deps: Deps, db: Executor, actor: Actor, rows: repo.NeedRow[]): Promise<Need[]> {
  const cats = new Map<string, Map<string, NeedCategory>>();
  for (const d of new Set(rows.map((r) => r.district_id))) cats.set(d, await categoriesOf(db, d));
  const managed = new Set(rows.filter((r) => canManageNeed(actor, r)).map((r) => r.id));
  const contacts = new Map(
    (
      await listPersonContacts(
        db,
        rows.map((r) => r.requester_user_id),
      )
    ).map((c) => [c.userId, c]),
  );
  return rows.map((r) => {
    const staff = managed.has(r.id);
    const mine = isRequester(actor, r);
    const contact = contacts.get(r.requester_user_id);
    const status = r.status as NeedState;
    return {
      id: r.id,
      districtId: r.district_id,
      communityId: r.community_id,
      communityName: r.community_name,
      gridId: r.grid_id,
      gridName: r.grid_name,
      buildingId: r.building_id,
      requesterUserId: r.requester_user_id,
      requesterName: staff ? (contact?.realNameMasked ?? contact?.displayName ?? '') : (contact?.displayName ?? ''),
      requesterPhoneMasked: staff && contact ? maskPhone(deps.cipher.decrypt(contact.phoneEnc)) : null,
      recordedByUserId: r.recorded_by_user_id,
      category: r.category,
      categoryName: cats.get(r.district_id)?.get(r.category)?.name ?? r.category,
      title: r.title,
      description: r.description,
      urgency: r.urgency as Urgency,
      beneficiaryGroup: r.beneficiary_group as BeneficiaryGroup,
      place: staff || mine || r.privacy === 'public' ? r.place : null,
      windowStart: r.window_start,
      windowEnd: r.window_end,
      privacy: r.privacy as Privacy,
      peopleNeeded: r.people_needed,
      status,
      statusReason: r.status_reason,
      projectId: r.project_id,
      triagedAt: r.triaged_at,
      triageNote: staff ? r.triage_note : null,
      doneAt: r.done_at,
      rating: r.rating,
      ratingComment: r.rating_comment,
      ratedAt: r.rated_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
      canManage: staff,
      canWithdraw: mine && canWithdraw(status),
      canRate: mine && canRate(status),
    };
  });
}

async function presentOne(deps: Deps, db: Executor, actor: Actor, row: repo.NeedRow): Promise<Need> {
  const [need] = await present(deps, db, actor, [row]);
  if (!need) throw new Error('internal: presented need is missing');
  return need;
}

/** The need if the actor may see it (its requester, or staff in scope); NOT_FOUND otherwise. */
export async function findNeedInScope(db: Executor, actor: Actor, id: string): Promise<repo.NeedRow> {
  const row = await repo.findNeedById(db, id);
  if (!row || !canSeeNeed(actor, row)) throw notFound('need');
  return row;
}

/** The need if the actor manages it (staff with need.manage over its grid or community); NOT_FOUND otherwise. */
export async function findManagedNeed(db: Executor, actor: Actor, id: string): Promise<repo.NeedRow> {
  const row = await repo.findNeedById(db, id);
  if (!row || !canManageNeed(actor, row)) throw notFound('need');
  return row;
}

/**
 * Moves a need to another state in the caller's transaction: checks the state graph (409 NEED_STATE naming the
 * state), writes at the row's version (409 NEED_CHANGED when someone changed it since it was read), emits
 * needStatusChanged and writes the audit entry. Returns the need as it now is.
 */
export async function transitionNeed(
  trx: Executor,
  clock: Clock,
  need: repo.NeedRow,
  to: NeedState,
  opts: { actorId: string | null; reason?: string | null; actor?: Actor; patch?: Updateable<NeedTable> },
): Promise<repo.NeedRow> {
  const from = need.status as NeedState;
  // The words for the refused move ({action} of NEED_STATE), e.g. need_to_matched → 匹配.
  const move = `need_to_${to}`;
  if (!canTransition(from, to)) throw new AppError('NEED_STATE', { status: `need_${from}`, action: move });
  const now = iso(clock.now());
  const set: Updateable<NeedTable> = {
    ...opts.patch,
    status: to,
    status_reason: opts.reason ?? null,
    updated_at: now,
    ...(to === 'done' ? { done_at: now } : {}),
  };
  if (!(await repo.updateNeedAtVersion(trx, need.district_id, need.id, need.version, set)))
    throw new AppError('NEED_CHANGED');
  const version = need.version + 1;
  // A closed need takes back the invitations nobody answered: they leave the volunteers' inboxes as 已撤回.
  if (to === 'closed') await invitationsRepo.withdrawPendingInvitations(trx, need.district_id, need.id, now);
  await needStatusChanged.emit(trx, clock, {
    districtId: need.district_id,
    refId: statusChangeRef(need.id, version),
    payload: { needId: need.id, requesterUserId: need.requester_user_id, from, to, reason: opts.reason ?? null },
  });
  const actor: Actor | null =
    opts.actor ?? (opts.actorId ? { userId: opts.actorId, displayName: '', roles: [], requestId: null } : null);
  await recordAudit(trx, clock, actor, {
    districtId: need.district_id,
    action: 'need.transition',
    targetType: 'need',
    targetId: need.id,
    scopeNodeId: need.grid_id ?? need.community_id,
    scopePath: scopePathOf(need),
    details: { from, to, reason: opts.reason ?? null },
    onBehalfOfId: actor && actor.userId !== need.requester_user_id ? need.requester_user_id : null,
  });
  return { ...need, ...set, version };
}

/** Where a person lives: the district, community, grid and building on their home node's path (each may be null). */
async function homeOf(
  db: Executor,
  userId: string,
): Promise<{
  districtId: string;
  community: { id: string; path: string; name: string } | null;
  grid: { id: string; path: string; name: string } | null;
  building: { id: string; name: string } | null;
} | null> {
  const home = await findPersonHome(db, userId);
  if (!home?.homeNodeId) return null;
  const node = await findNode(db, home.homeNodeId);
  if (!node) return null;
  const out = {
    districtId: node.district_id,
    community: null as { id: string; path: string; name: string } | null,
    grid: null as { id: string; path: string; name: string } | null,
    building: null as { id: string; name: string } | null,
  };
  for (const id of node.path.split('/').filter(Boolean)) {
    const n = id === node.id ? node : await findNode(db, id);
    if (!n || n.district_id !== node.district_id) continue;
    if (n.kind === 'community') out.community = { id: n.id, path: n.path, name: n.name };
    if (n.kind === 'grid') out.grid = { id: n.id, path: n.path, name: n.name };
    if (n.kind === 'building') out.building = { id: n.id, name: n.name };
  }
  return out;
}

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ field, message }]);
}

export interface CreateNeedInput {
  category: string;
  title?: string | null;
  description: string;
  urgency?: Urgency;
  beneficiaryGroup?: BeneficiaryGroup;
  /** Defaults to the requester's home (community, grid, building). */
  place?: string | null;
  windowStart?: string | null;
  windowEnd?: string | null;
  privacy?: Privacy;
  peopleNeeded?: number;
  /** Staff recording on a resident's behalf (proxy, 代录): the resident's phone or id. */
  requesterPhone?: string | null;
  requesterUserId?: string | null;
  /** Staff only: the community the need belongs to (defaults to the resident's home community). */
  communityId?: string | null;
}

/** Raises a need: a resident for themself, or staff with need.manage on a resident's behalf (audited as proxy). */
export function createNeed(deps: Deps, actor: Actor, input: CreateNeedInput): Promise<Need> {
  return inTransaction(deps.db, ({ trx }) => createNeedIn(deps, trx, actor, input));
}

/** createNeed inside the caller's transaction (a suggestion turned into a need: claim, need and link commit together). */
export async function createNeedIn(deps: Deps, trx: Executor, actor: Actor, input: CreateNeedInput): Promise<Need> {
  let requesterId = actor.userId;
  if (input.requesterPhone) {
    const id = await findPersonIdByPhoneIndex(trx, deps.cipher.blindIndex('phone', input.requesterPhone));
    if (!id) throw notFound('person');
    requesterId = id;
  } else if (input.requesterUserId) {
    requesterId = input.requesterUserId;
  }
  const proxy = requesterId !== actor.userId;
  const home = await homeOf(trx, requesterId);
  if (proxy && !home && !(await findPersonHome(trx, requesterId))) throw notFound('person');

  let community = home?.community ?? null;
  let districtId = home?.districtId ?? null;
  if (proxy && input.communityId && input.communityId !== community?.id) {
    const c = await findNode(trx, input.communityId);
    if (!c || c.kind !== 'community' || c.archived_at) throw notFound('org_node');
    community = { id: c.id, path: c.path, name: c.name };
    districtId = c.district_id;
  }
  if (!community || !districtId) {
    if (proxy) throw invalid('communityId', 'v.needCommunity');
    throw new AppError('NEED_NO_HOME');
  }
  const atHome = home?.community?.id === community.id;
  const grid = atHome ? home.grid : null;
  const building = atHome ? home.building : null;
  if (proxy && !canManageAt(actor, { districtId, gridPath: grid?.path ?? null, communityPath: community.path }))
    throw notFound('org_node');

  const cats = await categoriesOf(trx, districtId);
  const category = cats.get(input.category);
  if (!category) throw invalid('category', 'v.needCategory');
  const windowStart = input.windowStart ?? null;
  const windowEnd = input.windowEnd ?? null;
  if (windowProblem(windowStart, windowEnd)) throw invalid('windowEnd', 'v.needWindow');

  const now = iso(deps.clock.now());
  const id = newId();
  const title = input.title?.trim() || defaultTitle(category.name, input.description);
  const urgency = input.urgency ?? 'normal';
  const place =
    input.place?.trim() || [community.name, grid?.name, building?.name].filter((s) => s !== undefined).join(' ');
  await repo.insertNeed(trx, {
    district_id: districtId,
    id,
    community_id: community.id,
    grid_id: grid?.id ?? null,
    building_id: building?.id ?? null,
    requester_user_id: requesterId,
    recorded_by_user_id: proxy ? actor.userId : null,
    category: category.key,
    title,
    description: input.description,
    urgency,
    beneficiary_group: input.beneficiaryGroup ?? 'other',
    place,
    window_start: windowStart,
    window_end: windowEnd,
    privacy: input.privacy ?? 'community',
    people_needed: input.peopleNeeded ?? 1,
    status: 'submitted',
    status_reason: null,
    project_id: null,
    triaged_by: null,
    triaged_at: null,
    triage_note: null,
    done_at: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await needSubmitted.emit(trx, deps.clock, {
    districtId,
    refId: id,
    payload: { needId: id, communityId: community.id, category: category.key, urgency, title },
  });
  if (proxy) {
    await recordAudit(trx, deps.clock, actor, {
      districtId,
      action: 'need.create_proxy',
      targetType: 'need',
      targetId: id,
      scopeNodeId: grid?.id ?? community.id,
      scopePath: grid?.path ?? community.path,
      details: { category: category.key, urgency, title },
      onBehalfOfId: requesterId,
    });
  }
  const row = await repo.findNeedById(trx, id);
  if (!row) throw new Error('internal: the need just written is missing');
  return presentOne(deps, trx, actor, row);
}

export interface ListNeedsQuery {
  /** Only the actor's own needs (always so for someone without need.manage). */
  mine?: boolean;
  status?: NeedState;
  category?: string;
  urgency?: Urgency;
  communityId?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

export type NeedList = CountedPage<Need> & { byStatus: Partial<Record<NeedState, number>> };

/** Needs in the actor's scope (staff) or their own (residents), newest first, with totals and per-state counts. */
export async function listNeeds(deps: Deps, actor: Actor, q: ListNeedsQuery): Promise<NeedList> {
  const reaches = needReaches(actor);
  const f: repo.NeedFilter = {
    reaches,
    communitiesOfGrids: communitiesAbove(reaches),
    requesterUserId: q.mine || reaches.length === 0 ? actor.userId : undefined,
    statuses: q.status ? [q.status] : undefined,
    category: q.category,
    urgency: q.urgency,
    communityId: q.communityId,
    q: q.q?.trim() || undefined,
  };
  const key = decodeCursor(q.cursor);
  let after: { createdAt: string; id: string } | null = null;
  if (key) {
    const [createdAt, id] = key.split('|');
    if (!createdAt || !id) throw invalid('cursor', 'v.cursor');
    after = { createdAt, id };
  }
  const rows = await repo.listNeeds(deps.db, f, after, q.limit);
  const total = await countRows(repo.needsFiltered(deps.db, f));
  const byStatus = Object.fromEntries(await repo.countByStatus(deps.db, f)) as Partial<Record<NeedState, number>>;
  const page = toPage(
    rows,
    q.limit,
    (r) => `${r.created_at}|${r.id}`,
    (r) => r,
  );
  return { ...withTotal({ ...page, items: await present(deps, deps.db, actor, page.items) }, total), byStatus };
}

/**
 * The need categories a person chooses from: of the given district when they belong to it (home or a role there),
 * else of their home district, else of their first role's district. NOT_FOUND when they have none.
 */
export async function needCategoriesFor(
  deps: Deps,
  actor: Actor,
  districtId?: string,
): Promise<{ districtId: string; categories: NeedCategory[] }> {
  const home = await findPersonHome(deps.db, actor.userId);
  const districts = [home?.homeDistrictId, ...actor.roles.map((r) => r.districtId)].filter(
    (d): d is string => typeof d === 'string',
  );
  const chosen = districtId ? districts.find((d) => d === districtId) : districts[0];
  if (!chosen) throw notFound('org_node');
  const s = await getNeedSettings(deps.db, chosen);
  return { districtId: chosen, categories: s.categories };
}

/** One need with its timeline: its requester or staff in scope; NOT_FOUND for anyone else. */
export async function getNeed(deps: Deps, actor: Actor, id: string): Promise<NeedDetail> {
  const row = await findNeedInScope(deps.db, actor, id);
  const need = await presentOne(deps, deps.db, actor, row);
  const steps: NeedStep[] = [{ from: null, to: 'submitted', at: row.created_at, reason: null }];
  for (const e of await repo.statusChangesOf(deps.db, row.district_id, row.id)) {
    const p = needStatusChanged.parse(e).payload;
    steps.push({ from: p.from as NeedState, to: p.to as NeedState, at: e.created_at, reason: p.reason });
  }
  return { ...need, timeline: steps };
}

export interface TriageInput {
  decision: TriageDecision;
  category?: string;
  urgency?: Urgency;
  peopleNeeded?: number;
  note?: string | null;
  /** Required to close. */
  reason?: string | null;
  /** The version the triager saw; a need changed since answers 409 NEED_CHANGED. */
  version?: number;
}

/** Staff triage: set category, urgency and people needed, and dispatch it for matching, link it to a project or close it. */
export async function triageNeed(deps: Deps, actor: Actor, id: string, input: TriageInput): Promise<Need> {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'close' && !reason) throw invalid('reason', 'v.reason');
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await findManagedNeed(trx, actor, id);
    if (input.version !== undefined && input.version !== row.version) throw new AppError('NEED_CHANGED');
    if (input.category !== undefined && !(await categoriesOf(trx, row.district_id)).has(input.category))
      throw invalid('category', 'v.needCategory');
    const now = iso(deps.clock.now());
    const next = await transitionNeed(trx, deps.clock, row, triageTarget(input.decision), {
      actorId: actor.userId,
      actor,
      reason,
      patch: {
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.urgency !== undefined ? { urgency: input.urgency } : {}),
        ...(input.peopleNeeded !== undefined ? { people_needed: input.peopleNeeded } : {}),
        triage_note: input.note?.trim() || row.triage_note,
        triaged_by: actor.userId,
        triaged_at: now,
      },
    });
    return presentOne(deps, trx, actor, next);
  });
}

/** The requester withdraws their need before volunteers are matched to it. */
export async function withdrawNeed(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { reason?: string | null },
): Promise<Need> {
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findNeedById(trx, id);
    if (!row || !isRequester(actor, row)) throw notFound('need');
    if (!canWithdraw(row.status as NeedState))
      throw new AppError('NEED_STATE', { status: `need_${row.status}`, action: 'need_withdraw' });
    const next = await transitionNeed(trx, deps.clock, row, 'closed', {
      actorId: actor.userId,
      actor,
      reason: input.reason?.trim() || '本人撤回',
    });
    return presentOne(deps, trx, actor, next);
  });
}

/** The requester rates the help once it is done (1–5 and a comment): the need is then evaluated. */
export async function rateNeed(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { rating: number; comment?: string | null },
): Promise<Need> {
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findNeedById(trx, id);
    if (!row || !isRequester(actor, row)) throw notFound('need');
    if (!canRate(row.status as NeedState))
      throw new AppError('NEED_STATE', { status: `need_${row.status}`, action: 'need_rate' });
    const next = await transitionNeed(trx, deps.clock, row, 'evaluated', {
      actorId: actor.userId,
      actor,
      patch: { rating: input.rating, rating_comment: input.comment?.trim() || null, rated_at: iso(deps.clock.now()) },
    });
    return presentOne(deps, trx, actor, next);
  });
}

/**
 * Links needs to a project (for the projects module, in its transaction; the caller has checked the actor may manage
 * the project). Needs triaged as "link" (linked, no project yet), or still submitted/triaged, are linked; a need
 * linked to another project, or past triage, answers 409 NEED_STATE; a missing id NOT_FOUND.
 */
export async function linkNeedsToProject(
  trx: Executor,
  clock: Clock,
  input: { districtId: string; needIds: string[]; projectId: string; actorId: string },
): Promise<repo.NeedRow[]> {
  const rows = await repo.findNeedsByIds(trx, input.districtId, input.needIds);
  if (rows.length !== new Set(input.needIds).size) throw notFound('need');
  const out: repo.NeedRow[] = [];
  for (const row of rows) {
    if (row.status === 'linked' && (row.project_id === null || row.project_id === input.projectId)) {
      if (row.project_id === input.projectId) {
        out.push(row);
        continue;
      }
      const now = iso(clock.now());
      if (
        !(await repo.updateNeedAtVersion(trx, row.district_id, row.id, row.version, {
          project_id: input.projectId,
          updated_at: now,
        }))
      )
        throw new AppError('NEED_CHANGED');
      await recordAudit(
        trx,
        clock,
        { userId: input.actorId, displayName: '', roles: [], requestId: null },
        {
          districtId: row.district_id,
          action: 'need.link_project',
          targetType: 'need',
          targetId: row.id,
          scopeNodeId: row.grid_id ?? row.community_id,
          scopePath: scopePathOf(row),
          details: { projectId: input.projectId },
        },
      );
      out.push({ ...row, project_id: input.projectId, updated_at: now, version: row.version + 1 });
    } else {
      out.push(
        await transitionNeed(trx, clock, row, 'linked', {
          actorId: input.actorId,
          reason: null,
          patch: { project_id: input.projectId },
        }),
      );
    }
  }
  return out;
}

export interface NeedSummary {
  id: string;
  communityId: string;
  communityName: string;
  category: string;
  title: string;
  urgency: Urgency;
  status: NeedState;
  peopleNeeded: number;
  projectId: string | null;
  createdAt: string;
}

/** Needs of a district by ids, summarised (for the projects module: the needs a project bundles). */
export async function listNeedsByIds(db: Executor, districtId: string, ids: readonly string[]): Promise<NeedSummary[]> {
  const rows = await repo.findNeedsByIds(db, districtId, ids);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    category: r.category,
    title: r.title,
    urgency: r.urgency as Urgency,
    status: r.status as NeedState,
    peopleNeeded: r.people_needed,
    projectId: r.project_id,
    createdAt: r.created_at,
  }));
}
