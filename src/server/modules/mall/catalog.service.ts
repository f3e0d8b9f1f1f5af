// The catalog: points-supermarket goods with stock, merchant offers, community services.
import { type Selectable, sql } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import { distanceMetres } from '../../platform/geo.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.js';
import { type Actor, can, grantsFor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import type { CatalogItemTable } from './mall.tables.js';
import { findMerchant, isMerchantStaff } from './merchants.service.js';

export type ItemRow = Selectable<CatalogItemTable> & { merchant_name: string | null; merchant_status: string | null; merchant_lat: number | null; merchant_lng: number | null; merchant_address: string | null };

export interface CatalogItem {
  id: string;
  districtId: string;
  kind: 'goods' | 'offer' | 'service';
  merchantId: string | null;
  merchantName: string | null;
  merchantAddress: string | null;
  communityId: string;
  title: string;
  description: string;
  category: string;
  imageUrl: string | null;
  pricePoints: number;
  stock: number | null;
  perPersonLimit: number | null;
  voucherDays: number;
  validUntil: string | null;
  visibleTo: string[] | null;
  status: 'active' | 'hidden' | 'removed';
  distanceMetres: number | null;
}

function items(db: Executor) {
  return db.selectFrom('catalog_items as i')
    .leftJoin('merchants as m', (j) => j.onRef('m.district_id', '=', 'i.district_id').onRef('m.id', '=', 'i.merchant_id'))
    .selectAll('i')
    .select(['m.name as merchant_name', 'm.status as merchant_status', 'm.lat as merchant_lat', 'm.lng as merchant_lng', 'm.address as merchant_address']);
}

export function findItem(db: Executor, id: string): Promise<ItemRow | undefined> {
  return items(db).where('i.id', '=', id).executeTakeFirst();
}


export function toItem(r: ItemRow, near?: { lat: number; lng: number }): CatalogItem {
  return {
    id: r.id, districtId: r.district_id, kind: r.kind as CatalogItem['kind'], merchantId: r.merchant_id, merchantName: r.merchant_name,
    merchantAddress: r.merchant_address, communityId: r.community_id, title: r.title, description: r.description, category: r.category,
    imageUrl: r.image_url, pricePoints: Number(r.price_points), stock: r.stock === null ? null : Number(r.stock),
    perPersonLimit: r.per_person_limit, voucherDays: Number(r.voucher_days), validUntil: r.valid_until,
    visibleTo: r.visible_to ? (JSON.parse(r.visible_to) as string[]) : null, status: r.status as CatalogItem['status'],
    distanceMetres: near && r.merchant_lat !== null && r.merchant_lng !== null ? distanceMetres(near, { lat: r.merchant_lat, lng: r.merchant_lng }) : null,
  };
}

/** Who may manage an item: community staff of its community; merchant staff for their own offers. */
async function canManage(db: Executor, actor: Actor, it: { district_id: string; community_id: string; merchant_id: string | null }) {
  const c = await findNode(db, it.community_id);
  if (c && can(actor, 'mall.manage', { districtId: it.district_id, path: c.path })) return true;
  return !!it.merchant_id && (await isMerchantStaff(db, it.district_id, it.merchant_id, actor.userId));
}

export interface ItemInput {
  kind: 'goods' | 'offer' | 'service';
  communityId?: string;
  merchantId?: string | null;
  title: string;
  description?: string;
  category: string;
  imageUrl?: string | null;
  pricePoints: number;
  stock?: number | null;
  perPersonLimit?: number | null;
  voucherDays?: number;
  validUntil?: string | null;
  visibleTo?: string[] | null;
}

/** Adds an item: supermarket goods and services by the community; offers by a filed merchant (or the community for it). */
export async function createCatalogItem(deps: Deps, actor: Actor, input: ItemInput): Promise<CatalogItem> {
  return inTransaction(deps.db, async ({ trx }) => {
    let districtId: string;
    let communityId: string;
    if (input.kind === 'offer') {
      const m = input.merchantId ? await findMerchant(trx, input.merchantId) : undefined;
      if (!m || !(await canManage(trx, actor, { district_id: m.district_id, community_id: m.community_id, merchant_id: m.id }))) throw notFound('merchant');
      if (m.status !== 'filed') throw new AppError('MERCHANT_STATE', { status: m.status, action: 'publish' });
      districtId = m.district_id;
      communityId = m.community_id;
    } else {
      const c = input.communityId ? await findNode(trx, input.communityId) : undefined;
      if (!c || c.kind !== 'community' || !can(actor, 'mall.manage', { districtId: c.district_id, path: c.path })) throw notFound('org_node');
      districtId = c.district_id;
      communityId = c.id;
    }
    const id = newId();
    const now = iso(deps.clock.now());
    await trx.insertInto('catalog_items').values({
      district_id: districtId, id, kind: input.kind, merchant_id: input.kind === 'offer' ? input.merchantId! : null, community_id: communityId,
      title: input.title, description: input.description ?? '', category: input.category, image_url: input.imageUrl ?? null,
      price_points: input.pricePoints, stock: input.stock ?? null, per_person_limit: input.perPersonLimit ?? null,
      voucher_days: input.voucherDays ?? 30, valid_until: input.validUntil ?? null, visible_to: input.visibleTo ? JSON.stringify(input.visibleTo) : null,
      status: 'active', created_by: actor.userId, created_at: now, updated_at: now,
    }).execute();
    const c = (await findNode(trx, communityId))!;
    await recordAudit(trx, deps.clock, actor, {
      districtId, action: 'catalog.create', targetType: 'catalog_item', targetId: id, scopeNodeId: communityId, scopePath: c.path,
      details: { title: input.title, kind: input.kind, pricePoints: input.pricePoints, stock: input.stock ?? null },
    });
    return toItem((await findItem(trx, id))!);
  });
}

/** Edits an item: price, stock, limits, visibility, or hides/removes it (moderation). */
export async function updateCatalogItem(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: Partial<Omit<ItemInput, 'kind' | 'merchantId' | 'communityId'>> & { status?: 'active' | 'hidden' | 'removed' },
): Promise<CatalogItem> {
  return inTransaction(deps.db, async ({ trx }) => {
    const it = await findItem(trx, id);
    if (!it || !(await canManage(trx, actor, it))) throw notFound('catalog_item');
    const set: Partial<Selectable<CatalogItemTable>> = { updated_at: iso(deps.clock.now()) };
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.description !== undefined) set.description = patch.description;
    if (patch.category !== undefined) set.category = patch.category;
    if (patch.imageUrl !== undefined) set.image_url = patch.imageUrl;
    if (patch.pricePoints !== undefined) set.price_points = patch.pricePoints;
    if (patch.stock !== undefined) set.stock = patch.stock;
    if (patch.perPersonLimit !== undefined) set.per_person_limit = patch.perPersonLimit;
    if (patch.voucherDays !== undefined) set.voucher_days = patch.voucherDays;
    if (patch.validUntil !== undefined) set.valid_until = patch.validUntil;
    if (patch.visibleTo !== undefined) set.visible_to = patch.visibleTo ? JSON.stringify(patch.visibleTo) : null;
    if (patch.status !== undefined) set.status = patch.status;
    await trx.updateTable('catalog_items').set(set).where('district_id', '=', it.district_id).where('id', '=', id).execute();
    const c = (await findNode(trx, it.community_id))!;
    await recordAudit(trx, deps.clock, actor, {
      districtId: it.district_id, action: 'catalog.update', targetType: 'catalog_item', targetId: id, scopeNodeId: c.id, scopePath: c.path,
      details: { changed: Object.keys(patch) },
    });
    return toItem((await findItem(trx, id))!);
  });
}

