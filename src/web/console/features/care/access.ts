// Who sees 关爱台账 in the console menu: holders of care.manage (grid and social workers, community, street and
// district admins).
import type { Me, Role } from '../../../shared/types';

const CARE_ROLES: readonly Role[] = [
  'district_admin',
  'street_admin',
  'community_admin',
  'grid_worker',
  'social_worker',
];

export function isCareStaff(me: Me): boolean {
  return me.roles.some((r) => CARE_ROLES.includes(r.role));
}
