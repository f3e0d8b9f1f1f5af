// Organisation tree and partner units: query keys, reads and writes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { OrgNode, Page, PartnerUnit } from '../../../shared/types';
import type {
  CreateOrgNodeBody,
  CreatePartnerUnitBody,
  UpdateOrgNodeBody,
  UpdatePartnerUnitBody,
} from '../../../shared/api-types';

export const orgKeys = {
  all: ['org'] as const,
  nodes: (includeArchived: boolean) => ['org', 'nodes', { includeArchived }] as const,
  partners: (nodeId: string, includeArchived: boolean) => ['org', 'partners', { nodeId, includeArchived }] as const,
};

/** Every node the actor may see, all pages joined (ordered by path, parents first). */
export function useOrgNodes(includeArchived = false) {
  return useQuery({
    queryKey: orgKeys.nodes(includeArchived),
    queryFn: async () => {
      const items: OrgNode[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<OrgNode> = await api<Page<OrgNode>>(
          'GET',
          `/api/v1/org/nodes${qs({ includeArchived: includeArchived || undefined, limit: 2000, cursor })}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    staleTime: 30_000,
  });
}

export type CreateOrgNodeInput = CreateOrgNodeBody;

export function useCreateOrgNode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrgNodeInput) => api<OrgNode>('POST', '/api/v1/org/nodes', input),
    onSuccess: (node) => {
      // Show the new node at once (so it can be selected) while the list reloads.
      qc.setQueriesData<OrgNode[]>({ queryKey: ['org', 'nodes'] }, (old) => (old ? [...old, node] : old));
      return qc.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

export type UpdateOrgNodeInput = UpdateOrgNodeBody;

export function useUpdateOrgNode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateOrgNodeInput & { id: string }) =>
      api<OrgNode>('PATCH', `/api/v1/org/nodes/${encodeURIComponent(id)}`, patch),
    onSuccess: (node) => {
      qc.setQueriesData<OrgNode[]>({ queryKey: ['org', 'nodes'] }, (old) =>
        old?.map((n) => (n.id === node.id ? node : n)),
      );
      return qc.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

export function usePartnerUnits(nodeId: string | null, includeArchived: boolean) {
  return useQuery({
    queryKey: orgKeys.partners(nodeId ?? '', includeArchived),
    enabled: !!nodeId,
    queryFn: async () => {
      const items: PartnerUnit[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<PartnerUnit> = await api<Page<PartnerUnit>>(
          'GET',
          `/api/v1/org/partner-units${qs({ nodeId, includeArchived: includeArchived || undefined, limit: 100, cursor })}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
  });
}

export type PartnerCategory = PartnerUnit['category'];
export const PARTNER_CATEGORIES: PartnerCategory[] = [
  'university',
  'hospital',
  'company',
  'party_org',
  'social_org',
  'other',
];

export type CreatePartnerInput = CreatePartnerUnitBody;

export function useCreatePartnerUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePartnerInput) => api<PartnerUnit>('POST', '/api/v1/org/partner-units', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['org', 'partners'] }),
  });
}

export type UpdatePartnerInput = UpdatePartnerUnitBody;

export function useUpdatePartnerUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdatePartnerInput & { id: string }) =>
      api<PartnerUnit>('PATCH', `/api/v1/org/partner-units/${encodeURIComponent(id)}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['org', 'partners'] }),
  });
}
