// The catalog: points-supermarket goods with stock, merchant offers, community services.
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import { distanceMetres } from '../../platform/geo.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { countRows, type CountedPage, decodeCursor, toPage, withTotal } from '../../platform/pagination.js';
import { type Actor, can, reachesOf } from '../../platform/permissions.js';
import { inTransaction } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import type { CatalogItemTable } from './mall.tables.js';
import {
  canManageItem,
  homeCommunityOf,
  homeDistrictOf,
  isStaffOf,
  isVisibleTo,
  merchantRefusal,
} from './mall.policy.js';
import * as repo from './mall.repository.js';
import { isOrderable, type ItemKind, type ItemStatus } from './mall.rules.js';
import type { CreateCatalogItem, ListCatalog, UpdateCatalogItem } from './mall.schemas.js';

export type { ItemRow } from './mall.repository.js';

export interface CatalogItem {
  id: string;
  districtId: string;
  kind: ItemKind;
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
  status: ItemStatus;
  distanceMetres: number | null;
}

/** The API view of an item row; with `near`, its merchant's distance from there. */
export function toItem(r: repo.ItemRow, near?: { lat: number; lng: number }): CatalogItem {
  return {
    id: r.id,
    districtId: r.district_id,
    kind: r.kind,
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    merchantAddress: r.merchant_address,
    communityId: r.community_id,
    title: r.title,
    description: r.description,
    category: r.category,
    imageUrl: r.image_url,
    pricePoints: Number(r.price_points),
    stock: r.stock === null ? null : Number(r.stock),
    perPersonLimit: r.per_person_limit,
    voucherDays: Number(r.voucher_days),
    validUntil: r.valid_until,
    visibleTo: r.visible_to ? (JSON.parse(r.visible_to) as string[]) : null,
    status: r.status,
    distanceMetres:
      near && r.merchant_lat !== null && r.merchant_lng !== null
        ? distanceMetres(near, { lat: r.merchant_lat, lng: r.merchant_lng })
        : null,
  };
}

