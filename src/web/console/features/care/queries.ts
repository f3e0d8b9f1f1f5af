// The care registry in the console: subjects by urgency, one subject (read logged), registering, tier, visitors.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  CareAlert,
  CareSubject,
  CareSubjectPage,
  CreateCareSubjectInput,
  CareTier,
} from '../../../shared/api-types';

export const careKeys = {
  all: ['care'] as const,
  list: (alert: CareAlert | undefined) => ['care', 'list', alert ?? ''] as const,
  detail: (id: string) => ['care', 'subject', id] as const,
};

const path = (id: string) => `/api/v1/care/subjects/${encodeURIComponent(id)}`;

export function useCareSubjects(alert: CareAlert | undefined) {
  return useInfiniteQuery({
    queryKey: careKeys.list(alert),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<CareSubjectPage>('GET', `/api/v1/care/subjects${qs({ alert, limit: 100, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCareSubject(id: string | null) {
  return useQuery({
    queryKey: careKeys.detail(id ?? ''),
    enabled: id !== null,
    queryFn: () => api<CareSubject>('GET', path(id ?? '')),
  });
}

function useCareWrite<B>(fn: (body: B) => Promise<CareSubject>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (s) => {
      qc.setQueryData(careKeys.detail(s.id), s);
      await qc.invalidateQueries({ queryKey: ['care', 'list'] });
    },
  });
}

export function useCreateCareSubject() {
  return useCareWrite((body: CreateCareSubjectInput) => api<CareSubject>('POST', '/api/v1/care/subjects', body));
}

export function useUpdateCareTier(id: string) {
  return useCareWrite((body: { tier: CareTier; intervalDays?: number }) =>
    api<CareSubject>('POST', `${path(id)}/tier`, body),
  );
}

export function useAssignCareVisitor(id: string) {
  return useCareWrite((body: { phone: string }) => api<CareSubject>('POST', `${path(id)}/visitors`, body));
}
