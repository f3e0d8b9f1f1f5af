// Who sees the resource, project and suggestion-box pages: holders of 'project.manage' (admins, social workers).
import type { Me, Role } from '../../../shared/types';

const PROJECT_ROLES: readonly Role[] = ['district_admin', 'street_admin', 'community_admin', 'social_worker'];

export function isProjectStaff(me: Me): boolean {
  return me.roles.some((r) => PROJECT_ROLES.includes(r.role));
}
