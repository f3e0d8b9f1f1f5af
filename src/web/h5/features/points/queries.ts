// Points-bank queries and mutations: my accounts and history, verification, gifts, donations, the public ledger.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import type {
  DonateInput,
  GiftInput,
  Journal,
  LedgerHead,
  MyPointsItem,
  PublicJournal,
  PublicJournalFilters,
  VerifyResult,
} from './types';

export const pointKeys = {
  all: ['points'] as const,
  mine: () => [...pointKeys.all, 'mine'] as const,
  journals: (districtId: string) => [...pointKeys.all, 'journals', districtId] as const,
};

export const ledgerKeys = {
  all: ['public-ledger'] as const,
  head: (districtId: string) => [...ledgerKeys.all, 'head', districtId] as const,
  list: (filters: PublicJournalFilters) => [...ledgerKeys.all, 'list', filters] as const,
};

/** My points accounts, one per district where I have one (usually one). */
export function useMyPoints(enabled = true) {
  return useQuery({
    queryKey: pointKeys.mine(),
    queryFn: async () => (await api<{ items: MyPointsItem[] }>('GET', '/api/v1/me/points')).items,
    enabled,
  });
}

/** The account that matters on summary tiles: the one in my home district, else the first. */
export function pickAccount(items: MyPointsItem[] | undefined, districtId?: string): MyPointsItem | undefined {
  if (!items?.length) return undefined;
  return items.find((a) => a.districtId === districtId) ?? items[0];
}

/** My journals in one district, newest first, page by page. */
export function useMyJournals(districtId: string) {
  return useInfiniteQuery({
    queryKey: pointKeys.journals(districtId),
    queryFn: ({ pageParam }) =>
      api<Page<Journal>>('GET', `/api/v1/me/points/journals${qs({ districtId, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Recomputes my journals' hashes on the server and checks they are linked into the published chain. */
export function useVerifyMyJournals() {
  return useMutation({
    mutationFn: (districtId: string) => api<VerifyResult>('GET', `/api/v1/me/points/verify${qs({ districtId })}`),
  });
}

function useGivingMutation<I>(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I & { idempotencyKey: string }) => api<Journal>('POST', path, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: pointKeys.all });
      void qc.invalidateQueries({ queryKey: ledgerKeys.all });
    },
  });
}

/** Gives points to a direct relative (where the district allows it). */
export function useGiftPoints() {
  return useGivingMutation<GiftInput>('/api/v1/me/points/gifts');
}

/** Donates points to a community's public-welfare fund (where the district allows it). */
export function useDonatePoints() {
  return useGivingMutation<DonateInput>('/api/v1/me/points/donations');
}

/** The published chain head of a district (public). */
export function useLedgerHead(districtId: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.head(districtId ?? ''),
    queryFn: () => api<LedgerHead>('GET', `/api/v1/public/ledger/${encodeURIComponent(districtId!)}/head`),
    enabled: !!districtId,
  });
}

/** The public ledger of a district, newest first, page by page (public). */
export function usePublicJournals(filters: PublicJournalFilters | null) {
  return useInfiniteQuery({
    queryKey: ledgerKeys.list(filters ?? { districtId: '' }),
    queryFn: ({ pageParam }) => {
      const { districtId, ...rest } = filters!;
      return api<Page<PublicJournal>>(
        'GET',
        `/api/v1/public/ledger/${encodeURIComponent(districtId)}/journals${qs({ ...rest, cursor: pageParam, limit: 20 })}`,
      );
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!filters?.districtId,
  });
}
