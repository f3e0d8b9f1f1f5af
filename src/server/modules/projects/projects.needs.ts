// The one place projects talk to the needs module (through needs/index.ts): check and link bundled needs, and
// name them on a project's page.
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/permissions.js';
import type { Executor, Tx } from '../../db/transaction.js';
import { findManagedNeed, linkNeedsToProject, listNeedsByIds } from '../needs/index.js';

export interface NeedSummary {
  id: string;
  title: string;
  category: string;
  urgency: string;
  status: string;
}

/**
 * Links needs to a project in the caller's transaction: each must be a need the actor manages, of the project's
 * community (NOT_FOUND otherwise), in a state that may move to 'linked' (the needs module answers NEED_STATE).
 */
export async function linkNeeds(
  deps: Deps,
  trx: Tx,
  actor: Actor,
  project: { districtId: string; id: string; communityId: string },
  needIds: readonly string[],
): Promise<void> {
  if (needIds.length === 0) return;
  for (const id of needIds) {
    const need = await findManagedNeed(trx, actor, id);
    if (need.district_id !== project.districtId || need.community_id !== project.communityId) throw notFound('need');
  }
  await linkNeedsToProject(trx, deps.clock, {
    districtId: project.districtId,
    needIds: [...needIds],
    projectId: project.id,
    actorId: actor.userId,
  });
}

/** Short descriptions of a project's needs. */
export async function needSummaries(db: Executor, districtId: string, ids: readonly string[]): Promise<NeedSummary[]> {
  if (ids.length === 0) return [];
  return (await listNeedsByIds(db, districtId, ids)).map((n) => ({
    id: n.id,
    title: n.title,
    category: n.category,
    urgency: n.urgency,
    status: n.status,
  }));
}
