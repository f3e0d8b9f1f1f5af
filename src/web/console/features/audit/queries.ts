// Audit log: query keys and the paged, filtered read.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { AuditEvent, Page } from '../../../shared/types';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetId?: string;
  /** ISO timestamps, inclusive range. */
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter) => ['audit', 'list', filter] as const,
};

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api<Page<AuditEvent>>('GET', `/api/v1/audit-events${qs({ ...filter, cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
