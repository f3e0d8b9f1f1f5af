// Mediation in the console: the cases of the lead's community and the mediator's own, one case with every party's
// thread, the lead's assignment, sessions, closing, and the anonymous statistics.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  CloseMediationCaseInput,
  MediationCandidates,
  MediationCase,
  MediationCasePage,
  MediationMessage,
  MediationMessageList,
  MediationState,
  MediationStats,
  OpenMediationCaseInput,
  RecordMediationSessionInput,
} from '../../../shared/api-types';

export const mediationKeys = {
  all: ['mediation'] as const,
  list: (status: MediationState | undefined) => ['mediation', 'list', status ?? ''] as const,
  detail: (id: string) => ['mediation', 'case', id] as const,
  threads: (id: string) => ['mediation', 'threads', id] as const,
  candidates: (id: string) => ['mediation', 'candidates', id] as const,
  stats: (from: string | undefined, to: string | undefined) => ['mediation', 'stats', from ?? '', to ?? ''] as const,
};

const path = (id: string) => `/api/v1/mediation/cases/${encodeURIComponent(id)}`;

export function useMediationCases(status: MediationState | undefined) {
  return useInfiniteQuery({
    queryKey: mediationKeys.list(status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<MediationCasePage>('GET', `/api/v1/mediation/cases${qs({ status, limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMediationCase(id: string | null) {
  return useQuery({
    queryKey: mediationKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: () => api<MediationCase>('GET', path(id ?? '')),
  });
}

/** Every party's thread of a case (mediators and the lead). */
export function useThreads(id: string | null) {
  return useQuery({
    queryKey: mediationKeys.threads(id ?? ''),
    enabled: !!id,
    queryFn: () => api<MediationMessageList>('GET', `${path(id ?? '')}/messages`),
    refetchInterval: 30_000,
  });
}

export function useCandidates(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: mediationKeys.candidates(id ?? ''),
    enabled: !!id && enabled,
    queryFn: () => api<MediationCandidates>('GET', `${path(id ?? '')}/mediator-candidates`),
  });
}

function useCaseMutation<B, R = MediationCase>(method: string, suffix: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => api<R>(method, `${path(id)}${suffix}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: mediationKeys.all }),
  });
}

/** The lead registers a case for an applicant (登记调解). */
export function useOpenCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenMediationCaseInput) => api<MediationCase>('POST', '/api/v1/mediation/cases', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: mediationKeys.all }),
  });
}

export const useAssignMediators = () => useCaseMutation<{ mediatorIds: string[] }>('POST', '/mediators');
export const useReply = () => useCaseMutation<{ partyId: string; body: string }, MediationMessage>('POST', '/messages');
export const useRecordSession = () => useCaseMutation<RecordMediationSessionInput>('POST', '/sessions');
export const useCloseCase = () => useCaseMutation<CloseMediationCaseInput>('POST', '/close');

export function useMediationStats(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: mediationKeys.stats(from, to),
    queryFn: () => api<MediationStats>('GET', `/api/v1/mediation/stats${qs({ from, to })}`),
  });
}
