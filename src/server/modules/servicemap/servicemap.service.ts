// Use cases of the service map (15分钟服务圈): staff keep the points of their communities; anyone reads the active
// points of a district and searches "near me". Coordinates arrive and leave in the caller's system (coord) and are
// WGS-84 everywhere inside.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import {
  boundingBox,
  type CoordSystem,
  distanceMetres,
  fromWgs84,
  type LatLng,
  toWgs84,
  walkingMinutes,
} from '../../platform/geo.js';
import { newId } from '../../platform/ids.js';
import { must } from '../../platform/must.js';
import { countRows, type CountedPage, decodeCursor, toPage } from '../../platform/pagination.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findNode, nodeNamesOf } from '../org/index.js';
import { managedCommunity, staffCommunities } from './servicemap.policy.js';
import * as repo from './servicemap.repository.js';
import {
  emptyHours,
  fromE7,
  isOpenAt,
  round7,
  type ServicePointCategory,
  type ServicePointState,
  toE7,
  type WeeklyHours,
  WEEKDAYS,
} from './servicemap.rules.js';
import type {
  ArchiveServicePoint,
  CreateServicePoint,
  ListServicePoints,
  MapConfig,
  Nearby,
  UpdateServicePoint,
} from './servicemap.schemas.js';

export interface ServicePoint {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  name: string;
  category: ServicePointCategory;
  address: string;
  hours: WeeklyHours;
  hoursNote: string | null;
  openNow: boolean | null;
  contactPhone: string | null;
  description: string;
  lat: number;
  lng: number;
  coord: CoordSystem;
  status: ServicePointState;
  createdAt: string;
  updatedAt: string;
}

export interface NearbyServicePoint extends ServicePoint {
  distanceMetres: number;
  walkingMinutes: number;
}

/** Stored hours, read defensively: a day missing from the JSON is a closed day. */
function parseHours(json: string): WeeklyHours {
  const raw = JSON.parse(json) as Partial<Record<string, unknown>>;
  const hours = emptyHours();
  for (const d of WEEKDAYS) {
    const v = raw[d];
    hours[d] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }
  return hours;
}

function positionOf(r: { lat_e7: number; lng_e7: number }): LatLng {
  return { lat: fromE7(r.lat_e7), lng: fromE7(r.lng_e7) };
}

