// Needs queries and mutations of the console: the board (one list, grouped by column on the client), one need,
// the categories, triage and the proxy form.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  CreateNeedBody,
  Need,
  NeedCategory,
  NeedDetail,
  NeedList,
  TriageNeedBody,
  Urgency,
} from '../../../shared/api-types';

export interface NeedFilter {
  category?: string;
  urgency?: Urgency;
  communityId?: string;
  q?: string;
}

/** How many needs the board loads at most (newest first); the filters narrow it. */
export const BOARD_LIMIT = 200;

export const needKeys = {
  all: ['needs'] as const,
  board: (f: NeedFilter) => [...needKeys.all, 'board', f] as const,
  detail: (id: string) => [...needKeys.all, 'detail', id] as const,
  categories: (districtId: string | null) => [...needKeys.all, 'categories', districtId] as const,
};

export function useNeedBoard(f: NeedFilter) {
  return useQuery({
    queryKey: needKeys.board(f),
    queryFn: () => api<NeedList>('GET', `/api/v1/needs${qs({ ...f, limit: BOARD_LIMIT })}`),
  });
}

export function useNeed(id: string | null) {
  return useQuery({
    queryKey: needKeys.detail(id ?? ''),
    queryFn: () => api<NeedDetail>('GET', `/api/v1/needs/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useNeedCategories(districtId: string | null) {
  return useQuery({
    queryKey: needKeys.categories(districtId),
    queryFn: () =>
      api<{ districtId: string; categories: NeedCategory[] }>(
        'GET',
        `/api/v1/need-categories${qs({ districtId: districtId ?? undefined })}`,
      ),
    staleTime: 10 * 60_000,
  });
}

export function useTriageNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TriageNeedBody }) =>
      api<Need>('POST', `/api/v1/needs/${encodeURIComponent(id)}/triage`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: needKeys.all }),
  });
}

export function useCreateNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNeedBody) => api<Need>('POST', '/api/v1/needs', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: needKeys.all }),
  });
}