/** Adds an item: supermarket goods and services by the community; offers by a filed merchant (or the community for it). */
export async function createCatalogItem(deps: Deps, actor: Actor, input: CreateCatalogItem): Promise<CatalogItem> {
  return inTransaction(deps.db, async ({ trx }) => {
    let districtId: string;
    let communityId: string;
    let merchantId: string | null = null;
    if (input.kind === 'offer') {
      const m = input.merchantId ? await repo.findMerchant(trx, input.merchantId) : undefined;
      if (
        !m ||
        !(await canManageItem(trx, actor, {
          district_id: m.district_id,
          community_id: m.community_id,
          merchant_id: m.id,
        }))
      ) {
        throw merchantRefusal(actor, m);
      }
      if (m.status !== 'filed') throw new AppError('MERCHANT_STATE', { status: m.status, action: 'publish' });
      districtId = m.district_id;
      communityId = m.community_id;
      merchantId = m.id;
    } else {
      const c = input.communityId ? await findNode(trx, input.communityId) : undefined;
      if (!c || c.kind !== 'community' || !can(actor, 'mall.manage', { districtId: c.district_id, path: c.path }))
        throw notFound('org_node');
      districtId = c.district_id;
      communityId = c.id;
    }
    const id = newId();
    const now = iso(deps.clock.now());
    await repo.insertItem(trx, {
      district_id: districtId,
      id,
      kind: input.kind,
      merchant_id: merchantId,
      community_id: communityId,
      title: input.title,
      description: input.description ?? '',
      category: input.category,
      image_url: input.imageUrl ?? null,
      price_points: input.pricePoints,
      stock: input.stock ?? null,
      per_person_limit: input.perPersonLimit ?? null,
      voucher_days: input.voucherDays ?? 30,
      valid_until: input.validUntil ?? null,
      visible_to: input.visibleTo ? JSON.stringify(input.visibleTo) : null,
      status: 'active',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const c = (await findNode(trx, communityId))!;
    await recordAudit(trx, deps.clock, actor, {
      districtId,
      action: 'catalog.create',
      targetType: 'catalog_item',
      targetId: id,
      scopeNodeId: communityId,
      scopePath: c.path,
      details: { title: input.title, kind: input.kind, pricePoints: input.pricePoints, stock: input.stock ?? null },
    });
    return toItem((await repo.findItem(trx, id))!);
  });
}

/** Edits an item: price, stock, limits, visibility, or hides/removes it (moderation). */
export async function updateCatalogItem(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: UpdateCatalogItem,
): Promise<CatalogItem> {
  return inTransaction(deps.db, async ({ trx }) => {
    const it = await repo.findItem(trx, id);
    if (!it || !(await canManageItem(trx, actor, it))) throw notFound('catalog_item');
    const set: Updateable<CatalogItemTable> = { updated_at: iso(deps.clock.now()) };
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
    await repo.updateItem(trx, it.district_id, id, set);
    const c = (await findNode(trx, it.community_id))!;
    await recordAudit(trx, deps.clock, actor, {
      districtId: it.district_id,
      action: 'catalog.update',
      targetType: 'catalog_item',
      targetId: id,
      scopeNodeId: c.id,
      scopePath: c.path,
      details: { changed: Object.keys(patch) },
    });
    return toItem((await repo.findItem(trx, id))!);
  });
}

/** Items a resident can order (isOrderable and visible to their community), or all items of a merchant for its staff. */
export async function listCatalog(deps: Deps, actor: Actor, q: ListCatalog): Promise<CountedPage<CatalogItem>> {
  const limit = q.limit;
  const before = decodeCursor(q.cursor);
  if (q.manage) {
    const reaches = reachesOf(actor, 'mall.manage');
    const shops = await repo.shopsOf(deps.db, actor.userId);
    const filter = { kind: q.kind, category: q.category, q: q.q, merchantId: q.merchantId, reaches, shops };
    const rows = await repo.listManagedItems(deps.db, { ...filter, before, limit: limit + 1 });
    const total = await countRows(repo.managedItemsFiltered(deps.db, filter));
    return withTotal(
      toPage(
        rows,
        limit,
        (r) => r.id,
        (r) => toItem(r),
      ),
      total,
    );
  }
  const districtId = q.districtId ?? (await homeDistrictOf(deps.db, actor.userId)) ?? undefined;
  const shop = q.merchantId ? await repo.findMerchant(deps.db, q.merchantId) : undefined;
  const staffOf = !!shop && (await isStaffOf(deps.db, actor, shop));
  const orderable = staffOf
    ? null
    : { now: iso(deps.clock.now()), community: await homeCommunityOf(deps.db, actor.userId) };
  const filter = { districtId, kind: q.kind, category: q.category, q: q.q, merchantId: q.merchantId, orderable };
  if (q.lat !== undefined && q.lng !== undefined) {
    // "Near me" is one list of the nearest items (up to 200 candidates sorted by distance), not pages by date.
    const near = { lat: q.lat, lng: q.lng };
    const rows = await repo.listItems(deps.db, { ...filter, before: null, limit: 200 });
    const sorted = rows
      .map((r) => toItem(r, near))
      .sort((a, b) => (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity));
    // That one list is all there is to load, so its total is its length.
    const items = sorted.slice(0, limit);
    return { items, nextCursor: null, total: items.length };
  }
  const rows = await repo.listItems(deps.db, { ...filter, before, limit: limit + 1 });
  const total = await countRows(repo.itemsFiltered(deps.db, filter));
  return withTotal(
    toPage(
      rows,
      limit,
      (r) => r.id,
      (r) => toItem(r),
    ),
    total,
  );
}

/** One item a resident could order now (or any item for the people who manage it). */
export async function getCatalogItem(deps: Deps, actor: Actor, id: string): Promise<CatalogItem> {
  const it = await repo.findItem(deps.db, id);
  if (!it) throw notFound('catalog_item');
  if (await canManageItem(deps.db, actor, it)) return toItem(it);
  if (!isOrderable(it, deps.clock.now()) || !(await isVisibleTo(deps.db, actor, it))) throw notFound('catalog_item');
  return toItem(it);
}
