// Mediation queries and mutations of the resident H5: my cases, one case, my private thread with the mediators,
// asking for mediation, writing to the mediators, withdrawing.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  MediationCase,
  MediationCasePage,
  MediationMessage,
  MediationMessageList,
  OpenMediationCaseInput,
} from '../../../shared/api-types';

export const mediationKeys = {
  all: ['mediation'] as const,
  mine: () => [...mediationKeys.all, 'mine'] as const,
  detail: (id: string) => [...mediationKeys.all, 'case', id] as const,
  thread: (id: string) => [...mediationKeys.all, 'thread', id] as const,
};

const path = (id: string) => `/api/v1/mediation/cases/${encodeURIComponent(id)}`;

/** The cases I am a party to, newest first. */
export function useMyMediationCases() {
  return useInfiniteQuery({
    queryKey: mediationKeys.mine(),
    queryFn: ({ pageParam }) =>
      api<MediationCasePage>('GET', `/api/v1/mediation/my-cases${qs({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMediationCase(id: string) {
  return useQuery({ queryKey: mediationKeys.detail(id), queryFn: () => api<MediationCase>('GET', path(id)) });
}

/** My own thread with the mediators (the server gives a party nothing else); refreshed every half minute. */
export function useMyThread(id: string) {
  return useQuery({
    queryKey: mediationKeys.thread(id),
    queryFn: () => api<MediationMessageList>('GET', `${path(id)}/messages`),
    refetchInterval: 30_000,
  });
}

export function useOpenMediationCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenMediationCaseInput) => api<MediationCase>('POST', '/api/v1/mediation/cases', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: mediationKeys.mine() }),
  });
}

export function usePostToMediators(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<MediationMessage>('POST', `${path(id)}/messages`, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: mediationKeys.thread(id) }),
  });
}

export function useWithdrawMediationCase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<MediationCase>('POST', `${path(id)}/withdraw`),
    onSuccess: () => qc.invalidateQueries({ queryKey: mediationKeys.all }),
  });
}
