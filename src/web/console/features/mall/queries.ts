// Points mall: merchant alliance (review, filing, annual evaluation), catalog, monthly statements, redemption stats.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { CountedPage } from '../../../shared/types';
import type {
  CatalogItem,
  CatalogItemInput,
  CatalogItemPatch,
  EvaluationResult,
  Merchant,
  MerchantStatement,
  RedemptionStat,
} from './types';
import type { ListCatalogQuery } from '../../../shared/api-types';

export type CatalogFilter = Pick<ListCatalogQuery, 'kind' | 'q'>;

export const mallKeys = {
  all: ['mall'] as const,
  merchants: (districtId: string) => ['mall', 'merchants', districtId] as const,
  catalog: (districtId: string, filter: CatalogFilter) => ['mall', 'catalog', districtId, filter] as const,
  statement: (merchantId: string, month: string) => ['mall', 'statement', merchantId, month] as const,
  stats: (from: string, to: string) => ['mall', 'stats', from, to] as const,
};

/**
 * Every merchant the person sees in the district (all pages): the ones in their scope in any state, plus filed
 * merchants elsewhere. An alliance has tens of shops, so the tabs split one list and show their counts.
 */
export function useMerchants(districtId: string | null) {
  return useQuery({ ...merchantsQuery(districtId), select: (d) => d.items });
}

/** The same merchants with the server's count of the whole list (the merchants page shows it). */
export function useMerchantList(districtId: string | null) {
  return useQuery(merchantsQuery(districtId));
}

function merchantsQuery(districtId: string | null) {
  return {
    queryKey: mallKeys.merchants(districtId ?? ''),
    enabled: !!districtId,
    queryFn: async (): Promise<{ items: Merchant[]; total: number }> => {
      const items: Merchant[] = [];
      let total: number;
      let cursor: string | null = null;
      do {
        const page: CountedPage<Merchant> = await api<CountedPage<Merchant>>(
          'GET',
          `/api/v1/merchants${qs({ districtId, limit: 200, cursor })}`,
        );
        items.push(...page.items);
        total = page.total;
        cursor = page.nextCursor;
      } while (cursor && items.length < 5000);
      return { items, total };
    },
  };
}

/** After a merchant decision, lists, offers (an exit removes them) and the audit log change. */
function useInvalidateMall() {
  const qc = useQueryClient();
  return () => {
    // `void`: lists refetch in the background; the mutation settles on the server answer, not on the reload.
    void qc.invalidateQueries({ queryKey: mallKeys.all });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useReviewMerchant() {
  const invalidate = useInvalidateMall();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      api<Merchant>('POST', `/api/v1/merchants/${encodeURIComponent(id)}/review`, body),
    onSettled: invalidate,
  });
}

/** A merchant's contact in full (staff in scope; the server writes merchant.contact_reveal to the audit log). */
export function useRevealMerchantContact() {
  return useMutation({
    mutationFn: (id: string) =>
      api<{ contactName: string | null; contactPhone: string }>(
        'POST',
        `/api/v1/merchants/${encodeURIComponent(id)}/contact/reveal`,
      ),
  });
}

export function useFileMerchant() {
  const invalidate = useInvalidateMall();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; fenPerPoint: number; fundName: string | null }) =>
      api<Merchant>('POST', `/api/v1/merchants/${encodeURIComponent(id)}/file`, body),
    onSettled: invalidate,
  });
}

export function useEvaluateMerchant() {
  const invalidate = useInvalidateMall();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; year: number; decision: 'renew' | 'exit'; note: string | null }) =>
      api<EvaluationResult>('POST', `/api/v1/merchants/${encodeURIComponent(id)}/evaluate`, body),
    onSettled: invalidate,
  });
}

/** The catalog as residents of the district see it (active items of filed merchants), 50 a page. */
export function useCatalog(districtId: string | null, filter: CatalogFilter) {
  return useInfiniteQuery({
    queryKey: mallKeys.catalog(districtId ?? '', filter),
    enabled: !!districtId,
    queryFn: ({ pageParam }) =>
      api<CountedPage<CatalogItem>>(
        'GET',
        `/api/v1/catalog${qs({ districtId, ...filter, cursor: pageParam, limit: 50 })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCreateCatalogItem() {
  const invalidate = useInvalidateMall();
  return useMutation({
    mutationFn: (input: CatalogItemInput) => api<CatalogItem>('POST', '/api/v1/catalog', input),
    onSuccess: invalidate,
  });
}

export function useUpdateCatalogItem() {
  const invalidate = useInvalidateMall();
  return useMutation({
    mutationFn: ({ id, ...patch }: CatalogItemPatch & { id: string }) =>
      api<CatalogItem>('PATCH', `/api/v1/catalog/${encodeURIComponent(id)}`, patch),
    onSuccess: invalidate,
  });
}

export function useMerchantStatement(merchantId: string | null, month: string) {
  return useQuery({
    queryKey: mallKeys.statement(merchantId ?? '', month),
    enabled: !!merchantId,
    queryFn: () =>
      api<MerchantStatement>(
        'GET',
        `/api/v1/merchants/${encodeURIComponent(merchantId!)}/statements/${encodeURIComponent(month)}`,
      ),
  });
}

export function useCloseStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ merchantId, month }: { merchantId: string; month: string }) =>
      api<MerchantStatement>(
        'POST',
        `/api/v1/merchants/${encodeURIComponent(merchantId)}/statements/${encodeURIComponent(month)}/close`,
      ),
    onSuccess: (s) => qc.setQueryData(mallKeys.statement(s.merchantId, s.month), s),
    onSettled: () => qc.invalidateQueries({ queryKey: ['audit'] }),
  });
}

export function statementExportUrl(merchantId: string, month: string): string {
  return `/api/v1/merchants/${encodeURIComponent(merchantId)}/statements/${encodeURIComponent(month)}/export`;
}

/** Redemptions per merchant between two instants (ISO; `to` exclusive). */
export function useRedemptionStats(from: string, to: string) {
  return useQuery({
    queryKey: mallKeys.stats(from, to),
    queryFn: () => api<{ items: RedemptionStat[] }>('GET', `/api/v1/mall/redemption-stats${qs({ from, to })}`),
  });
}
