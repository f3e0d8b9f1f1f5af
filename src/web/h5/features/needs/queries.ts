// Needs queries and mutations of the resident H5: the categories to choose from, my needs, one need, raising,
// withdrawing and rating.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { CreateNeedBody, Need, NeedCategory, NeedDetail, NeedList, RateNeedBody } from '../../../shared/api-types';

export const needKeys = {
  all: ['needs'] as const,
  categories: () => [...needKeys.all, 'categories'] as const,
  mine: () => [...needKeys.all, 'mine'] as const,
  detail: (id: string) => [...needKeys.all, 'detail', id] as const,
};

/** The need categories of the person's district. */
export function useNeedCategories() {
  return useQuery({
    queryKey: needKeys.categories(),
    queryFn: () => api<{ districtId: string; categories: NeedCategory[] }>('GET', '/api/v1/need-categories'),
    staleTime: 10 * 60_000,
  });
}

/** My needs, newest first, page by page. */
export function useMyNeeds() {
  return useInfiniteQuery({
    queryKey: needKeys.mine(),
    queryFn: ({ pageParam }) =>
      api<NeedList>('GET', `/api/v1/needs${qs({ mine: 'true', cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One of my needs with its timeline. */
export function useNeed(id: string) {
  return useQuery({
    queryKey: needKeys.detail(id),
    queryFn: () => api<NeedDetail>('GET', `/api/v1/needs/${encodeURIComponent(id)}`),
  });
}

/** Raises a need for myself. */
export function useCreateNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNeedBody) => api<Need>('POST', '/api/v1/needs', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: needKeys.mine() }),
  });
}

function useNeedAction<B>(path: (id: string) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => api<Need>('POST', path(id), body),
    onSuccess: async (_n, { id }) => {
      await qc.invalidateQueries({ queryKey: needKeys.detail(id) });
      await qc.invalidateQueries({ queryKey: needKeys.mine() });
    },
  });
}

/** Withdraws one of my needs (before a volunteer took it). */
export function useWithdrawNeed() {
  return useNeedAction<{ reason?: string | null }>((id) => `/api/v1/needs/${encodeURIComponent(id)}/withdraw`);
}

/** Rates the help once it is done. */
export function useRateNeed() {
  return useNeedAction<RateNeedBody>((id) => `/api/v1/needs/${encodeURIComponent(id)}/rating`);
}
