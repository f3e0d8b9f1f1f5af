// Queries of star-level promotions and objections (Kysely only, executor first).
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { Reach } from '../../platform/permissions.js';
import { nodeFieldOf, nodesWithin } from '../org/index.js';
import { teamFieldOf } from '../volunteers/index.js';
import type { StarObjectionTable, StarPromotionTable } from './stars.tables.js';

export type PromotionRow = StarPromotionTable;

const LIVE = ['in_publicity', 'objected'];

export function findPromotion(db: Executor, id: string) {
  return db.selectFrom('star_promotions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A person's promotions in a district, newest first. */
export function promotionsOf(db: Executor, districtId: string, userId: string) {
  return db
    .selectFrom('star_promotions')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Inserts a promotion unless the person already has a live or effective one for that level; true when inserted. */
export async function insertPromotion(db: Executor, row: Insertable<StarPromotionTable>): Promise<boolean> {
  const r = await db
    .insertInto('star_promotions')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Moves a promotion if it is still at `version` (and `from`); true when this call moved it. */
export async function updatePromotionAt(
  db: Executor,
  p: { district_id: string; id: string; version: number; status: string },
  patch: Updateable<StarPromotionTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('star_promotions')
    .set({ ...patch, version: Number(p.version) + 1 })
    .where('district_id', '=', p.district_id)
    .where('id', '=', p.id)
    .where('version', '=', p.version)
    .where('status', '=', p.status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Promotions in publicity whose period ended before `today` (China date), across districts. */
export function publicityEnded(db: Executor, today: string, limit: number) {
  return db
    .selectFrom('star_promotions')
    .select(['district_id', 'id'])
    .where('status', '=', 'in_publicity')
    .where('publicity_until', '<', today)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Inserts an objection unless the person already objected to the promotion; true when inserted. */
export async function insertObjection(db: Executor, row: Insertable<StarObjectionTable>): Promise<boolean> {
  const r = await db
    .insertInto('star_objections')
    .values(row)
    .onConflict((oc) => oc.columns(['district_id', 'promotion_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function objectionsOf(db: Executor, districtId: string, promotionId: string) {
  return db
    .selectFrom('star_objections')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('promotion_id', '=', promotionId)
    .orderBy('created_at')
    .execute();
}

export function objectionCounts(db: Executor, districtId: string, promotionIds: readonly string[]) {
  if (promotionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('star_objections')
    .select(['promotion_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('district_id', '=', districtId)
    .where('promotion_id', 'in', [...promotionIds])
    .groupBy('promotion_id')
    .execute();
}

export function hasObjected(db: Executor, districtId: string, userId: string, promotionIds: readonly string[]) {
  if (promotionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('star_objections')
    .select('promotion_id')
    .where('district_id', '=', districtId)
    .where('user_id', '=', userId)
    .where('promotion_id', 'in', [...promotionIds])
    .execute();
}

/** The public publicity list of a district (optionally one community): live promotions, newest first. */
export function listPublicity(db: Executor, districtId: string, communityId: string | undefined, limit: number) {
  let q = db
    .selectFrom('star_promotions as p')
    .select((eb) => [
      'p.id',
      'p.district_id',
      'p.name_masked',
      'p.level',
      'p.status',
      'p.community_id',
      'p.publicity_from',
      'p.publicity_until',
      nodeFieldOf(db, 'name', eb.ref('p.district_id'), eb.ref('p.community_id')).as('community_name'),
      teamFieldOf(db, 'name', eb.ref('p.district_id'), eb.ref('p.team_id')).as('team_name'),
    ])
    .where('p.district_id', '=', districtId)
    .where('p.status', 'in', LIVE);
  if (communityId) q = q.where('p.community_id', '=', communityId);
  return q.orderBy('p.publicity_from', 'desc').orderBy('p.id', 'desc').limit(limit).execute();
}

/** Promotions within the actor's reaches (console), by status, newest first. */
export function listInScope(db: Executor, reaches: Reach[], statuses: readonly string[], limit: number) {
  return db
    .selectFrom('star_promotions as p')
    .selectAll('p')
    .select((eb) => [
      nodeFieldOf(db, 'name', eb.ref('p.district_id'), eb.ref('p.community_id')).as('community_name'),
      teamFieldOf(db, 'name', eb.ref('p.district_id'), eb.ref('p.team_id')).as('team_name'),
    ])
    .where('p.community_id', 'in', nodesWithin(db, reaches))
    .where('p.status', 'in', [...statuses])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();
}

/** The effective level of each person (0 when none), for the certificate and the volunteer card. */
export async function effectiveLevelOf(db: Executor, districtId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('star_promotions')
    .select((eb) => eb.fn.max('level').as('level'))
    .where('district_id', '=', districtId)
    .where('user_id', '=', userId)
    .where('status', '=', 'effective')
    .executeTakeFirst();
  return Number(row?.level ?? 0);
}
