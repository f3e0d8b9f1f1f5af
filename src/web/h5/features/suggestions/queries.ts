// The suggestion box (意见箱) and partner-unit claims in the H5: query keys, lists and writes.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  ClaimProjectInput,
  CountedPage,
  CreateSuggestionInput,
  MyPartnerUnit,
  Page,
  Project,
  ProjectClaim,
  ProjectDetail,
  Suggestion,
} from '../../../shared/api-types';

export const suggestionKeys = {
  all: ['suggestions'] as const,
  mine: () => ['suggestions', 'mine'] as const,
  public: (communityId: string | undefined) => ['suggestions', 'public', communityId ?? ''] as const,
  partnerUnits: () => ['partner', 'units'] as const,
  partnerProjects: () => ['partner', 'projects'] as const,
  project: (id: string) => ['partner', 'project', id] as const,
};

export function useMySuggestions() {
  return useInfiniteQuery({
    queryKey: suggestionKeys.mine(),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page<Suggestion>>('GET', `/api/v1/suggestions${qs({ view: 'mine', limit: 20, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Answered suggestions anyone may read (names masked), of one community or all. */
export function usePublicSuggestions(communityId: string | undefined) {
  return useInfiniteQuery({
    queryKey: suggestionKeys.public(communityId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page<Suggestion>>(
        'GET',
        `/api/v1/suggestions${qs({ view: 'public', communityId, limit: 20, cursor: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCreateSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSuggestionInput) => api<Suggestion>('POST', '/api/v1/suggestions', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: suggestionKeys.all }),
  });
}

/** The partner units the signed-in contact acts for (empty for everyone else). */
export function useMyPartnerUnits(enabled: boolean) {
  return useQuery({
    queryKey: suggestionKeys.partnerUnits(),
    enabled,
    queryFn: async () => (await api<{ items: MyPartnerUnit[] }>('GET', '/api/v1/me/partner-units')).items,
  });
}

/** Projects a partner contact sees: open to claim in their reach, and the ones their units claimed. */
export function usePartnerProjects() {
  return useQuery({
    queryKey: suggestionKeys.partnerProjects(),
    queryFn: async () => (await api<CountedPage<Project>>('GET', `/api/v1/projects${qs({ limit: 100 })}`)).items,
  });
}

export function usePartnerProject(id: string | null) {
  return useQuery({
    queryKey: suggestionKeys.project(id ?? ''),
    enabled: !!id,
    queryFn: () => api<ProjectDetail>('GET', `/api/v1/projects/${id}`),
  });
}

export function useClaimProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, ...body }: ClaimProjectInput & { projectId: string }) =>
      api<ProjectClaim>('POST', `/api/v1/projects/${projectId}/claims`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['partner'] }),
  });
}

/** The contact withdraws their unit's pending claim. */
export function useWithdrawClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (claimId: string) => api<ProjectClaim>('POST', `/api/v1/project-claims/${claimId}/withdraw`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['partner'] }),
  });
}
