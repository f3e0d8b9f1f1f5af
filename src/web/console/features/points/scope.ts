// Who may use the points pages: admins of a district, street or community hold points.manage in their subtree.
import type { Me, RoleAssignment } from '../../../shared/types';

const POINTS_ROLES = ['district_admin', 'street_admin', 'community_admin'] as const;

export function pointsAssignments(me: Me): RoleAssignment[] {
  return me.roles.filter((r) => (POINTS_ROLES as readonly string[]).includes(r.role));
}

export function isPointsAdmin(me: Me): boolean {
  return pointsAssignments(me).length > 0;
}

/** The district whose ledger the pages show: that of the first admin role. */
export function pointsDistrictId(me: Me): string | null {
  return pointsAssignments(me)[0]?.districtId ?? null;
}

/** The district-admin assignment for `districtId`, if the person holds one (rules, verification). */
export function districtAdminOf(me: Me, districtId: string | null): RoleAssignment | undefined {
  return me.roles.find((r) => r.role === 'district_admin' && r.districtId === districtId);
}
