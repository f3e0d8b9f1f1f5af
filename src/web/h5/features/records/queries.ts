// Service-record queries and mutations: my records, a team's pending records, confirm and return.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import { volunteerKeys } from '../volunteers/queries';
import type { RecordFilters, ServiceRecord } from './types';

export const recordKeys = {
  all: ['records'] as const,
  lists: () => [...recordKeys.all, 'list'] as const,
  list: (filters: RecordFilters) => [...recordKeys.lists(), filters] as const,
};

/** Service records, newest first, page by page. */
export function useServiceRecords(filters: RecordFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api<Page<ServiceRecord>>('GET', `/api/v1/service-records${qs({ ...filters, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

function useRecordsMutation<I>(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api<{ items: ServiceRecord[] }>('POST', path, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: recordKeys.all });
      void qc.invalidateQueries({ queryKey: volunteerKeys.hours() });
    },
  });
}

/** The team leader confirms attendance-based minutes (待确认 → 已确认). */
export function useConfirmRecords() {
  return useRecordsMutation<{ recordIds: string[] }>('/api/v1/service-records/confirm');
}

/** Sends records back with a reason (已退回). */
export function useReturnRecords() {
  return useRecordsMutation<{ recordIds: string[]; reason: string }>('/api/v1/service-records/return');
}