function toPoint(deps: Deps, r: repo.ServicePointRow, names: Map<string, string>, coord: CoordSystem): ServicePoint {
  const hours = parseHours(r.hours);
  const at = fromWgs84(positionOf(r), coord);
  return {
    id: r.id,
    districtId: r.district_id,
    communityId: r.community_id,
    communityName: names.get(r.community_id) ?? '',
    name: r.name,
    category: r.category,
    address: r.address,
    hours,
    hoursNote: r.hours_note,
    openNow: isOpenAt(hours, deps.clock.now()),
    contactPhone: r.contact_phone,
    description: r.description,
    lat: round7(at.lat),
    lng: round7(at.lng),
    coord,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function present(deps: Deps, db: Executor, rows: repo.ServicePointRow[], coord: CoordSystem) {
  const first = rows[0];
  if (!first) return [];
  const names = await nodeNamesOf(db, first.district_id, [...new Set(rows.map((r) => r.community_id))]);
  return rows.map((r) => toPoint(deps, r, names, coord));
}

async function presentOne(deps: Deps, db: Executor, districtId: string, id: string, coord: CoordSystem) {
  const row = must(await repo.findServicePoint(db, districtId, id), `service point ${id}`);
  return must((await present(deps, db, [row], coord))[0], 'presented service point');
}

/** A district by id, or NOT_FOUND (public reads name one). */
async function requireDistrict(db: Executor, districtId: string) {
  const d = await findNode(db, districtId);
  if (!d || d.kind !== 'district') throw notFound('org_node');
  return d;
}

/** Staff add a point in a community they manage (audited). */
export async function createServicePoint(deps: Deps, actor: Actor, input: CreateServicePoint): Promise<ServicePoint> {
  return inTransaction(deps.db, async ({ trx }) => {
    const c = await managedCommunity(trx, actor, input.communityId, 'org_node');
    const at = toWgs84({ lat: input.lat, lng: input.lng }, input.coord);
    const id = newId();
    const now = iso(deps.clock.now());
    await repo.insertServicePoint(trx, {
      district_id: c.district_id,
      id,
      community_id: c.id,
      name: input.name,
      category: input.category,
      address: input.address,
      hours: JSON.stringify(input.hours ?? emptyHours()),
      hours_note: input.hoursNote || null,
      contact_phone: input.contactPhone || null,
      description: input.description ?? '',
      lat_e7: toE7(at.lat),
      lng_e7: toE7(at.lng),
      status: 'active',
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: c.district_id,
      action: 'servicepoint.create',
      targetType: 'service_point',
      targetId: id,
      scopeNodeId: c.id,
      scopePath: c.path,
      details: { name: input.name, category: input.category, lat: round7(at.lat), lng: round7(at.lng) },
    });
    return presentOne(deps, trx, c.district_id, id, input.coord);
  });
}

/** Staff change a point of their communities (audited with the fields changed). */
export async function updateServicePoint(
  deps: Deps,
  actor: Actor,
  districtId: string,
  id: string,
  input: UpdateServicePoint,
): Promise<ServicePoint> {
  return inTransaction(deps.db, async ({ trx }) => {
    const p = await repo.findServicePoint(trx, districtId, id);
    if (!p) throw notFound('service_point');
    const c = await managedCommunity(trx, actor, p.community_id, 'service_point');
    const at =
      input.lat !== undefined && input.lng !== undefined
        ? toWgs84({ lat: input.lat, lng: input.lng }, input.coord)
        : null;
    const changed = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.category !== undefined && { category: input.category }),
      ...(input.address !== undefined && { address: input.address }),
      ...(input.hours !== undefined && { hours: JSON.stringify(input.hours) }),
      ...(input.hoursNote !== undefined && { hours_note: input.hoursNote || null }),
      ...(input.contactPhone !== undefined && { contact_phone: input.contactPhone || null }),
      ...(input.description !== undefined && { description: input.description }),
      ...(at && { lat_e7: toE7(at.lat), lng_e7: toE7(at.lng) }),
    };
    await repo.updateServicePoint(trx, districtId, id, {
      ...changed,
      updated_by: actor.userId,
      updated_at: iso(deps.clock.now()),
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId,
      action: 'servicepoint.update',
      targetType: 'service_point',
      targetId: id,
      scopeNodeId: c.id,
      scopePath: c.path,
      details: { name: p.name, fields: Object.keys(changed) },
    });
    return presentOne(deps, trx, districtId, id, input.coord);
  });
}

/** Staff take a point off the public map (archived: kept, staff still see it) or put it back (audited). */
export async function archiveServicePoint(
  deps: Deps,
  actor: Actor,
  districtId: string,
  id: string,
  input: ArchiveServicePoint,
): Promise<ServicePoint> {
  return inTransaction(deps.db, async ({ trx }) => {
    const p = await repo.findServicePoint(trx, districtId, id);
    if (!p) throw notFound('service_point');
    const c = await managedCommunity(trx, actor, p.community_id, 'service_point');
    const status: ServicePointState = input.archived ? 'archived' : 'active';
    if (status !== p.status) {
      await repo.updateServicePoint(trx, districtId, id, {
        status,
        updated_by: actor.userId,
        updated_at: iso(deps.clock.now()),
      });
      await recordAudit(trx, deps.clock, actor, {
        districtId,
        action: input.archived ? 'servicepoint.archive' : 'servicepoint.restore',
        targetType: 'service_point',
        targetId: id,
        scopeNodeId: c.id,
        scopePath: c.path,
        details: { name: p.name },
      });
    }
    return presentOne(deps, trx, districtId, id, 'wgs84');
  });
}

/** One point: active ones for anyone; archived ones only for staff of its community. */
export async function getServicePoint(
  deps: Deps,
  actor: Actor | null,
  districtId: string,
  id: string,
  coord: CoordSystem,
): Promise<ServicePoint> {
  const p = await repo.findServicePoint(deps.db, districtId, id);
  if (!p) throw notFound('service_point');
  if (p.status !== 'active' && !(await staffCommunities(deps.db, actor, districtId)).includes(p.community_id))
    throw notFound('service_point');
  return must((await present(deps, deps.db, [p], coord))[0], 'presented service point');
}

