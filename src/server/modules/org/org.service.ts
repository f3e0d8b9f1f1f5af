// Use cases of the organisation tree and partner units. Each write runs in one transaction with its audit entry.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import { type Actor, authorize, can, canAbove, reachesOf, type OrgKind } from '../../platform/permissions.js';
import { must } from '../../platform/must.js';
import { maskName, maskPhone } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import * as repo from './org.repository.js';
import { childPath, districtPath, fitsUnder, type PartnerCategory, parentKindOf } from './org.rules.js';
import type {
  CreateOrgNode,
  CreatePartnerUnit,
  ListOrgNodes,
  ListPartnerUnits,
  UpdateOrgNode,
  UpdatePartnerUnit,
} from './org.schemas.js';

export interface OrgNode {
  id: string;
  districtId: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PartnerUnit {
  id: string;
  districtId: string;
  nodeId: string;
  nodeName: string;
  name: string;
  category: PartnerCategory;
  /** 林** — the contact's name is stored encrypted; lists show its masked copy only. */
  contactNameMasked: string | null;
  contactPhoneMasked: string | null;
  archived: boolean;
}

/** Presents a node row. */
export function toOrgNode(r: repo.OrgNodeRow): OrgNode {
  return {
    id: r.id,
    districtId: r.district_id,
    parentId: r.parent_id,
    kind: r.kind as OrgKind,
    name: r.name,
    code: r.code,
    path: r.path,
    depth: r.depth,
    archived: r.archived_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A node by id, for other modules; throws NOT_FOUND. */
export async function getNode(db: Executor, id: string): Promise<repo.OrgNodeRow> {
  const node = await repo.findNodeById(db, id);
  if (!node) throw notFound('org_node');
  return node;
}

/** The district of this name, if one exists (a new district is never started twice under one name). */
export function findDistrictByName(db: Executor, name: string) {
  return repo.findDistrictByName(db, name);
}

/** A node by id, or null. */
export function findNode(db: Executor, id: string): Promise<repo.OrgNodeRow | undefined> {
  return repo.findNodeById(db, id);
}

/** A partner unit with its node's name and path, by id, for other modules (the ledger credits contributions to it). */
export function findPartnerUnit(db: Executor, id: string): Promise<repo.PartnerUnitRow | undefined> {
  return repo.findPartnerById(db, id);
}

/** The communities at or under a node (the node itself when it is one), parents' order, for other modules. */
export function listCommunitiesWithin(
  db: Executor,
  node: { district_id: string; path: string },
): Promise<repo.OrgNodeRow[]> {
  return repo.listCommunitiesUnder(db, node.district_id, node.path);
}

/** Names of a district's org nodes by id, for other modules (the public ledger names a journal's community). */
export function nodeNamesOf(db: Executor, districtId: string, ids: readonly string[]): Promise<Map<string, string>> {
  return repo.nodeNamesOf(db, districtId, ids);
}

/** Names of districts by id, for other modules (the ledger names where a person's points are). */
export function districtNamesOf(db: Executor, districtIds: readonly string[]): Promise<Map<string, string>> {
  return repo.districtNamesOf(db, districtIds);
}

/** Every node the actor may read, parents before children. */
export async function listOrgNodes(deps: Deps, actor: Actor, q: ListOrgNodes): Promise<Page<OrgNode>> {
  const limit = q.limit ?? 500;
  let reaches = reachesOf(actor, 'org.read');
  if (q.rootId) {
    const root = await repo.findNodeById(deps.db, q.rootId);
    if (!root || !can(actor, 'org.read', { districtId: root.district_id, path: root.path })) throw notFound('org_node');
    reaches = [{ districtId: root.district_id, path: root.path }];
  }
  if (reaches.length === 0) return { items: [], nextCursor: null };
  const rows = await repo.listNodesWithin(deps.db, reaches, {
    includeArchived: q.includeArchived ?? false,
    afterPath: decodeCursor(q.cursor),
    limit: limit + 1,
  });
  return toPage(rows, limit, (r) => r.path, toOrgNode);
}

/** Districts, streets and communities anyone may pick from when registering. */
export async function listCommunities(deps: Deps): Promise<OrgNode[]> {
  return (await repo.listPublicNodes(deps.db)).map(toOrgNode);
}

/** Creates a district (the root of a tree) without an admin: the demo seed and tests. See accounts' startDistrict. */
export async function createDistrict(deps: Deps, input: { name: string; code?: string | null }): Promise<OrgNode> {
  return inTransaction(deps.db, ({ trx }) => insertDistrict(deps, trx, null, { ...input, via: 'cli' }));
}

/** Inserts a district node inside the caller's transaction, audited as done by the actor (null: the CLI). */
export async function insertDistrict(
  deps: Deps,
  trx: Executor,
  actor: Actor | null,
  input: { name: string; code?: string | null; via: 'cli' | 'api' },
): Promise<OrgNode> {
  const id = newId();
  const now = iso(deps.clock.now());
  const row: repo.OrgNodeRow = {
    district_id: id,
    id,
    parent_id: null,
    kind: 'district',
    name: input.name,
    code: input.code ?? null,
    path: districtPath(id),
    depth: 0,
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertNode(trx, row);
  await recordAudit(trx, deps.clock, actor, {
    districtId: id,
    action: 'org.create',
    targetType: 'org_node',
    targetId: id,
    scopeNodeId: id,
    scopePath: row.path,
    details: { kind: 'district', name: input.name, via: input.via },
  });
  return toOrgNode(row);
}

/** Adds a node under a parent the actor manages. */
export async function createOrgNode(deps: Deps, actor: Actor, input: CreateOrgNode): Promise<OrgNode> {
  return inTransaction(deps.db, async ({ trx }) => {
    const parent = await repo.findNodeById(trx, input.parentId);
    if (!parent) throw notFound('org_node');
    authorize(actor, 'org.manage', { districtId: parent.district_id, path: parent.path }, 'org_node');
    if (parent.archived_at) throw new AppError('ORG_ARCHIVED', { name: parent.name });
    if (!fitsUnder(input.kind, parent.kind as OrgKind)) {
      throw new AppError('ORG_INVALID_PARENT', {
        kind: input.kind,
        parentKind: parentKindOf(input.kind) ?? 'district',
      });
    }
    await assertNameFree(trx, parent.district_id, parent.id, input.name);
    if (input.code) await assertCodeFree(trx, parent.district_id, input.code, null);
    const id = newId();
    const now = iso(deps.clock.now());
    const row: repo.OrgNodeRow = {
      district_id: parent.district_id,
      id,
      parent_id: parent.id,
      kind: input.kind,
      name: input.name,
      code: input.code ?? null,
      path: childPath(parent.path, id),
      depth: parent.depth + 1,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertNode(trx, row);
    await recordAudit(trx, deps.clock, actor, {
      districtId: row.district_id,
      action: 'org.create',
      targetType: 'org_node',
      targetId: id,
      scopeNodeId: parent.id,
      scopePath: parent.path,
      details: { kind: input.kind, name: input.name, code: input.code ?? null, parentName: parent.name },
    });
    return toOrgNode(row);
  });
}

/** Renames, re-codes, moves, archives or restores a node. */
export async function updateOrgNode(deps: Deps, actor: Actor, id: string, input: UpdateOrgNode): Promise<OrgNode> {
  return inTransaction(deps.db, async ({ trx }) => {
    const node = await repo.findNodeById(trx, id);
    if (!node) throw notFound('org_node');
    const target = { districtId: node.district_id, path: node.path };
    authorize(actor, 'org.manage', target, 'org_node');
    const now = iso(deps.clock.now());
    const audits: Array<{ action: string; details: Record<string, unknown> }> = [];
    const structural =
      (input.parentId !== undefined && input.parentId !== node.parent_id) ||
      (input.archived !== undefined && input.archived !== (node.archived_at !== null));
    // Moving or archiving a node needs authority above it; one's own node can only be renamed.
    if (structural) {
      if (node.kind === 'district') throw new AppError('ORG_ROOT_IMMUTABLE');
      if (!canAbove(actor, 'org.manage', target)) throw notFound('org_node');
    }
    if (input.name !== undefined && input.name !== node.name) {
      if (node.parent_id) await assertNameFree(trx, node.district_id, node.parent_id, input.name, node.id);
      await repo.updateNode(trx, node.district_id, id, { name: input.name, updated_at: now });
      audits.push({ action: 'org.update', details: { field: 'name', from: node.name, to: input.name } });
    }
    if (input.code !== undefined && input.code !== node.code) {
      if (input.code) await assertCodeFree(trx, node.district_id, input.code, node.id);
      await repo.updateNode(trx, node.district_id, id, { code: input.code, updated_at: now });
      audits.push({ action: 'org.update', details: { field: 'code', from: node.code, to: input.code } });
    }
    if (input.parentId !== undefined && input.parentId !== node.parent_id) {
      const parent = await repo.findNodeById(trx, input.parentId);
      if (!parent || !can(actor, 'org.manage', { districtId: parent.district_id, path: parent.path })) {
        throw notFound('org_node');
      }
      if (parent.district_id !== node.district_id) throw new AppError('ORG_MOVE_DISTRICT');
      if (parent.path.startsWith(node.path)) throw new AppError('ORG_MOVE_INTO_SELF');
      if (parent.archived_at) throw new AppError('ORG_ARCHIVED', { name: parent.name });
      if (!fitsUnder(node.kind as OrgKind, parent.kind as OrgKind)) {
        throw new AppError('ORG_INVALID_PARENT', { kind: node.kind, parentKind: parentKindOf(node.kind as OrgKind) });
      }
      await assertNameFree(trx, node.district_id, parent.id, input.name ?? node.name, node.id);
      const newPath = childPath(parent.path, node.id);
      await repo.moveSubtree(trx, node.district_id, node.path, newPath, parent.depth + 1 - node.depth);
      await repo.updateNode(trx, node.district_id, id, { parent_id: parent.id, updated_at: now });
      audits.push({
        action: 'org.move',
        details: { fromParentId: node.parent_id, toParentId: parent.id, toParentName: parent.name },
      });
    }
    if (input.archived !== undefined && input.archived !== (node.archived_at !== null)) {
      if (input.archived) {
        const children = await repo.countActiveChildren(trx, node.district_id, id);
        if (children > 0) throw new AppError('ORG_HAS_CHILDREN', { name: node.name, count: children });
      } else if (node.parent_id) {
        const parent = await repo.findNodeById(trx, node.parent_id);
        if (parent?.archived_at) throw new AppError('ORG_ARCHIVED', { name: parent.name });
        await assertNameFree(trx, node.district_id, node.parent_id, input.name ?? node.name, node.id);
      }
      await repo.updateNode(trx, node.district_id, id, { archived_at: input.archived ? now : null, updated_at: now });
      audits.push({ action: input.archived ? 'org.archive' : 'org.restore', details: { name: node.name } });
    }
    const current = must(await repo.findNodeById(trx, id), `org node ${id}`);
    for (const a of audits) {
      await recordAudit(trx, deps.clock, actor, {
        districtId: node.district_id,
        action: a.action,
        targetType: 'org_node',
        targetId: id,
        scopeNodeId: current.id,
        scopePath: current.path,
        details: a.details,
      });
    }
    return toOrgNode(current);
  });
}

async function assertNameFree(trx: Executor, districtId: string, parentId: string, name: string, selfId?: string) {
  const hit = await repo.findSiblingByName(trx, districtId, parentId, name);
  if (hit && hit.id !== selfId) throw new AppError('ORG_NAME_TAKEN', { name });
}

async function assertCodeFree(trx: Executor, districtId: string, code: string, selfId: string | null) {
  const hit = await repo.findNodeByCode(trx, districtId, code);
  if (hit && hit.id !== selfId) throw new AppError('ORG_CODE_TAKEN', { code, name: hit.name });
}

function toPartner(deps: Deps, r: repo.PartnerUnitRow): PartnerUnit {
  const phone = deps.cipher.decryptNullable(r.contact_phone_enc);
  return {
    id: r.id,
    districtId: r.district_id,
    nodeId: r.node_id,
    nodeName: r.node_name,
    name: r.name,
    category: r.category as PartnerCategory,
    contactNameMasked: r.contact_name_masked,
    contactPhoneMasked: phone ? maskPhone(phone) : null,
    archived: r.archived_at !== null,
  };
}

/** Partner units the actor may see, newest first. */
export async function listPartnerUnits(deps: Deps, actor: Actor, q: ListPartnerUnits): Promise<Page<PartnerUnit>> {
  const limit = q.limit ?? 20;
  const reaches = reachesOf(actor, 'org.read');
  let nodePath: string | null = null;
  if (q.nodeId) {
    const node = await repo.findNodeById(deps.db, q.nodeId);
    if (!node || !can(actor, 'org.read', { districtId: node.district_id, path: node.path })) throw notFound('org_node');
    nodePath = node.path;
  }
  if (reaches.length === 0) return { items: [], nextCursor: null };
  const rows = await repo.listPartnersWithin(deps.db, reaches, {
    nodePath,
    includeArchived: q.includeArchived ?? false,
    beforeId: decodeCursor(q.cursor),
    limit: limit + 1,
  });
  return toPage(
    rows,
    limit,
    (r) => r.id,
    (r) => toPartner(deps, r),
  );
}

/** Attaches a partner unit (university, hospital, company, party organisation…) to a street or community. */
export async function createPartnerUnit(deps: Deps, actor: Actor, input: CreatePartnerUnit): Promise<PartnerUnit> {
  return inTransaction(deps.db, async ({ trx }) => {
    const node = await repo.findNodeById(trx, input.nodeId);
    if (!node) throw notFound('org_node');
    authorize(actor, 'org.manage', { districtId: node.district_id, path: node.path }, 'org_node');
    if (node.kind !== 'street' && node.kind !== 'community') throw new AppError('PARTNER_NODE_KIND');
    if (node.archived_at) throw new AppError('ORG_ARCHIVED', { name: node.name });
    const id = newId();
    const now = iso(deps.clock.now());
    await repo.insertPartner(trx, {
      district_id: node.district_id,
      id,
      node_id: node.id,
      name: input.name,
      category: input.category,
      contact_name: null,
      contact_name_enc: deps.cipher.encryptNullable(input.contactName || null),
      contact_name_masked: input.contactName ? maskName(input.contactName) : null,
      contact_phone_enc: deps.cipher.encryptNullable(input.contactPhone),
      archived_at: null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: node.district_id,
      action: 'partner.create',
      targetType: 'partner_unit',
      targetId: id,
      scopeNodeId: node.id,
      scopePath: node.path,
      details: { name: input.name, category: input.category },
    });
    return toPartner(deps, must(await repo.findPartnerById(trx, id), `partner unit ${id}`));
  });
}

/** Edits or archives a partner unit. */
export async function updatePartnerUnit(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UpdatePartnerUnit,
): Promise<PartnerUnit> {
  return inTransaction(deps.db, async ({ trx }) => {
    const row = await repo.findPartnerById(trx, id);
    if (!row) throw notFound('partner_unit');
    authorize(actor, 'org.manage', { districtId: row.district_id, path: row.node_path }, 'partner_unit');
    const now = iso(deps.clock.now());
    const patch: Parameters<typeof repo.updatePartner>[3] = { updated_at: now };
    const changed: string[] = [];
    if (input.name !== undefined && input.name !== row.name) {
      patch.name = input.name;
      changed.push('name');
    }
    if (input.category !== undefined && input.category !== row.category) {
      patch.category = input.category;
      changed.push('category');
    }
    if (input.contactName !== undefined) {
      patch.contact_name = null;
      patch.contact_name_enc = deps.cipher.encryptNullable(input.contactName || null);
      patch.contact_name_masked = input.contactName ? maskName(input.contactName) : null;
      changed.push('contactName');
    }
    if (input.contactPhone !== undefined) {
      patch.contact_phone_enc = deps.cipher.encryptNullable(input.contactPhone);
      changed.push('contactPhone');
    }
    if (input.archived !== undefined && input.archived !== (row.archived_at !== null)) {
      patch.archived_at = input.archived ? now : null;
      changed.push(input.archived ? 'archived' : 'restored');
    }
    await repo.updatePartner(trx, row.district_id, id, patch);
    await recordAudit(trx, deps.clock, actor, {
      districtId: row.district_id,
      action: 'partner.update',
      targetType: 'partner_unit',
      targetId: id,
      scopeNodeId: row.node_id,
      scopePath: row.node_path,
      details: { name: input.name ?? row.name, changed },
    });
    return toPartner(deps, must(await repo.findPartnerById(trx, id), `partner unit ${id}`));
  });
}
