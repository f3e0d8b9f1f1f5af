// Service records: the acceptance queue, accept / return / correct, and the ledger export link.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { CountedPage } from '../../../shared/types';
import type { ServiceRecord } from '../../lib/volunteering';
import type { FilterOf, ListRecordsQuery } from '../../../shared/api-types';

export type RecordFilter = Omit<FilterOf<ListRecordsQuery>, 'mine'>;

export const recordKeys = {
  all: ['records'] as const,
  list: (filter: RecordFilter) => ['records', 'list', filter] as const,
};

export function useServiceRecords(filter: RecordFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(filter),
    enabled,
    queryFn: ({ pageParam }) =>
      api<CountedPage<ServiceRecord>>(
        'GET',
        `/api/v1/service-records${qs({ ...filter, cursor: pageParam, limit: 100 })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

function useRecordsAction<V>(call: (v: V) => Promise<{ items: ServiceRecord[] }>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => {
      // `void`: lists refetch in the background; the mutation settles on the server answer, not on the reload.
      void qc.invalidateQueries({ queryKey: recordKeys.all });
      void qc.invalidateQueries({ queryKey: ['volunteers'] });
      void qc.invalidateQueries({ queryKey: ['teams', 'detail'] });
    },
  });
}

export function useAcceptRecords() {
  return useRecordsAction((recordIds: string[]) =>
    api<{ items: ServiceRecord[] }>('POST', '/api/v1/service-records/accept', { recordIds }),
  );
}

export function useConfirmRecords() {
  return useRecordsAction((recordIds: string[]) =>
    api<{ items: ServiceRecord[] }>('POST', '/api/v1/service-records/confirm', { recordIds }),
  );
}

export function useReturnRecords() {
  return useRecordsAction(({ recordIds, reason }: { recordIds: string[]; reason: string }) =>
    api<{ items: ServiceRecord[] }>('POST', '/api/v1/service-records/return', { recordIds, reason }),
  );
}

export function useCorrectRecord() {
  return useRecordsAction(async ({ id, minutes, reason }: { id: string; minutes: number; reason: string }) => ({
    items: [
      await api<ServiceRecord>('POST', `/api/v1/service-records/${encodeURIComponent(id)}/correct`, {
        minutes,
        reason,
      }),
    ],
  }));
}

export function ledgerExportUrl(scope: { teamId?: string; communityId?: string }, from?: string, to?: string): string {
  return `/api/v1/service-records/export${qs({ ...scope, from, to })}`;
}
