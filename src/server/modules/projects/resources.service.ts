// Resources (资源清单): what partner units, filed merchants and the community itself offer — venues, professionals,
// goods, funds (fen) and courses — with availability and conditions. Staff with 'project.manage' keep the list.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { must } from '../../platform/must.js';
import { type CountedPage, countRows, decodeCursor, toPage, withTotal } from '../../platform/pagination.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findFiledMerchant } from '../mall/index.js';
import { findNode, findPartnerUnit } from '../org/index.js';
import { getNeedSettings } from '../settings/index.js';
import * as repo from './projects.repository.js';
import { managesProjects, staffReaches } from './projects.policy.js';
import { communitiesWithin, idsByDistrict, type Located, locate, locateOne } from './projects.scope.js';
import { type ProviderKind, type ResourceKind, resourceAmountProblem, type ResourceState } from './projects.rules.js';
import type { CreateResource, ListResources, Resource, UpdateResource } from './projects.schemas.js';

/** The need category keys stored on a resource (a JSON array; anything else reads as none). */
export function parseNeedCategories(raw: string | null | undefined): string[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** Presents a resource row. */
export function toResource(r: Located<repo.ResourceRow>): Resource {
  return {
    id: r.id,
    districtId: r.district_id,
    communityId: r.community_id,
    communityName: r.community_name,
    providerKind: r.provider_kind as ProviderKind,
    providerId: r.provider_id,
    providerName: r.provider_name,
    kind: r.kind as ResourceKind,
    title: r.title,
    description: r.description,
    quantity: r.quantity === null ? null : Number(r.quantity),
    unit: r.unit,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    availability: r.availability,
    availableFrom: r.available_from,
    availableTo: r.available_to,
    conditions: r.conditions,
    contact: r.contact,
    needCategories: parseNeedCategories(r.need_categories),
    status: r.status as ResourceState,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A community the actor manages projects in; NOT_FOUND otherwise. */
export async function managedCommunity(db: Executor, actor: Actor, communityId: string) {
  const c = await findNode(db, communityId);
  if (
    !c ||
    c.kind !== 'community' ||
    c.archived_at ||
    !managesProjects(actor, { districtId: c.district_id, path: c.path })
  )
    throw notFound('org_node');
  return c;
}

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { summary: field }, [{ field, message }]);
}

function checkAmounts(kind: ResourceKind, quantity: number | null, amountFen: number | null): void {
  const problem = resourceAmountProblem(kind, { quantity, amountFen });
  if (problem === 'amountFen')
    throw fieldError('amountFen', kind === 'funds' ? '资金须填写金额（分）' : '只有资金类资源填写金额');
  if (problem === 'quantity') throw fieldError('quantity', '资金类资源不填数量，请填写金额');
}

/** The keys, without repeats, each one of the district's need categories (400 naming the first unknown one). */
async function checkNeedCategories(db: Executor, districtId: string, keys: readonly string[]): Promise<string[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return unique;
  const known = new Set((await getNeedSettings(db, districtId)).categories.map((c) => c.key));
  const unknown = unique.find((k) => !known.has(k));
  if (unknown !== undefined) throw fieldError('needCategories', `没有这个需求类别：${unknown}`);
  return unique;
}

function checkDates(from: string | null, to: string | null): void {
  if (from && to && to < from) throw fieldError('availableTo', '结束日期不能早于开始日期');
}

/** The provider's name, checked: a partner unit or a filed merchant of the same district (and branch of the tree). */
async function providerName(
  db: Executor,
  community: { district_id: string; path: string; name: string },
  kind: ProviderKind,
  id: string | null | undefined,
): Promise<{ id: string | null; name: string }> {
  switch (kind) {
    case 'community':
      return { id: null, name: community.name };
    case 'partner': {
      const u = id ? await findPartnerUnit(db, id) : undefined;
      if (!u || u.district_id !== community.district_id || u.archived_at) throw notFound('partner_unit');
      if (!community.path.startsWith(u.node_path) && !u.node_path.startsWith(community.path))
        throw notFound('partner_unit');
      return { id: u.id, name: u.name };
    }
    case 'merchant': {
      const m = id ? await findFiledMerchant(db, id) : undefined;
      if (!m || m.districtId !== community.district_id) throw notFound('merchant');
      return { id: m.id, name: m.name };
    }
  }
}

/** Records a resource offered to a community (audited). */
export async function createResource(deps: Deps, actor: Actor, input: CreateResource): Promise<Resource> {
  return inTransaction(deps.db, async ({ trx }) => {
    const community = await managedCommunity(trx, actor, input.communityId);
    const provider = await providerName(trx, community, input.providerKind, input.providerId);
    const quantity = input.quantity ?? null;
    const amountFen = input.amountFen ?? null;
    checkAmounts(input.kind, quantity, amountFen);
    checkDates(input.availableFrom ?? null, input.availableTo ?? null);
    const needCategories = await checkNeedCategories(trx, community.district_id, input.needCategories);
    const id = newId();
    const now = iso(deps.clock.now());
    await repo.insertResource(trx, {
      district_id: community.district_id,
      id,
      community_id: community.id,
      provider_kind: input.providerKind,
      provider_id: provider.id,
      provider_name: provider.name,
      kind: input.kind,
      title: input.title,
      description: input.description,
      quantity,
      unit: input.kind === 'funds' ? null : (input.unit ?? null),
      amount_fen: amountFen,
      availability: input.availability,
      available_from: input.availableFrom ?? null,
      available_to: input.availableTo ?? null,
      conditions: input.conditions,
      contact: input.contact,
      need_categories: JSON.stringify(needCategories),
      status: 'active',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: community.district_id,
      action: 'resource.create',
      targetType: 'resource',
      targetId: id,
      scopeNodeId: community.id,
      scopePath: community.path,
      details: { title: input.title, kind: input.kind, provider: provider.name },
    });
    return toResource(must(await locateOne(trx, await repo.findResource(trx, id)), `resource ${id}`));
  });
}

/** A resource the actor manages; NOT_FOUND otherwise. */
async function loadManaged(db: Executor, actor: Actor, id: string): Promise<Located<repo.ResourceRow>> {
  const r = await locateOne(db, await repo.findResource(db, id));
  if (!r || !managesProjects(actor, { districtId: r.district_id, path: r.community_path })) throw notFound('resource');
  return r;
}

/** Edits or archives a resource (audited). */
export async function updateResource(deps: Deps, actor: Actor, id: string, patch: UpdateResource): Promise<Resource> {
  return inTransaction(deps.db, async ({ trx }) => {
    const r = await loadManaged(trx, actor, id);
    const kind = r.kind as ResourceKind;
    const quantity = patch.quantity !== undefined ? patch.quantity : r.quantity;
    const amountFen = patch.amountFen !== undefined ? patch.amountFen : r.amount_fen;
    checkAmounts(kind, quantity === null ? null : Number(quantity), amountFen === null ? null : Number(amountFen));
    const from = patch.availableFrom !== undefined ? patch.availableFrom : r.available_from;
    const to = patch.availableTo !== undefined ? patch.availableTo : r.available_to;
    checkDates(from, to);
    const needCategories =
      patch.needCategories !== undefined
        ? JSON.stringify(await checkNeedCategories(trx, r.district_id, patch.needCategories))
        : r.need_categories;
    await repo.updateResource(trx, r.district_id, r.id, {
      title: patch.title ?? r.title,
      description: patch.description ?? r.description,
      quantity,
      unit: patch.unit !== undefined ? patch.unit : r.unit,
      amount_fen: amountFen,
      availability: patch.availability ?? r.availability,
      available_from: from,
      available_to: to,
      conditions: patch.conditions ?? r.conditions,
      contact: patch.contact ?? r.contact,
      need_categories: needCategories,
      status: patch.status ?? r.status,
      updated_at: iso(deps.clock.now()),
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: r.district_id,
      action: patch.status === 'archived' && r.status !== 'archived' ? 'resource.archive' : 'resource.update',
      targetType: 'resource',
      targetId: r.id,
      scopeNodeId: r.community_id,
      scopePath: r.community_path,
      details: { fields: Object.keys(patch) },
    });
    return toResource(must(await locateOne(trx, await repo.findResource(trx, id)), `resource ${id}`));
  });
}

/** One resource the actor manages. */
export async function getResource(deps: Deps, actor: Actor, id: string): Promise<Resource> {
  return toResource(await loadManaged(deps.db, actor, id));
}

/** The resources of the communities the actor manages, newest first, with the filtered total. */
export async function listResources(deps: Deps, actor: Actor, q: ListResources): Promise<CountedPage<Resource>> {
  let communities = await communitiesWithin(deps.db, staffReaches(actor));
  if (q.communityId) communities = communities.filter((c) => c.id === q.communityId);
  if (q.communityId && communities.length === 0) throw notFound('org_node');
  if (communities.length === 0) return { items: [], nextCursor: null, total: 0 };
  const f: repo.ResourceFilter = {
    communities: idsByDistrict(communities),
    kind: q.kind,
    providerKind: q.providerKind,
    status: q.status,
    q: q.q,
  };
  const before = decodeCursor(q.cursor);
  const [rows, total] = await Promise.all([
    repo.listResources(deps.db, f, before, q.limit + 1),
    countRows(repo.resourcesFiltered(deps.db, f)),
  ]);
  const page = toPage(
    rows,
    q.limit,
    (r) => r.id,
    (r) => r,
  );
  return withTotal({ items: (await locate(deps.db, page.items)).map(toResource), nextCursor: page.nextCursor }, total);
}
