// Volunteer teams: list, one team with members and requests, create, change leader/social worker, join reviews.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { CountedPage, Page, Person, Role } from '../../../shared/types';
import type { Team, TeamDetail, TeamMember } from '../../lib/volunteering';
import type { CreateTeamBody, ListTeamsQuery, UpdateTeamBody } from '../../../shared/api-types';

export type TeamFilter = Pick<ListTeamsQuery, 'districtId' | 'communityId'>;

export const teamKeys = {
  all: ['teams'] as const,
  list: (filter: TeamFilter) => ['teams', 'list', filter] as const,
  options: (filter: TeamFilter) => ['teams', 'options', filter] as const,
  detail: (id: string) => ['teams', 'detail', id] as const,
};

export function useTeams(filter: TeamFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: teamKeys.list(filter),
    enabled,
    queryFn: ({ pageParam }) =>
      api<CountedPage<Team>>('GET', `/api/v1/teams${qs({ ...filter, cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every team for a filter (all pages), for pickers. */
export function useTeamOptions(filter: TeamFilter, enabled = true) {
  return useQuery({
    queryKey: teamKeys.options(filter),
    enabled,
    queryFn: async () => {
      const items: Team[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Team> = await api<Page<Team>>('GET', `/api/v1/teams${qs({ ...filter, cursor, limit: 100 })}`);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < 1000);
      return items;
    },
    staleTime: 60_000,
  });
}

export function useTeam(id: string | null) {
  return useQuery({
    queryKey: teamKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: () => api<TeamDetail>('GET', `/api/v1/teams/${encodeURIComponent(id!)}`),
    staleTime: 30_000,
  });
}

export type CreateTeamInput = CreateTeamBody;

export function useCreateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTeamInput) => api<Team>('POST', '/api/v1/teams', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

export type UpdateTeamInput = UpdateTeamBody;

export function useUpdateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateTeamInput & { id: string }) =>
      api<Team>('PATCH', `/api/v1/teams/${encodeURIComponent(id)}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

export function useReviewJoinRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      teamId,
      userId,
      ...body
    }: {
      teamId: string;
      userId: string;
      decision: 'approve' | 'reject';
      reason?: string;
    }) =>
      api<TeamMember>(
        'POST',
        `/api/v1/teams/${encodeURIComponent(teamId)}/requests/${encodeURIComponent(userId)}/review`,
        body,
      ),
    onSettled: (_d, _e, v) => qc.invalidateQueries({ queryKey: teamKeys.detail(v.teamId) }),
  });
}

/** People in scope matching a name fragment or an exact phone number, for the leader / social-worker pickers. */
export function usePeopleSearch(q: string, role?: Role) {
  const text = q.trim();
  return useQuery({
    queryKey: ['people', 'search', { q: text, role }],
    enabled: text.length > 0 || !!role,
    queryFn: () => api<Page<Person>>('GET', `/api/v1/people${qs({ q: text || undefined, role, limit: 20 })}`),
    select: (page) => page.items,
    staleTime: 30_000,
  });
}
