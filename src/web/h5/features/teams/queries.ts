// Team queries and mutations: lists, a team page, join and leave, and (for leaders) join-request review.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import type { MemberStatus, Team, TeamDetail, TeamFilters, TeamMember } from './types';

export const teamKeys = {
  all: ['teams'] as const,
  lists: () => [...teamKeys.all, 'list'] as const,
  list: (filters: TeamFilters) => [...teamKeys.lists(), filters] as const,
  leading: () => [...teamKeys.all, 'leading'] as const,
  detail: (id: string) => [...teamKeys.all, 'detail', id] as const,
};

export function useTeams(filters: TeamFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: teamKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api<Page<Team>>('GET', `/api/v1/teams${qs({ ...filters, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** Teams I lead (the first 50 is plenty for one person). */
export function useLeadingTeams() {
  return useQuery({
    queryKey: teamKeys.leading(),
    queryFn: async () => (await api<Page<Team>>('GET', `/api/v1/teams${qs({ leading: true, limit: 50 })}`)).items,
    staleTime: 60_000,
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: teamKeys.detail(id),
    queryFn: () => api<TeamDetail>('GET', `/api/v1/teams/${encodeURIComponent(id)}`),
  });
}

function useTeamMutation<I, O>(id: string, call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: teamKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: teamKeys.lists() });
    },
  });
}

export function useJoinTeam(id: string) {
  return useTeamMutation(id, () =>
    api<{ status: MemberStatus }>('POST', `/api/v1/teams/${encodeURIComponent(id)}/join`),
  );
}

export function useLeaveTeam(id: string) {
  return useTeamMutation(id, () => api<void>('POST', `/api/v1/teams/${encodeURIComponent(id)}/leave`));
}

export function useReviewJoinRequest(id: string) {
  return useTeamMutation(id, (input: { userId: string; decision: 'approve' | 'reject'; reason?: string }) =>
    api<TeamMember>(
      'POST',
      `/api/v1/teams/${encodeURIComponent(id)}/requests/${encodeURIComponent(input.userId)}/review`,
      { decision: input.decision, reason: input.reason },
    ),
  );
}
