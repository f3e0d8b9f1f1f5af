// Points-mall queries and mutations: the catalog, ordering, my vouchers (cancel, rate, complain), the merchant
// alliance (my shops, applying), and the counter side: look up and redeem vouchers, today's redemptions, statements.
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, ApiError, qs } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import { pointKeys } from '../points/queries';
import type {
  ApplyMerchantInput,
  CatalogFilters,
  CatalogItem,
  ItemKind,
  Merchant,
  MerchantStatement,
  RedeemPreview,
  Voucher,
  VoucherStatus,
} from './types';

export const mallKeys = {
  all: ['mall'] as const,
  catalogLists: () => [...mallKeys.all, 'catalog'] as const,
  catalog: (filters: CatalogFilters) => [...mallKeys.catalogLists(), filters] as const,
  categories: (kind: ItemKind | '') => [...mallKeys.all, 'categories', kind] as const,
  item: (id: string) => [...mallKeys.all, 'item', id] as const,
  vouchers: () => [...mallKeys.all, 'vouchers'] as const,
  voucherList: (status: VoucherStatus | '') => [...mallKeys.vouchers(), 'list', status] as const,
  voucher: (id: string) => [...mallKeys.vouchers(), 'detail', id] as const,
  myMerchants: () => [...mallKeys.all, 'my-merchants'] as const,
  visibleMerchants: () => [...mallKeys.all, 'visible-merchants'] as const,
  today: () => [...mallKeys.all, 'today'] as const,
  statement: (merchantId: string, month: string) => [...mallKeys.all, 'statement', merchantId, month] as const,
};

const CATALOG_PAGE = 20;

