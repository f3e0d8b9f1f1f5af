// Queries of the needs list. Executor first; typed rows out; no rules, no clock, no AppError.
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { nodeFieldOf, nodesAt, nodesWithin } from '../org/index.js';
import type { NeedTable } from './needs.tables.js';

import type { Reach } from '../../platform/permissions.js';

/** A need with its community's and grid's names and paths (the scope staff see it through). */
export type NeedRow = Selectable<NeedTable> & {
  community_name: string;
  community_path: string;
  grid_name: string | null;
  grid_path: string | null;
};

function needs(db: Executor) {
  return db
    .selectFrom('needs as n')
    .selectAll('n')
    .select((eb) => [
      nodeFieldOf(db, 'name', eb.ref('n.district_id'), eb.ref('n.community_id')).$notNull().as('community_name'),
      nodeFieldOf(db, 'path', eb.ref('n.district_id'), eb.ref('n.community_id')).$notNull().as('community_path'),
      nodeFieldOf(db, 'name', eb.ref('n.district_id'), eb.ref('n.grid_id')).as('grid_name'),
      nodeFieldOf(db, 'path', eb.ref('n.district_id'), eb.ref('n.grid_id')).as('grid_path'),
    ]);
}

/** A need by id (its district is read from the row: ids are ULIDs, unique across districts). */
export function findNeedById(db: Executor, id: string): Promise<NeedRow | undefined> {
  return needs(db).where('n.id', '=', id).executeTakeFirst();
}

/** Needs of a district by ids. */
export function findNeedsByIds(db: Executor, districtId: string, ids: readonly string[]): Promise<NeedRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return needs(db)
    .where('n.district_id', '=', districtId)
    .where('n.id', 'in', [...new Set(ids)])
    .orderBy('n.id')
    .execute();
}

export interface NeedFilter {
  /** Staff reaches (need.manage): a need is inside when its grid's path (else its community's) starts with one. */
  reaches: Reach[];
  /** The communities above grid reaches: their grid-less needs are inside too. */
  communitiesOfGrids?: Reach[];
  /** Only the needs this person asked for (a resident's "my needs"). */
  requesterUserId?: string;
  statuses?: string[];
  category?: string;
  urgency?: string;
  communityId?: string;
  q?: string;
}

/** Needs visible through the filter (no cursor, order or limit). */
export function needsFiltered(db: Executor, f: NeedFilter) {
  let q = needs(db);
  if (f.requesterUserId !== undefined) {
    q = q.where('n.requester_user_id', '=', f.requesterUserId);
  } else {
    // A need is inside a reach when its grid (else its community) is: a grid worker sees their grid's needs.
    // A grid worker also sees the grid-less needs of their community (see needs.policy.ts).
    const above = f.communitiesOfGrids ?? [];
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn.coalesce('n.grid_id', 'n.community_id'), 'in', nodesWithin(db, f.reaches)),
        ...(above.length > 0
          ? [eb.and([eb('n.grid_id', 'is', null), eb('n.community_id', 'in', nodesAt(db, above))])]
          : []),
      ]),
    );
  }
  if (f.statuses && f.statuses.length > 0) q = q.where('n.status', 'in', f.statuses);
  if (f.category) q = q.where('n.category', '=', f.category);
  if (f.urgency) q = q.where('n.urgency', '=', f.urgency);
  if (f.communityId) q = q.where('n.community_id', '=', f.communityId);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('n.title', 'like', like), eb('n.description', 'like', like)]));
  }
  return q;
}

/** Needs newest first (created_at, then id), after a keyset cursor; fetches limit + 1 to tell whether more follow. */
export function listNeeds(
  db: Executor,
  f: NeedFilter,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<NeedRow[]> {
  let q = needsFiltered(db, f);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('n.created_at', '<', after.createdAt),
        eb.and([eb('n.created_at', '=', after.createdAt), eb('n.id', '<', after.id)]),
      ]),
    );
  }
  return q
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** How many needs of the filtered list are in each state (the board's column counts). */
export async function countByStatus(db: Executor, f: NeedFilter): Promise<Map<string, number>> {
  const rows = await needsFiltered(db, { ...f, statuses: undefined })
    .clearSelect()
    .select(['n.status as status', sql<number>`count(*)`.as('n')])
    .groupBy('n.status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export async function insertNeed(db: Executor, row: Insertable<NeedTable>): Promise<void> {
  await db.insertInto('needs').values(row).execute();
}

/**
 * Changes a need if it is still at `version` (optimistic check), bumping the version; false when someone changed it
 * first. On PostgreSQL the UPDATE waits for a concurrent writer's commit and then re-checks the version.
 */
export async function updateNeedAtVersion(
  db: Executor,
  districtId: string,
  id: string,
  version: number,
  set: Updateable<NeedTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('needs')
    .set({ ...set, version: version + 1 })
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The status changes of a need, oldest first, from the outbox (its timeline). */
export async function statusChangesOf(
  db: Executor,
  districtId: string,
  needId: string,
): Promise<
  Array<{ district_id: string; id: string; type: string; ref_id: string; payload: string; created_at: string }>
> {
  return db
    .selectFrom('domain_events')
    .select(['district_id', 'id', 'type', 'ref_id', 'payload', 'created_at'])
    .where('district_id', '=', districtId)
    .where('type', '=', 'need.status_changed')
    .where('ref_id', 'like', `${needId}:%`)
    .orderBy('id')
    .execute();
}
