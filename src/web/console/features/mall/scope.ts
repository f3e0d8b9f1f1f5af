// Who may use the mall pages and what they may do: admins of a district, street or community hold mall.manage in
// their subtree. Reviewing is the community's, filing (备案) the street's or district's — authority above the
// community, as the server checks it.
import type { Me, OrgNode, RoleAssignment } from '../../../shared/types';

const MALL_ROLES = ['district_admin', 'street_admin', 'community_admin'] as const;

export function mallAssignments(me: Me): RoleAssignment[] {
  return me.roles.filter((r) => (MALL_ROLES as readonly string[]).includes(r.role));
}

export function isMallAdmin(me: Me): boolean {
  return mallAssignments(me).length > 0;
}

/** The district whose mall the pages show: that of the first admin role. */
export function mallDistrictId(me: Me): string | null {
  return mallAssignments(me)[0]?.districtId ?? null;
}

function inSubtree(node: OrgNode, r: RoleAssignment): boolean {
  return r.districtId === node.districtId && (node.id === r.nodeId || node.path.includes(`/${r.nodeId}/`));
}

/** Rights of the person over a merchant (or item) of one community. */
export interface MallRights {
  /** Any admin right over the community: statements, evaluation, catalog moderation. */
  manage: boolean;
  /** 社区审核: a community admin of that very community. */
  review: boolean;
  /** 街道备案: a street or district admin above the community. */
  file: boolean;
}

export function mallRights(me: Me, community: OrgNode | undefined): MallRights {
  if (!community) return { manage: false, review: false, file: false };
  const roles = mallAssignments(me).filter((r) => inSubtree(community, r));
  return {
    manage: roles.length > 0,
    review: roles.some((r) => r.role === 'community_admin' && r.nodeId === community.id),
    file: roles.some((r) => (r.role === 'street_admin' || r.role === 'district_admin') && r.nodeId !== community.id),
  };
}