/** The catalog, nearest first when lat/lng are given, page by page. */
export function useCatalog(filters: CatalogFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: mallKeys.catalog(filters),
    queryFn: ({ pageParam }) =>
      api<Page<CatalogItem>>('GET', `/api/v1/catalog${qs({ ...filters, cursor: pageParam, limit: CATALOG_PAGE })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** The categories in use (for the chips), read from the first 100 items of a kind. */
export function useCatalogCategories(kind: ItemKind | '') {
  return useQuery({
    queryKey: mallKeys.categories(kind),
    queryFn: async () => {
      const page = await api<Page<CatalogItem>>('GET', `/api/v1/catalog${qs({ kind, limit: 100 })}`);
      return [...new Set(page.items.map((i) => i.category))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    },
    staleTime: 5 * 60_000,
  });
}

function findCachedItem(qc: QueryClient, id: string): CatalogItem | undefined {
  for (const [, data] of qc.getQueriesData<InfiniteData<Page<CatalogItem>>>({ queryKey: mallKeys.catalogLists() })) {
    const hit = data?.pages.flatMap((p) => p.items).find((i) => i.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * One catalog item (GET /catalog/:id), or null when it is gone or out of reach (the server answers 404 for both);
 * a card tapped in the list shows at once from the list's cache while this refreshes its stock.
 */
export function useCatalogItem(id: string | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: mallKeys.item(id ?? ''),
    queryFn: async () => {
      try {
        return await api<CatalogItem>('GET', `/api/v1/catalog/${encodeURIComponent(id ?? '')}`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    initialData: () => (id ? findCachedItem(qc, id) : undefined),
    initialDataUpdatedAt: 0,
    enabled: !!id,
  });
}

/** After anything that moves points or changes a voucher: balances, vouchers, stock. */
function useRefreshAfterOrder() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: pointKeys.all });
    void qc.invalidateQueries({ queryKey: mallKeys.vouchers() });
    void qc.invalidateQueries({ queryKey: mallKeys.catalogLists() });
    void qc.invalidateQueries({ queryKey: [...mallKeys.all, 'item'] });
  };
}

/** Orders an item; the same idempotencyKey on a retry returns the first voucher and charges once. */
export function usePlaceOrder() {
  const qc = useQueryClient();
  const refresh = useRefreshAfterOrder();
  return useMutation({
    mutationFn: (input: { itemId: string; idempotencyKey: string }) => api<Voucher>('POST', '/api/v1/orders', input),
    onSuccess: (voucher) => {
      qc.setQueryData(mallKeys.voucher(voucher.id), voucher);
      refresh();
    },
  });
}

/** Cancels an unredeemed voucher; the points come back. */
export function useCancelOrder() {
  const qc = useQueryClient();
  const refresh = useRefreshAfterOrder();
  return useMutation({
    mutationFn: (id: string) => api<Voucher>('POST', `/api/v1/orders/${encodeURIComponent(id)}/cancel`),
    onSuccess: (voucher) => {
      qc.setQueryData(mallKeys.voucher(voucher.id), voucher);
      refresh();
    },
  });
}

/** My vouchers of one status (or all), newest first, page by page. */
export function useMyVouchers(status: VoucherStatus | '') {
  return useInfiniteQuery({
    queryKey: mallKeys.voucherList(status),
    queryFn: ({ pageParam }) =>
      api<Page<Voucher>>('GET', `/api/v1/me/vouchers${qs({ status, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const VOUCHER_POLL_MS = 5_000;

/** One of my vouchers; polled every 5 s while it is active, so it turns 已核销 when the shop scans it. */
export function useVoucher(id: string | undefined) {
  return useQuery({
    queryKey: mallKeys.voucher(id ?? ''),
    queryFn: () => api<Voucher>('GET', `/api/v1/me/vouchers/${encodeURIComponent(id!)}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.status === 'active' ? VOUCHER_POLL_MS : false),
  });
}

export function useRateVoucher(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { score: number; comment?: string }) =>
      api<Voucher>('POST', `/api/v1/me/vouchers/${encodeURIComponent(id)}/rating`, input),
    onSuccess: (voucher) => {
      qc.setQueryData(mallKeys.voucher(voucher.id), voucher);
      void qc.invalidateQueries({ queryKey: mallKeys.vouchers() });
    },
  });
}

export function useComplainMerchant() {
  return useMutation({
    mutationFn: ({ merchantId, ...body }: { merchantId: string; orderId?: string; content: string }) =>
      api<{ id: string }>('POST', `/api/v1/merchants/${encodeURIComponent(merchantId)}/complaints`, body),
  });
}

// ---------- the merchant alliance ----------

/** The shops I am staff of (filed or since exited). */
export function useMyMerchants() {
  return useQuery({
    queryKey: mallKeys.myMerchants(),
    queryFn: async () => (await api<Page<Merchant>>('GET', `/api/v1/merchants${qs({ mine: true, limit: 200 })}`)).items,
    staleTime: 60_000,
  });
}

/** Merchants I can see: filed ones, those I applied for, and (for staff) all in my scope. */
export function useVisibleMerchants(enabled = true) {
  return useQuery({
    queryKey: mallKeys.visibleMerchants(),
    queryFn: async () => (await api<Page<Merchant>>('GET', `/api/v1/merchants${qs({ limit: 200 })}`)).items,
    enabled,
  });
}

export function useApplyMerchant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplyMerchantInput) => api<Merchant>('POST', '/api/v1/merchants', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: mallKeys.visibleMerchants() });
      void qc.invalidateQueries({ queryKey: mallKeys.myMerchants() });
    },
  });
}

// ---------- at the counter ----------

/** What a scanned or typed voucher code is for (nothing changes). */
export function useLookupVoucher() {
  return useMutation({
    mutationFn: (code: string) => api<RedeemPreview>('POST', '/api/v1/vouchers/lookup', { code }),
  });
}

/** Redeems (核销) a voucher once; the same redeemKey on a retry answers the same success. */
export function useRedeemVoucher() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; redeemKey: string }) => api<Voucher>('POST', '/api/v1/vouchers/redeem', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: mallKeys.today() });
      void qc.invalidateQueries({ queryKey: [...mallKeys.all, 'statement'] });
    },
  });
}

/** Today's redemptions at my shops (and the ones I did for the supermarket). */
export function useTodayRedemptions(enabled = true) {
  return useQuery({
    queryKey: mallKeys.today(),
    queryFn: async () => (await api<{ items: Voucher[] }>('GET', '/api/v1/merchants/redemptions/today')).items,
    enabled,
    refetchInterval: 30_000,
  });
}

export function useMerchantStatement(merchantId: string | undefined, month: string) {
  return useQuery({
    queryKey: mallKeys.statement(merchantId ?? '', month),
    queryFn: () =>
      api<MerchantStatement>(
        'GET',
        `/api/v1/merchants/${encodeURIComponent(merchantId!)}/statements/${encodeURIComponent(month)}`,
      ),
    enabled: !!merchantId && /^\d{4}-\d{2}$/.test(month),
  });
}

/** The Excel download of a statement (the session cookie authorises a plain link). */
export function statementExportUrl(merchantId: string, month: string): string {
  return `/api/v1/merchants/${encodeURIComponent(merchantId)}/statements/${encodeURIComponent(month)}/export`;
}
