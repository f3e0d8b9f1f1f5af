// Who may do what with resources, projects and claims. Staff with 'project.manage' run their communities' lists;
// a partner contact (共建单位联系人) acts for the partner units they are the contact of, within their role's reach.
import { type Actor, can, grantsFor } from '../../platform/permissions.js';
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../db/transaction.js';
import { findPersonIdByPhoneIndex } from '../accounts/index.js';
import { listPartnerUnitsWithin } from '../org/index.js';
import type { Reach } from './projects.repository.js';

/** Whether the actor manages projects and resources at the target (a community's path). */
export function managesProjects(actor: Actor, target: { districtId: string; path: string }): boolean {
  return can(actor, 'project.manage', target);
}

/** Where the actor manages projects. */
export function staffReaches(actor: Actor): Reach[] {
  return grantsFor(actor, 'project.manage').map((g) => ({ districtId: g.districtId, path: g.path }));
}

/** Where the actor is a partner contact (sees published projects there). */
export function partnerReaches(actor: Actor): Reach[] {
  return actor.roles
    .filter((r) => r.role === 'partner_contact')
    .map((r) => ({ districtId: r.districtId, path: r.path }));
}

export interface RepresentedUnit {
  districtId: string;
  id: string;
  name: string;
  nodeName: string;
  nodePath: string;
  category: string;
}

/**
 * The partner units the actor acts for: units under their partner_contact role whose recorded contact phone is
 * the actor's own (the org module keeps the phone encrypted; the match goes through the phone's blind index).
 */
export async function representedUnits(deps: Deps, db: Executor, actor: Actor): Promise<RepresentedUnit[]> {
  const reaches = partnerReaches(actor);
  if (reaches.length === 0) return [];
  const units = await listPartnerUnitsWithin(db, reaches, {
    nodePath: null,
    includeArchived: false,
    beforeId: null,
    limit: 200,
  });
  const out: RepresentedUnit[] = [];
  for (const u of units) {
    const phone = deps.cipher.decryptNullable(u.contact_phone_enc);
    if (!phone) continue;
    const person = await findPersonIdByPhoneIndex(db, deps.cipher.blindIndex('phone', phone));
    if (person !== actor.userId) continue;
    out.push({
      districtId: u.district_id,
      id: u.id,
      name: u.name,
      nodeName: u.node_name,
      nodePath: u.node_path,
      category: u.category,
    });
  }
  return out;
}

/** Whether a unit (hung on `unitPath`) may claim a project of a community at `communityPath`: same branch of the tree. */
export function unitReachesCommunity(unitPath: string, communityPath: string): boolean {
  return communityPath.startsWith(unitPath) || unitPath.startsWith(communityPath);
}
