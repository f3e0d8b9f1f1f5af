// Every query of the service map. Executor first; typed rows out; no rules, no clock, no AppError. Community names
// and scope come from the org module's door (the service asks it), never from org_nodes here.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { ServicePointCategory, ServicePointState } from './servicemap.rules.js';
import type { ServicePointTable } from './servicemap.tables.js';

export type ServicePointRow = Selectable<ServicePointTable>;

/** A point of a district by id. */
export function findServicePoint(db: Executor, districtId: string, id: string): Promise<ServicePointRow | undefined> {
  return db
    .selectFrom('service_points')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertServicePoint(db: Executor, row: Insertable<ServicePointTable>): Promise<void> {
  await db.insertInto('service_points').values(row).execute();
}

export async function updateServicePoint(
  db: Executor,
  districtId: string,
  id: string,
  set: Updateable<ServicePointTable>,
): Promise<void> {
  await db.updateTable('service_points').set(set).where('district_id', '=', districtId).where('id', '=', id).execute();
}

export interface ListFilter {
  districtId: string;
  category?: ServicePointCategory;
  communityId?: string;
  q?: string;
  status?: ServicePointState;
  /** Communities whose archived points the reader may see too (staff scope); active points are public. */
  staffCommunities: readonly string[];
}

/** The points of a district a reader may see, filtered. */
export function servicePointsFiltered(db: Executor, f: ListFilter) {
  let q = db.selectFrom('service_points').selectAll().where('district_id', '=', f.districtId);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.communityId) q = q.where('community_id', '=', f.communityId);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('address', 'like', like)]));
  }
  if (f.status) q = q.where('status', '=', f.status);
  const staff = f.staffCommunities;
  return q.where((eb) =>
    staff.length > 0
      ? eb.or([eb('status', '=', 'active'), eb('community_id', 'in', staff)])
      : eb('status', '=', 'active'),
  );
}

/** A page of the filtered points, newest first, before a cursor (one row more than the limit tells "more"). */
export function listServicePoints(db: Executor, f: ListFilter, page: { before: string | null; limit: number }) {
  let q = servicePointsFiltered(db, f);
  if (page.before) q = q.where('id', '<', page.before);
  return q
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/**
 * Positions of the active points of a district inside a box (in 1e-7 degrees): the index prefilter of "near me".
 * Only id and position, so a wide box stays cheap; the few nearest are then read whole (servicePointsByIds).
 */
export function activePositionsInBox(
  db: Executor,
  districtId: string,
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  category: ServicePointCategory | undefined,
): Promise<Array<Pick<ServicePointRow, 'id' | 'lat_e7' | 'lng_e7'>>> {
  let q = db
    .selectFrom('service_points')
    .select(['id', 'lat_e7', 'lng_e7'])
    .where('district_id', '=', districtId)
    .where('status', '=', 'active')
    .where('lat_e7', '>=', box.minLat)
    .where('lat_e7', '<=', box.maxLat)
    .where('lng_e7', '>=', box.minLng)
    .where('lng_e7', '<=', box.maxLng);
  if (category) q = q.where('category', '=', category);
  return q.execute();
}

/** Points of a district by ids (any order). */
export function servicePointsByIds(
  db: Executor,
  districtId: string,
  ids: readonly string[],
): Promise<ServicePointRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_points')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('id', 'in', ids)
    .execute();
}

/** The active points of a community in the given categories, oldest first (the community's own centre). */
export function communityPoints(
  db: Executor,
  districtId: string,
  communityId: string,
  categories: readonly ServicePointCategory[],
): Promise<ServicePointRow[]> {
  return db
    .selectFrom('service_points')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where('category', 'in', categories)
    .orderBy('id')
    .execute();
}

/** The mean position of a district's active points (the last-resort map centre), or undefined when it has none. */
export async function meanPosition(db: Executor, districtId: string) {
  const row = await db
    .selectFrom('service_points')
    .select((eb) => [eb.fn.avg<number | string>('lat_e7').as('lat'), eb.fn.avg<number | string>('lng_e7').as('lng')])
    .where('district_id', '=', districtId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row && row.lat !== null && row.lng !== null ? { latE7: Number(row.lat), lngE7: Number(row.lng) } : undefined;
}
