// Which roles open the staff console.
import type { Me, Role } from '../../shared/types';

export const STAFF_ROLES: readonly Role[] = [
  'district_admin',
  'street_admin',
  'community_admin',
  'grid_worker',
  'social_worker',
  // Mediation people see only the 调解 menu (features/mediation/access.ts).
  'mediation_lead',
  'mediator',
];

export const ALL_ROLES: readonly Role[] = [
  'district_admin',
  'street_admin',
  'community_admin',
  'grid_worker',
  'social_worker',
  'team_leader',
  'volunteer',
  'mediator',
  'mediation_lead',
  'merchant_staff',
  'partner_contact',
];

/** Role colours: staff roles warm, the rest neutral. */
export const ROLE_COLOR: Partial<Record<Role, string>> = {
  district_admin: 'volcano',
  street_admin: 'orange',
  community_admin: 'gold',
  grid_worker: 'blue',
  social_worker: 'cyan',
  team_leader: 'purple',
  volunteer: 'green',
};

export function staffAssignments(me: Me) {
  return me.roles.filter((r) => STAFF_ROLES.includes(r.role));
}

export function isStaff(me: Me): boolean {
  return staffAssignments(me).length > 0;
}
