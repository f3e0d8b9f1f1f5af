// Where things are: communities resolved through the org module (org/index.ts), so this module's queries filter by
// community ids and never read org_nodes themselves.
import type { Executor } from '../../db/transaction.js';
import { findNode, listCommunitiesWithin } from '../org/index.js';
import type { CommunityIds, Reach } from './projects.repository.js';

export interface CommunityInfo {
  id: string;
  districtId: string;
  name: string;
  path: string;
}

/** A row with its community's name and path (scope). */
export type Located<T> = T & { community_name: string; community_path: string };

/** The communities at or under the reaches. */
export async function communitiesWithin(db: Executor, reaches: readonly Reach[]): Promise<CommunityInfo[]> {
  const out = new Map<string, CommunityInfo>();
  for (const r of reaches) {
    for (const c of await listCommunitiesWithin(db, { district_id: r.districtId, path: r.path }))
      out.set(c.id, { id: c.id, districtId: c.district_id, name: c.name, path: c.path });
  }
  return [...out.values()];
}

/** Community ids grouped by district, for the repository's filters (districts without any are left out). */
export function idsByDistrict(communities: readonly CommunityInfo[]): CommunityIds {
  const out = new Map<string, string[]>();
  for (const c of communities) out.set(c.districtId, [...(out.get(c.districtId) ?? []), c.id]);
  return out;
}

/** Attaches each row's community name and path; rows whose community is gone are dropped. */
export async function locate<T extends { district_id: string; community_id: string }>(
  db: Executor,
  rows: readonly T[],
): Promise<Located<T>[]> {
  const cache = new Map<string, { name: string; path: string; district_id: string } | undefined>();
  const out: Located<T>[] = [];
  for (const r of rows) {
    if (!cache.has(r.community_id)) cache.set(r.community_id, await findNode(db, r.community_id));
    const c = cache.get(r.community_id);
    if (!c || c.district_id !== r.district_id) continue;
    out.push({ ...r, community_name: c.name, community_path: c.path });
  }
  return out;
}

/** One row located, or undefined. */
export async function locateOne<T extends { district_id: string; community_id: string }>(
  db: Executor,
  row: T | undefined,
): Promise<Located<T> | undefined> {
  return row ? (await locate(db, [row]))[0] : undefined;
}
