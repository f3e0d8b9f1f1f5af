// Who may do what on the service map: active points are public; staff holding servicepoint.manage over a
// community create, edit, archive and see archived points there. Out of scope answers "not found", like a missing id.
import type { Executor } from '../../db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { type Actor, can, grantsFor } from '../../platform/permissions.js';
import { findNode, listCommunitiesWithin } from '../org/index.js';

/** The community (live, of the district when given) the actor manages service points in; NOT_FOUND otherwise. */
export async function managedCommunity(
  db: Executor,
  actor: Actor,
  communityId: string,
  entity: 'org_node' | 'service_point',
): Promise<{ id: string; district_id: string; path: string }> {
  const c = await findNode(db, communityId);
  if (!c || c.kind !== 'community' || !can(actor, 'servicepoint.manage', { districtId: c.district_id, path: c.path }))
    throw notFound(entity);
  return c;
}

/** The communities of a district where the actor manages service points (none for the public and residents). */
export async function staffCommunities(db: Executor, actor: Actor | null, districtId: string): Promise<string[]> {
  if (!actor) return [];
  const ids = new Set<string>();
  for (const g of grantsFor(actor, 'servicepoint.manage')) {
    if (g.districtId !== districtId) continue;
    for (const c of await listCommunitiesWithin(db, { district_id: g.districtId, path: g.path })) ids.add(c.id);
  }
  return [...ids];
}