/** Items a resident can order (active, in date, of filed merchants, visible to their community), or all items of a merchant for its staff. */
export async function listCatalog(
  deps: Deps,
  actor: Actor,
  q: { districtId?: string; kind?: string; category?: string; q?: string; merchantId?: string; lat?: number; lng?: number; manage?: boolean; cursor?: string; limit?: number },
): Promise<Page<CatalogItem>> {
  const limit = q.limit ?? 20;
  if (q.manage) return listManaged(deps, actor, q, limit);
  const me = await deps.db.selectFrom('users').select('home_district_id').where('id', '=', actor.userId).executeTakeFirst();
  const districtId = q.districtId ?? me?.home_district_id ?? undefined;
  const staffOf = q.merchantId ? await isMerchantStaffAnywhere(deps.db, q.merchantId, actor.userId) : false;
  let query = items(deps.db);
  if (districtId) query = query.where('i.district_id', '=', districtId);
  if (!staffOf) {
    const now = iso(deps.clock.now());
    const community = await homeCommunityOf(deps.db, actor.userId);
    query = query.where('i.status', '=', 'active')
      .where((eb) => eb.or([eb('i.merchant_id', 'is', null), eb('m.status', '=', 'filed')]))
      .where((eb) => eb.or([eb('i.valid_until', 'is', null), eb('i.valid_until', '>', now)]))
      .where((eb) => eb.or([eb('i.visible_to', 'is', null), ...(community ? [eb('i.visible_to', 'like', `%"${community}"%`)] : [])]));
  }
  if (q.kind) query = query.where('i.kind', '=', q.kind);
  if (q.category) query = query.where('i.category', '=', q.category);
  if (q.merchantId) query = query.where('i.merchant_id', '=', q.merchantId);
  if (q.q) query = query.where((eb) => eb.or([eb('i.title', 'like', `%${q.q}%`), eb('m.name', 'like', `%${q.q}%`)]));
  const near = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : undefined;
  if (near) {
    // "Near me" is one list of the nearest items (up to 200 candidates sorted by distance), not pages by date.
    const rows = await query.orderBy('i.id', 'desc').limit(200).execute();
    const sorted = rows.map((r) => toItem(r, near)).sort((a, b) => (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity));
    return { items: sorted.slice(0, limit), nextCursor: null };
  }
  const before = decodeCursor(q.cursor);
  if (before) query = query.where('i.id', '<', before);
  const rows = await query.orderBy('i.id', 'desc').limit(limit + 1).execute();
  return toPage(rows, limit, (r) => r.id, (r) => toItem(r));
}

