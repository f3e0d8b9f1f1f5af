// The actor's working scope for the volunteering pages: their district, the communities and grids they reach.
import { useMemo } from 'react';
import type { Me, OrgNode } from '../../../shared/types';
import { useMe } from '../account/queries';
import { staffAssignments } from '../../lib/roles';
import { orgSelectTree } from './orgTreeSelect';
import { useOrgNodes } from './queries';

/** The logged-in person; only for pages behind RequireStaff, where it is always loaded. */
export function useCurrentMe(): Me {
  const me = useMe().data;
  if (!me) throw new Error('useCurrentMe outside a logged-in page');
  return me;
}

/** The district the console works in: that of the first staff role. */
export function primaryDistrictId(me: Me): string | null {
  return staffAssignments(me)[0]?.districtId ?? me.roles[0]?.districtId ?? null;
}

export function isDistrictAdmin(me: Me): boolean {
  return me.roles.some((r) => r.role === 'district_admin');
}

export interface VolunteeringScope {
  me: Me;
  districtId: string | null;
  nodes: OrgNode[];
  nodesLoading: boolean;
  communities: OrgNode[];
  /** TreeSelect data where only communities can be chosen (streets shown for orientation). */
  communityTree: ReturnType<typeof orgSelectTree>;
  /** The community when the actor reaches exactly one (a community admin), else undefined. */
  onlyCommunityId: string | undefined;
  gridsOf: (communityId: string | undefined | null) => OrgNode[];
}

export function useVolunteeringScope(): VolunteeringScope {
  const me = useCurrentMe();
  const nodesQuery = useOrgNodes(false);
  return useMemo(() => {
    const nodes = nodesQuery.data ?? [];
    const communities = nodes.filter((n) => n.kind === 'community');
    return {
      me,
      districtId: primaryDistrictId(me),
      nodes,
      nodesLoading: nodesQuery.isPending,
      communities,
      communityTree: orgSelectTree(nodes, { selectableKinds: ['community'] }),
      onlyCommunityId: communities.length === 1 ? communities[0]?.id : undefined,
      gridsOf: (communityId) =>
        communityId ? nodes.filter((n) => n.kind === 'grid' && n.parentId === communityId) : [],
    };
  }, [me, nodesQuery.data, nodesQuery.isPending]);
}
