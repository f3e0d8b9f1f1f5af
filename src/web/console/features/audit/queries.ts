// Audit log: query keys, the paged, filtered read (with its total) and the labelled list of actions.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { AuditEventsQuery, FilterOf } from '../../../shared/api-types';
import type { AuditEvent, CountedPage } from '../../../shared/types';

export type AuditFilter = FilterOf<AuditEventsQuery>;

export interface AuditActionChoice {
  action: string;
  label: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  // Labels and names come from the server in the request's language: the language is part of the key.
  list: (filter: AuditFilter, locale: string) => ['audit', 'list', locale, filter] as const,
  actions: (locale: string) => ['audit', 'actions', locale] as const,
};

export function useAuditEvents(filter: AuditFilter, locale: string) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filter, locale),
    queryFn: ({ pageParam }) =>
      api<CountedPage<AuditEvent>>('GET', `/api/v1/audit-events${qs({ ...filter, cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every action the log knows, labelled by the server in the current language (for the filter). */
export function useAuditActions(locale: string) {
  return useQuery({
    queryKey: auditKeys.actions(locale),
    queryFn: () => api<{ items: AuditActionChoice[] }>('GET', '/api/v1/audit-actions'),
    staleTime: Infinity,
  });
}
