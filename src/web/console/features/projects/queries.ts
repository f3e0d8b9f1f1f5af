// Resources (资源清单), projects (项目清单) and claims: query keys and mutations of the console pages.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  ClaimProjectInput,
  CountedPage,
  CreateProjectInput,
  CreateResourceInput,
  Need,
  Page,
  PartnerUnit,
  Project,
  ProjectActivityBody,
  ProjectClaim,
  ProjectDetail,
  ProjectState,
  ProviderKind,
  Resource,
  ResourceKind,
  ResourceMatch,
  ReviewClaimInput,
  UpdateProjectInput,
  UpdateResourceInput,
} from '../../../shared/api-types';

export interface ResourceFilter {
  communityId?: string;
  kind?: ResourceKind;
  providerKind?: ProviderKind;
  status?: 'active' | 'archived';
  q?: string;
}

export interface ProjectFilter {
  communityId?: string;
  status?: ProjectState;
  q?: string;
}

export const projectKeys = {
  all: ['projects'] as const,
  resources: (f: ResourceFilter) => ['projects', 'resources', f] as const,
  list: (f: ProjectFilter) => ['projects', 'list', f] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  partners: (communityId: string) => ['projects', 'partners', communityId] as const,
};

export function useResources(filter: ResourceFilter) {
  return useInfiniteQuery({
    queryKey: projectKeys.resources(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<CountedPage<Resource>>('GET', `/api/v1/resources${qs({ ...filter, limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every active resource of a community (the project form picks from them). */
export function useCommunityResources(communityId: string | undefined) {
  return useQuery({
    queryKey: projectKeys.resources({ communityId, status: 'active' }),
    enabled: !!communityId,
    queryFn: async () =>
      (await api<CountedPage<Resource>>('GET', `/api/v1/resources${qs({ communityId, status: 'active', limit: 100 })}`))
        .items,
  });
}

/** Partner units attached to a community (resource providers). */
export function useCommunityPartners(communityId: string | undefined) {
  return useQuery({
    queryKey: projectKeys.partners(communityId ?? ''),
    enabled: !!communityId,
    queryFn: async () =>
      (await api<Page<PartnerUnit>>('GET', `/api/v1/org/partner-units${qs({ nodeId: communityId, limit: 100 })}`))
        .items,
  });
}

/**
 * Needs of a community a project may bundle: raised or triaged ones, and ones triaged as "link" that wait for a
 * project (the needs module answers NEED_STATE for any other).
 */
export function useLinkableNeeds(communityId: string | undefined) {
  return useQuery({
    queryKey: ['projects', 'linkable-needs', communityId ?? ''] as const,
    enabled: !!communityId,
    queryFn: async () => {
      const lists = await Promise.all(
        (['submitted', 'triaged', 'linked'] as const).map((status) =>
          api<CountedPage<Need>>('GET', `/api/v1/needs${qs({ communityId, status, limit: 200 })}`),
        ),
      );
      return lists.flatMap((l) => l.items).filter((n) => n.status !== 'linked' || n.projectId === null);
    },
  });
}

export function useCreateResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResourceInput) => api<Resource>('POST', '/api/v1/resources', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

export function useUpdateResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateResourceInput & { id: string }) =>
      api<Resource>('PATCH', `/api/v1/resources/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

export function useProjects(filter: ProjectFilter) {
  return useInfiniteQuery({
    queryKey: projectKeys.list(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<CountedPage<Project>>('GET', `/api/v1/projects${qs({ ...filter, limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useProject(id: string | null) {
  return useQuery({
    queryKey: projectKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: () => api<ProjectDetail>('GET', `/api/v1/projects/${id}`),
  });
}

export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProjectInput) => api<ProjectDetail>('POST', '/api/v1/projects', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

export function useUpdateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateProjectInput & { id: string }) =>
      api<ProjectDetail>('PATCH', `/api/v1/projects/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

/** publish | start | finish | withdraw (with a reason). */
export function useMoveProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      reason,
    }: {
      id: string;
      action: 'publish' | 'start' | 'finish' | 'withdraw';
      reason?: string;
    }) =>
      api<ProjectDetail>('POST', `/api/v1/projects/${id}/${action}`, action === 'withdraw' ? { reason } : undefined),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

export function useReviewClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ReviewClaimInput & { id: string }) =>
      api<ProjectClaim>('POST', `/api/v1/project-claims/${id}/review`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

export function useCreateProjectActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ProjectActivityBody & { id: string }) =>
      api<{ id: string }>('POST', `/api/v1/projects/${id}/activities`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

export type { ClaimProjectInput };

/** The district's need categories (key and name): the resource form's 适用需求类别 choices. */
export function useNeedCategoryChoices(districtId: string | null | undefined) {
  return useQuery({
    queryKey: ['projects', 'needCategories', districtId ?? ''] as const,
    enabled: !!districtId,
    queryFn: async () =>
      (
        await api<{ categories: { key: string; name: string }[] }>(
          'GET',
          `/api/v1/districts/${encodeURIComponent(districtId ?? '')}/need-settings`,
        )
      ).categories,
    staleTime: 60_000,
  });
}

/** The resources ranked for a need (staff who manage the need). */
export function useNeedResourceMatches(needId: string) {
  return useQuery({
    queryKey: ['projects', 'needResources', needId] as const,
    queryFn: () => api<ResourceMatch>('GET', `/api/v1/needs/${encodeURIComponent(needId)}/resources`),
  });
}
