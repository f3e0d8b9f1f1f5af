// Care registry queries of the resident H5 (visitors): the people assigned to me, one person, logging a visit.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { CareSubject, CareSubjectPage, LogCareVisitInput } from '../../../shared/api-types';

export const careKeys = {
  all: ['care'] as const,
  mine: () => [...careKeys.all, 'mine'] as const,
  detail: (id: string) => [...careKeys.all, 'subject', id] as const,
};

const path = (id: string) => `/api/v1/care/subjects/${encodeURIComponent(id)}`;

/** The people assigned to me, most urgent first. */
export function useMyCarePeople() {
  return useInfiniteQuery({
    queryKey: careKeys.mine(),
    queryFn: ({ pageParam }) =>
      api<CareSubjectPage>('GET', `/api/v1/care/my-people${qs({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCareSubject(id: string) {
  return useQuery({ queryKey: careKeys.detail(id), queryFn: () => api<CareSubject>('GET', path(id)) });
}

export function useLogCareVisit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LogCareVisitInput) => api<CareSubject>('POST', `${path(id)}/visits`, body),
    onSuccess: async (s) => {
      qc.setQueryData(careKeys.detail(id), s);
      await qc.invalidateQueries({ queryKey: careKeys.mine() });
    },
  });
}
