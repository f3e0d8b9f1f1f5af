// Who may do what with a need: staff holding need.manage over its grid (or, without a grid, its community) manage
// it; a grid worker also manages the needs of their community that belong to no grid yet (residents registered at
// community level), so nothing waits unseen. The requester acts on their own need with no grant. Anyone else is told
// "not found".
import { type Actor, can, type Reach, reachesOf } from '../../platform/permissions.js';
import type { NeedRow } from './needs.repository.js';

/** The org path a need is scoped by: its grid's when it has one, else its community's. */
export function scopePathOf(n: Pick<NeedRow, 'grid_path' | 'community_path'>): string {
  return n.grid_path ?? n.community_path;
}

/** The community of each grid-or-building reach (the third node on its path: district / street / community / …). */
export function communitiesAbove(reaches: readonly Reach[]): Reach[] {
  const out: Reach[] = [];
  for (const r of reaches) {
    const ids = r.path.split('/').filter(Boolean);
    if (ids.length >= 4) out.push({ districtId: r.districtId, path: `/${ids.slice(0, 3).join('/')}/` });
  }
  return out;
}

/** Whether the actor manages needs at a place: its grid (or community), or a grid-less need of their community. */
export function canManageAt(
  actor: Actor,
  at: { districtId: string; gridPath: string | null; communityPath: string },
): boolean {
  if (can(actor, 'need.manage', { districtId: at.districtId, path: at.gridPath ?? at.communityPath })) return true;
  return (
    at.gridPath === null &&
    communitiesAbove(reachesOf(actor, 'need.manage')).some(
      (c) => c.districtId === at.districtId && c.path === at.communityPath,
    )
  );
}

/** Whether the actor manages the need (staff in scope). */
export function canManageNeed(actor: Actor, n: NeedRow): boolean {
  return canManageAt(actor, { districtId: n.district_id, gridPath: n.grid_path, communityPath: n.community_path });
}

/** Whether the actor is the person the need is for. */
export function isRequester(actor: Actor, n: Pick<NeedRow, 'requester_user_id'>): boolean {
  return n.requester_user_id === actor.userId;
}

/** Whether the actor may see the need at all. */
export function canSeeNeed(actor: Actor, n: NeedRow): boolean {
  return isRequester(actor, n) || canManageNeed(actor, n);
}

/** The reaches where the actor manages needs (empty for residents). */
export function needReaches(actor: Actor): Reach[] {
  return reachesOf(actor, 'need.manage');
}
