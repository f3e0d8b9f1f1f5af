// Who may do what with a need: staff holding need.manage over its grid (or, without a grid, its community) manage
// it; the requester acts on their own need with no grant. Anyone else is told "not found".
import { type Actor, can, type Reach, reachesOf } from '../../platform/permissions.js';
import type { NeedRow } from './needs.repository.js';

/** The org path a need is scoped by: its grid's when it has one, else its community's. */
export function scopePathOf(n: Pick<NeedRow, 'grid_path' | 'community_path'>): string {
  return n.grid_path ?? n.community_path;
}

/** Whether the actor manages the need (staff in scope). */
export function canManageNeed(actor: Actor, n: NeedRow): boolean {
  return can(actor, 'need.manage', { districtId: n.district_id, path: scopePathOf(n) });
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
