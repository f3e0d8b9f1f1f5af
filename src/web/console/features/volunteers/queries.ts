// Volunteers: the review queue and roster, one volunteer, review decisions and Excel import.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { CountedPage } from '../../../shared/types';
import type { ImportReport, Volunteer, VolunteerStatus } from '../../lib/volunteering';
import type { FilterOf, ListVolunteersQuery } from '../../../shared/api-types';

export type VolunteerFilter = FilterOf<ListVolunteersQuery>;

export const volunteerKeys = {
  all: ['volunteers'] as const,
  list: (filter: VolunteerFilter) => ['volunteers', 'list', filter] as const,
  detail: (id: string) => ['volunteers', 'detail', id] as const,
};

export function useVolunteers(filter: VolunteerFilter) {
  return useInfiniteQuery({
    queryKey: volunteerKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api<CountedPage<Volunteer>>('GET', `/api/v1/volunteers${qs({ ...filter, cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useVolunteer(id: string | null) {
  return useQuery({
    queryKey: volunteerKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: () => api<Volunteer>('GET', `/api/v1/volunteers/${encodeURIComponent(id!)}`),
  });
}

/** Approves or rejects a selected list in one call (all or nothing; each volunteer audited on the server). */
export function useReviewVolunteers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { volunteerIds: string[]; decision: 'approve' | 'reject'; reason?: string }) =>
      api<{ items: Volunteer[] }>('POST', '/api/v1/volunteers/review', body),
    onSuccess: (res) => {
      for (const v of res.items) qc.setQueryData(volunteerKeys.detail(v.id), v);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: volunteerKeys.all }),
  });
}

export function useImportVolunteers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { communityId: string; fileBase64: string }) =>
      api<ImportReport>('POST', '/api/v1/volunteers/import', input),
    onSuccess: () => {
      // `void`: lists refetch in the background; the mutation settles on the server answer, not on the reload.
      void qc.invalidateQueries({ queryKey: volunteerKeys.all });
      void qc.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

export const volunteerUrls = {
  template: (communityId: string) => `/api/v1/volunteers/import-template${qs({ communityId })}`,
  export: (communityId: string, status?: VolunteerStatus) => `/api/v1/volunteers/export${qs({ communityId, status })}`,
  certificate: (id: string) => `/api/v1/volunteers/${encodeURIComponent(id)}/certificate`,
};
