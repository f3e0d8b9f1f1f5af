// Points bank (公益银行): accounts, awards, public journals and reversals, contributions, rules, year summary,
// ledger verification.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { CountedPage, Page, PartnerUnit } from '../../../shared/types';
import type {
  ContributionInput,
  ContributionResult,
  Journal,
  LedgerHead,
  LedgerVerification,
  PointAccount,
  PointRules,
  PointRulesVersion,
  PublicJournal,
  YearSummary,
} from './types';
import type { AccountsQuery, FilterOf, PublicJournalsQuery } from '../../../shared/api-types';

export type AccountFilter = FilterOf<AccountsQuery>;

export type JournalFilter = FilterOf<PublicJournalsQuery>;

export const pointsKeys = {
  all: ['points'] as const,
  accounts: (filter: AccountFilter) => ['points', 'accounts', filter] as const,
  journals: (districtId: string, filter: JournalFilter) => ['points', 'journals', districtId, filter] as const,
  head: (districtId: string) => ['points', 'head', districtId] as const,
  rules: (districtId: string) => ['points', 'rules', districtId] as const,
  summary: (nodeId: string, year: number) => ['points', 'summary', nodeId, year] as const,
  verification: (districtId: string) => ['points', 'verification', districtId] as const,
  partners: ['points', 'partner-options'] as const,
};

export function usePointAccounts(filter: AccountFilter) {
  return useInfiniteQuery({
    queryKey: pointsKeys.accounts(filter),
    queryFn: ({ pageParam }) =>
      api<CountedPage<PointAccount>>(
        'GET',
        `/api/v1/points/accounts${qs({ ...filter, cursor: pageParam, limit: 50 })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePublicJournals(districtId: string | null, filter: JournalFilter) {
  return useInfiniteQuery({
    queryKey: pointsKeys.journals(districtId ?? '', filter),
    enabled: !!districtId,
    queryFn: ({ pageParam }) =>
      api<CountedPage<PublicJournal>>(
        'GET',
        `/api/v1/public/ledger/${encodeURIComponent(districtId!)}/journals${qs({ ...filter, cursor: pageParam, limit: 50 })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useLedgerHead(districtId: string | null) {
  return useQuery({
    queryKey: pointsKeys.head(districtId ?? ''),
    enabled: !!districtId,
    queryFn: () => api<LedgerHead>('GET', `/api/v1/public/ledger/${encodeURIComponent(districtId!)}/head`),
  });
}

/** After any movement every list, balance and summary may have changed. */
function useInvalidatePoints() {
  const qc = useQueryClient();
  return () => {
    // `void`: lists refetch in the background; the mutation settles on the server answer, not on the reload.
    void qc.invalidateQueries({ queryKey: pointsKeys.all });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useAwardPoints() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: (input: { userId: string; points: number; reason: string; idempotencyKey: string }) =>
      api<Journal>('POST', '/api/v1/points/awards', input),
    onSuccess: invalidate,
  });
}

export function useReverseJournal() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<Journal>('POST', `/api/v1/points/journals/${encodeURIComponent(id)}/reverse`, { reason }),
    onSuccess: invalidate,
  });
}

export function useRecordContribution() {
  const invalidate = useInvalidatePoints();
  return useMutation({
    mutationFn: (input: ContributionInput) => api<ContributionResult>('POST', '/api/v1/points/contributions', input),
    onSuccess: invalidate,
  });
}

/** Every partner unit in the actor's scope (all pages), for the contribution form. */
export function usePartnerOptions() {
  return useQuery({
    queryKey: pointsKeys.partners,
    queryFn: async () => {
      const items: PartnerUnit[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<PartnerUnit> = await api<Page<PartnerUnit>>(
          'GET',
          `/api/v1/org/partner-units${qs({ limit: 100, cursor })}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < 2000);
      return items;
    },
    staleTime: 60_000,
  });
}

export function usePointRules(districtId: string | null) {
  return useQuery({
    queryKey: pointsKeys.rules(districtId ?? ''),
    enabled: !!districtId,
    queryFn: () =>
      api<{ rules: PointRules; history: PointRulesVersion[] }>(
        'GET',
        `/api/v1/districts/${encodeURIComponent(districtId!)}/point-rules`,
      ),
  });
}

export function useUpdatePointRules(districtId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<PointRules>) =>
      api<PointRules>('PATCH', `/api/v1/districts/${encodeURIComponent(districtId)}/point-rules`, patch),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: pointsKeys.rules(districtId) });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useYearSummary(nodeId: string | null, year: number) {
  return useQuery({
    queryKey: pointsKeys.summary(nodeId ?? '', year),
    enabled: !!nodeId,
    queryFn: () => api<YearSummary>('GET', `/api/v1/points/year-summary${qs({ nodeId, year })}`),
  });
}

export function yearSummaryExportUrl(nodeId: string, year: number): string {
  return `/api/v1/points/year-summary/export${qs({ nodeId, year })}`;
}

export function useLedgerVerification(districtId: string | null) {
  return useQuery({
    queryKey: pointsKeys.verification(districtId ?? ''),
    enabled: !!districtId,
    queryFn: () => api<LedgerVerification>('GET', `/api/v1/points/verification${qs({ districtId })}`),
    // A check is only worth what it saw just now: always run it afresh when the page opens.
    staleTime: 0,
    gcTime: 0,
  });
}
