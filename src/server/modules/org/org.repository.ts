// Queries of the organisation module. Db or transaction handle first; rows come back as stored.
import type { Expression, Selectable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { OrgNodeTable, PartnerUnitTable } from './org.tables.js';

export type OrgNodeRow = Selectable<OrgNodeTable>;
export type PartnerUnitRow = Selectable<PartnerUnitTable> & { node_name: string; node_path: string };

export interface Reach {
  districtId: string;
  path: string;
}

/** A node by id (ids are ULIDs, unique across districts). */
export function findNodeById(db: Executor, id: string): Promise<OrgNodeRow | undefined> {
  return db.selectFrom('org_nodes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Nodes under any of the reaches, ordered by path (parents first), after a path cursor. */
export function listNodesWithin(
  db: Executor,
  reaches: Reach[],
  opts: { includeArchived: boolean; afterPath: string | null; limit: number; districtId?: string },
): Promise<OrgNodeRow[]> {
  let q = db.selectFrom('org_nodes').selectAll();
  q = q.where((eb) =>
    eb.or(reaches.map((r) => eb.and([eb('district_id', '=', r.districtId), eb('path', 'like', `${r.path}%`)]))),
  );
  if (opts.districtId) q = q.where('district_id', '=', opts.districtId);
  if (!opts.includeArchived) q = q.where('archived_at', 'is', null);
  if (opts.afterPath) q = q.where('path', '>', opts.afterPath);
  return q.orderBy('path').limit(opts.limit).execute();
}

/** Districts, streets and communities that are not archived (for registration). */
export function listPublicNodes(db: Executor): Promise<OrgNodeRow[]> {
  return db
    .selectFrom('org_nodes')
    .selectAll()
    .where('kind', 'in', ['district', 'street', 'community'])
    .where('archived_at', 'is', null)
    .orderBy('district_id')
    .orderBy('path')
    .execute();
}

export function findNodeByCode(db: Executor, districtId: string, code: string): Promise<OrgNodeRow | undefined> {
  return db
    .selectFrom('org_nodes')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** An active sibling with the same name, if any. */
export function findSiblingByName(
  db: Executor,
  districtId: string,
  parentId: string,
  name: string,
): Promise<OrgNodeRow | undefined> {
  return db
    .selectFrom('org_nodes')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('parent_id', '=', parentId)
    .where('name', '=', name)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export async function countActiveChildren(db: Executor, districtId: string, id: string): Promise<number> {
  const row = await db
    .selectFrom('org_nodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('district_id', '=', districtId)
    .where('parent_id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertNode(db: Executor, row: OrgNodeRow): Promise<void> {
  await db.insertInto('org_nodes').values(row).execute();
}

export async function updateNode(
  db: Executor,
  districtId: string,
  id: string,
  patch: Partial<Pick<OrgNodeRow, 'name' | 'code' | 'archived_at' | 'parent_id' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('org_nodes').set(patch).where('district_id', '=', districtId).where('id', '=', id).execute();
}

/** Rewrites the paths and depths of a subtree after a move. */
export async function moveSubtree(
  db: Executor,
  districtId: string,
  oldPath: string,
  newPath: string,
  depthDelta: number,
): Promise<void> {
  const rows = await db
    .selectFrom('org_nodes')
    .select(['id', 'path', 'depth'])
    .where('district_id', '=', districtId)
    .where('path', 'like', `${oldPath}%`)
    .execute();
  for (const r of rows) {
    await db
      .updateTable('org_nodes')
      .set({ path: newPath + r.path.slice(oldPath.length), depth: r.depth + depthDelta })
      .where('district_id', '=', districtId)
      .where('id', '=', r.id)
      .execute();
  }
}

const partnerColumns = [
  'p.district_id',
  'p.id',
  'p.node_id',
  'p.name',
  'p.category',
  'p.contact_name',
  'p.contact_name_enc',
  'p.contact_name_masked',
  'p.contact_phone_enc',
  'p.archived_at',
  'p.created_at',
  'p.updated_at',
  'n.name as node_name',
  'n.path as node_path',
] as const;

export function findPartnerById(db: Executor, id: string): Promise<PartnerUnitRow | undefined> {
  return db
    .selectFrom('partner_units as p')
    .innerJoin('org_nodes as n', (j) => j.onRef('n.district_id', '=', 'p.district_id').onRef('n.id', '=', 'p.node_id'))
    .select(partnerColumns)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Partner units attached to nodes under the reaches, newest first. */
export function listPartnersWithin(
  db: Executor,
  reaches: Reach[],
  opts: { nodePath: string | null; includeArchived: boolean; beforeId: string | null; limit: number },
): Promise<PartnerUnitRow[]> {
  let q = db
    .selectFrom('partner_units as p')
    .innerJoin('org_nodes as n', (j) => j.onRef('n.district_id', '=', 'p.district_id').onRef('n.id', '=', 'p.node_id'))
    .select(partnerColumns)
    .where((eb) =>
      eb.or(reaches.map((r) => eb.and([eb('p.district_id', '=', r.districtId), eb('n.path', 'like', `${r.path}%`)]))),
    );
  if (opts.nodePath) q = q.where('n.path', 'like', `${opts.nodePath}%`);
  if (!opts.includeArchived) q = q.where('p.archived_at', 'is', null);
  if (opts.beforeId) q = q.where('p.id', '<', opts.beforeId);
  return q.orderBy('p.id', 'desc').limit(opts.limit).execute();
}

export async function insertPartner(db: Executor, row: Selectable<PartnerUnitTable>): Promise<void> {
  await db.insertInto('partner_units').values(row).execute();
}

export async function updatePartner(
  db: Executor,
  districtId: string,
  id: string,
  patch: Partial<Selectable<PartnerUnitTable>>,
): Promise<void> {
  await db.updateTable('partner_units').set(patch).where('district_id', '=', districtId).where('id', '=', id).execute();
}

/** A district by its name. */
export function findDistrictByName(db: Executor, name: string): Promise<OrgNodeRow | undefined> {
  return db
    .selectFrom('org_nodes')
    .selectAll()
    .where('kind', '=', 'district')
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Communities (archived ones too: their history still counts) under a path of a district, by path. */
export function listCommunitiesUnder(db: Executor, districtId: string, path: string): Promise<OrgNodeRow[]> {
  return db
    .selectFrom('org_nodes')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('kind', '=', 'community')
    .where('path', 'like', `${path}%`)
    .orderBy('path')
    .execute();
}

/** Names of a district's nodes by id. */
export async function nodeNamesOf(
  db: Executor,
  districtId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_nodes')
    .select(['id', 'name'])
    .where('district_id', '=', districtId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of districts by id (a district's id is its own district_id). */
export async function districtNamesOf(db: Executor, districtIds: readonly string[]): Promise<Map<string, string>> {
  if (districtIds.length === 0) return new Map();
  const ids = [...new Set(districtIds)];
  const rows = await db
    .selectFrom('org_nodes')
    .select(['id', 'name'])
    .where('district_id', 'in', ids)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ------------------------------------------------------------------------ scope and names for other modules
// Other modules never name org_nodes in their queries: they embed these subqueries (exported by index.ts).

/**
 * Ids of the nodes under any of the reaches, as a subquery: `.where('x.community_id', 'in', nodesWithin(db, reaches))`.
 * No reaches → no ids (the predicate is false). Ids are ULIDs, unique across districts.
 */
export function nodesWithin(db: Executor, reaches: readonly Reach[]) {
  return db
    .selectFrom('org_nodes as scope_n')
    .select('scope_n.id')
    .where((eb) =>
      eb.or(
        reaches.map((r) =>
          eb.and([eb('scope_n.district_id', '=', r.districtId), eb('scope_n.path', 'like', `${r.path}%`)]),
        ),
      ),
    );
}

/** Ids of the nodes at or under a path (of whichever district holds it), as a subquery. */
export function nodesUnder(db: Executor, path: string) {
  return db.selectFrom('org_nodes as under_n').select('under_n.id').where('under_n.path', 'like', `${path}%`);
}

/** Ids of the nodes a reach sits on exactly (not below), as a subquery (a district-level reach names its district). */
export function nodesAt(db: Executor, reaches: readonly Reach[]) {
  return db
    .selectFrom('org_nodes as at_n')
    .select('at_n.id')
    .where((eb) =>
      eb.or(reaches.map((r) => eb.and([eb('at_n.district_id', '=', r.districtId), eb('at_n.path', '=', r.path)]))),
    );
}

type NodeField = 'name' | 'path' | 'kind' | 'archived_at';

/**
 * One column of the node (district, id), as a correlated scalar subquery for a select or where:
 * `nodeFieldOf(db, 'name', eb.ref('a.district_id'), eb.ref('a.community_id')).$notNull().as('community_name')`.
 * Null when there is no such node (use `$notNull()` where a foreign key guarantees it).
 */
export function nodeFieldOf<F extends NodeField>(
  db: Executor,
  field: F,
  districtId: Expression<string | null>,
  nodeId: Expression<string | null>,
) {
  return db
    .selectFrom('org_nodes as f_n')
    .select(`f_n.${field}`)
    .where('f_n.district_id', '=', districtId as Expression<string>)
    .where('f_n.id', '=', nodeId as Expression<string>)
    .$asScalar()
    .$castTo<OrgNodeRow[F] | null>();
}

/** The community on a node's path (the node itself when it is one), or undefined (a street, a district). */
export async function communityOnPath(db: Executor, districtId: string, path: string): Promise<OrgNodeRow | undefined> {
  return db
    .selectFrom('org_nodes')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('id', 'in', path.split('/').filter(Boolean))
    .where('kind', '=', 'community')
    .executeTakeFirst();
}

/** Names of nodes by (district, id), for other modules (the audit log names its targets). */
export function nodeNamesByKey(db: Executor, keys: ReadonlyArray<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_nodes')
    .select(['district_id', 'id', 'name'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}

/** Names of partner units by (district, id), for other modules (the audit log names its targets). */
export function partnerNamesByKey(db: Executor, keys: ReadonlyArray<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partner_units')
    .select(['district_id', 'id', 'name'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}

/** Active children of a node of one kind (a community's grids), for other modules (the volunteer import). */
export function listActiveChildren(db: Executor, districtId: string, parentId: string, kind: string) {
  return db
    .selectFrom('org_nodes')
    .select(['id', 'name'])
    .where('district_id', '=', districtId)
    .where('parent_id', '=', parentId)
    .where('kind', '=', kind)
    .where('archived_at', 'is', null)
    .execute();
}

/** True when the database holds at least one org node (false on a first start). */
export async function hasAnyNode(db: Executor): Promise<boolean> {
  return !!(await db.selectFrom('org_nodes').select('id').limit(1).executeTakeFirst());
}