/** The points of a district: active ones for everyone, archived ones too for staff in their scope; newest first. */
export async function listServicePoints(
  deps: Deps,
  actor: Actor | null,
  districtId: string,
  q: ListServicePoints,
): Promise<CountedPage<ServicePoint>> {
  await requireDistrict(deps.db, districtId);
  const filter: repo.ListFilter = {
    districtId,
    category: q.category,
    communityId: q.communityId,
    q: q.q,
    status: q.status,
    staffCommunities: await staffCommunities(deps.db, actor, districtId),
  };
  const rows = await repo.listServicePoints(deps.db, filter, { before: decodeCursor(q.cursor), limit: q.limit });
  const total = await countRows(repo.servicePointsFiltered(deps.db, filter));
  const page = toPage(
    rows,
    q.limit,
    (r) => r.id,
    (r) => r,
  );
  return { items: await present(deps, deps.db, page.items, q.coord), nextCursor: page.nextCursor, total };
}

/**
 * "Near me": active points within the radius of a position, nearest first, each with its straight-line distance
 * and walking minutes. The index narrows to a lat/lng box; the exact distance decides.
 */
export async function findNearbyServicePoints(deps: Deps, districtId: string, q: Nearby) {
  const here = toWgs84({ lat: q.lat, lng: q.lng }, q.coord);
  const box = boundingBox(here, q.radius);
  const candidates = await repo.activePositionsInBox(
    deps.db,
    districtId,
    {
      minLat: Math.floor(box.minLat * 1e7),
      maxLat: Math.ceil(box.maxLat * 1e7),
      minLng: Math.floor(box.minLng * 1e7),
      maxLng: Math.ceil(box.maxLng * 1e7),
    },
    q.category,
  );
  // An unknown district answers 404, not an empty map; a district with points nearby needs no extra query.
  if (candidates.length === 0) await requireDistrict(deps.db, districtId);
  const near = candidates
    .map((c) => ({ id: c.id, d: distanceMetres(here, positionOf(c)) }))
    .filter((x) => x.d <= q.radius)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
    .slice(0, q.limit);
  const byId = new Map(
    (
      await repo.servicePointsByIds(
        deps.db,
        districtId,
        near.map((x) => x.id),
      )
    ).map((r) => [r.id, r]),
  );
  const rows = near.flatMap((x) => {
    const r = byId.get(x.id);
    return r ? [{ r, d: x.d }] : []; // archived between the two reads: left out
  });
  const points = await present(
    deps,
    deps.db,
    rows.map((x) => x.r),
    q.coord,
  );
  const centre = fromWgs84(here, q.coord);
  return {
    centre: { lat: round7(centre.lat), lng: round7(centre.lng) },
    coord: q.coord,
    radius: q.radius,
    items: points.map((p, i): NearbyServicePoint => {
      const d = near[i]?.d ?? 0;
      return { ...p, distanceMetres: d, walkingMinutes: walkingMinutes(d) };
    }),
  };
}

export type NearbyResult = Awaited<ReturnType<typeof findNearbyServicePoints>>;

/** Categories that mark a community's own centre, in order of preference. */
const CENTRE_CATEGORIES: readonly ServicePointCategory[] = ['activity_centre', 'points_supermarket'];

/**
 * How the map draws (tiles or none) and where it starts when the browser gives no position: the community's own
 * centre (its 党群服务中心 point), else the configured centre, else the middle of the district's points.
 */
export async function getServiceMapConfig(deps: Deps, districtId: string, q: MapConfig) {
  await requireDistrict(deps.db, districtId);
  const m = deps.config.map;
  let centre: { at: LatLng; source: 'community' | 'configured' | 'district'; name: string | null } | null = null;
  if (q.communityId) {
    const own = await repo.communityPoints(deps.db, districtId, q.communityId, CENTRE_CATEGORIES);
    const best = CENTRE_CATEGORIES.map((c) => own.find((p) => p.category === c)).find(Boolean);
    if (best) centre = { at: positionOf(best), source: 'community', name: best.name };
  }
  if (!centre && m.centre) centre = { at: m.centre, source: 'configured', name: null };
  if (!centre) {
    const mean = await repo.meanPosition(deps.db, districtId);
    if (mean) centre = { at: { lat: fromE7(mean.latE7), lng: fromE7(mean.lngE7) }, source: 'district', name: null };
  }
  const at = centre && fromWgs84(centre.at, q.coord);
  return {
    tileUrl: m.tileUrl,
    tileSubdomains: m.tileSubdomains,
    tileCoord: m.tileCoord,
    tileAttribution: m.tileAttribution,
    tileMaxZoom: m.tileMaxZoom,
    centre:
      centre && at
        ? { lat: round7(at.lat), lng: round7(at.lng), coord: q.coord, source: centre.source, name: centre.name }
        : null,
  };
}

export type ServiceMapConfig = Awaited<ReturnType<typeof getServiceMapConfig>>;
