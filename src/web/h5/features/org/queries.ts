// Public organisation data the resident app needs: the communities one can live in.
import { useQuery } from '@tanstack/react-query';
import type { CascadePickerOption } from 'antd-mobile';
import { api, qs } from '../../../shared/api';
import type { OrgNode, Page } from '../../../shared/types';

export const orgKeys = {
  all: ['org'] as const,
  publicCommunities: () => [...orgKeys.all, 'public-communities'] as const,
  grids: (communityId: string) => [...orgKeys.all, 'grids', communityId] as const,
};

/** Districts, streets and communities open for registration (no login needed). */
export function useCommunities() {
  return useQuery({
    queryKey: orgKeys.publicCommunities(),
    queryFn: async () => (await api<{ items: OrgNode[] }>('GET', '/api/v1/public/communities')).items,
    staleTime: 10 * 60_000,
  });
}

/**
 * Builds picker options street → community (district → street → community when the deployment has several
 * districts). Communities whose parents are not in the list are offered at the top level so none is lost.
 */
export function buildCommunityOptions(nodes: OrgNode[]): CascadePickerOption[] {
  const live = nodes.filter((n) => !n.archived);
  const byParent = new Map<string, OrgNode[]>();
  for (const n of live) {
    if (!n.parentId) continue;
    const list = byParent.get(n.parentId) ?? [];
    list.push(n);
    byParent.set(n.parentId, list);
  }
  const placed = new Set<string>();
  const communitiesOf = (streetId: string): CascadePickerOption[] =>
    (byParent.get(streetId) ?? [])
      .filter((n) => n.kind === 'community')
      .map((n) => {
        placed.add(n.id);
        return { label: n.name, value: n.id };
      });
  const streetsOf = (parent: OrgNode[]): CascadePickerOption[] =>
    parent
      .filter((n) => n.kind === 'street')
      .map((s) => ({ label: s.name, value: s.id, children: communitiesOf(s.id) }))
      .filter((s) => s.children.length > 0);

  const districts = live.filter((n) => n.kind === 'district');
  const liveIds = new Set(live.map((n) => n.id));
  const orphanStreets = live.filter((n) => n.kind === 'street' && (!n.parentId || !liveIds.has(n.parentId)));
  let options: CascadePickerOption[];
  if (districts.length > 1) {
    options = districts
      .map((d) => ({ label: d.name, value: d.id, children: streetsOf(byParent.get(d.id) ?? []) }))
      .filter((d) => d.children.length > 0);
    options.push(...streetsOf(orphanStreets));
  } else {
    options = streetsOf([...(districts[0] ? (byParent.get(districts[0].id) ?? []) : []), ...orphanStreets]);
  }
  const unplaced = live.filter((n) => n.kind === 'community' && !placed.has(n.id));
  options.push(...unplaced.map((n) => ({ label: n.name, value: n.id })));
  return options;
}

/** The option path (values, then labels) leading to one community, or null when it is not offered. */
export function findCommunityPath(
  options: CascadePickerOption[],
  communityId: string,
): { values: string[]; labels: string[] } | null {
  for (const option of options) {
    if (option.value === communityId && !option.children?.length) {
      return { values: [option.value], labels: [option.label] };
    }
    if (option.children?.length) {
      const below = findCommunityPath(option.children, communityId);
      if (below) return { values: [option.value, ...below.values], labels: [option.label, ...below.labels] };
    }
  }
  return null;
}

/** The district a listed community belongs to (undefined while loading or when it is not listed). */
export function useDistrictOf(nodeId: string | null | undefined): string | undefined {
  const { data } = useCommunities();
  return nodeId ? data?.find((n) => n.id === nodeId)?.districtId : undefined;
}

/** The name of a listed community, if it is one. */
export function useCommunityName(nodeId: string | null | undefined): string | undefined {
  const { data } = useCommunities();
  return nodeId ? data?.find((n) => n.id === nodeId)?.name : undefined;
}

/**
 * The grids of a community. The organisation tree is staff-only, so residents get an empty list (the grid
 * question is then left out of their forms); pass mayReadTree=false to skip the request for people without roles.
 */
export function useCommunityGrids(communityId: string | undefined, mayReadTree = true) {
  return useQuery({
    queryKey: orgKeys.grids(communityId ?? ''),
    queryFn: async (): Promise<OrgNode[]> => {
      try {
        const page = await api<Page<OrgNode>>('GET', `/api/v1/org/nodes${qs({ rootId: communityId })}`);
        return page.items.filter((n) => n.kind === 'grid' && !n.archived);
      } catch {
        return [];
      }
    },
    enabled: !!communityId && mayReadTree,
    retry: false,
    staleTime: 10 * 60_000,
  });
}
