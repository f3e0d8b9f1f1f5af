// Service recorded after the fact (补记): one entry, the Excel import, and the template URL.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { PastServiceBody, PastServiceImportReply, ServiceRecord } from '../../../shared/api-types';

export type PastServiceInput = PastServiceBody;

export type PastServiceImportReport = PastServiceImportReply;

/** Records one entry; it waits for confirmation like any record, so the records lists refresh. */
export function useRecordPastService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PastServiceInput) => api<ServiceRecord>('POST', '/api/v1/service-records/past', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['records'] }),
  });
}

export function useImportPastService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { communityId: string; fileBase64: string }) =>
      api<PastServiceImportReport>('POST', '/api/v1/service-records/past/import', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['records'] }),
  });
}

export const pastServiceUrls = {
  template: (communityId: string) => `/api/v1/service-records/past/import-template${qs({ communityId })}`,
};