/** Staff view: every item (any status, any visibility) of the communities they manage and the merchants they staff. */
async function listManaged(
  deps: Deps,
  actor: Actor,
  q: { kind?: string; category?: string; q?: string; merchantId?: string; cursor?: string },
  limit: number,
): Promise<Page<CatalogItem>> {
  const reaches = grantsFor(actor, 'mall.manage').map((g) => ({ districtId: g.districtId, path: g.path }));
  const shops = (await deps.db.selectFrom('merchant_staff').select('merchant_id').where('user_id', '=', actor.userId).execute()).map((r) => r.merchant_id);
  let query = items(deps.db)
    .innerJoin('org_nodes as c', (j) => j.onRef('c.district_id', '=', 'i.district_id').onRef('c.id', '=', 'i.community_id'))
    .where((eb) => eb.or([
      ...reaches.map((r) => eb.and([eb('i.district_id', '=', r.districtId), eb('c.path', 'like', `${r.path}%`)])),
      ...(shops.length ? [eb('i.merchant_id', 'in', shops)] : []),
      sql<boolean>`1 = 0`,
    ]));
  if (q.kind) query = query.where('i.kind', '=', q.kind);
  if (q.category) query = query.where('i.category', '=', q.category);
  if (q.merchantId) query = query.where('i.merchant_id', '=', q.merchantId);
  if (q.q) query = query.where((eb) => eb.or([eb('i.title', 'like', `%${q.q}%`), eb('m.name', 'like', `%${q.q}%`)]));
  const before = decodeCursor(q.cursor);
  if (before) query = query.where('i.id', '<', before);
  const rows = await query.orderBy('i.id', 'desc').limit(limit + 1).execute();
  return toPage(rows, limit, (r) => r.id, (r) => toItem(r));
}

/** One item a resident could order (or any item for the people who manage it). */
export async function getCatalogItem(deps: Deps, actor: Actor, id: string): Promise<CatalogItem> {
  const it = await findItem(deps.db, id);
  if (!it) throw notFound('catalog_item');
  if (await canManage(deps.db, actor, it)) return toItem(it);
  const visible = it.status === 'active' && (!it.merchant_id || it.merchant_status === 'filed');
  if (!visible) throw notFound('catalog_item');
  if (!(await visibleTo(deps.db, actor.userId, it))) throw notFound('catalog_item');
  return toItem(it);
}

async function isMerchantStaffAnywhere(db: Executor, merchantId: string, userId: string): Promise<boolean> {
  return !!(await db.selectFrom('merchant_staff').select('user_id').where('merchant_id', '=', merchantId).where('user_id', '=', userId).executeTakeFirst());
}

/** The community a home node (community, grid or building) belongs to. */
/** The community a person lives in (their home node is a community, or a grid or building inside one). */
async function homeCommunityOf(db: Executor, userId: string): Promise<string | null> {
  const me = await db.selectFrom('users').select('home_node_id').where('id', '=', userId).executeTakeFirst();
  const home = me?.home_node_id ? await findNode(db, me.home_node_id) : undefined;
  if (!home) return null;
  // The community is the one node of kind "community" on the home node's path.
  const c = await db.selectFrom('org_nodes').select('id').where('district_id', '=', home.district_id)
    .where('id', 'in', home.path.split('/').filter(Boolean)).where('kind', '=', 'community').executeTakeFirst();
  return c?.id ?? null;
}

/** Whether an item limited to some communities is visible to this person. */
export async function visibleTo(db: Executor, userId: string, it: { visible_to: string | null }): Promise<boolean> {
  if (!it.visible_to) return true;
  const community = await homeCommunityOf(db, userId);
  return !!community && (JSON.parse(it.visible_to) as string[]).includes(community);
}
