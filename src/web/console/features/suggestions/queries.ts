// The suggestion box (意见箱) in the console: the staff queue by state, answers and conversions.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  Page,
  Suggestion,
  SuggestionState,
  SuggestionToNeedInput,
  SuggestionToProjectInput,
} from '../../../shared/api-types';

export const suggestionKeys = {
  all: ['suggestions'] as const,
  queue: (status: SuggestionState, communityId: string | undefined) =>
    ['suggestions', 'queue', status, communityId ?? ''] as const,
  needCategories: (districtId: string) => ['suggestions', 'need-categories', districtId] as const,
};

export function useSuggestionQueue(status: SuggestionState, communityId: string | undefined) {
  return useInfiniteQuery({
    queryKey: suggestionKeys.queue(status, communityId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page<Suggestion>>(
        'GET',
        `/api/v1/suggestions${qs({ view: 'queue', status, communityId, limit: 50, cursor: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The district's need categories (key and name), for turning a suggestion into a need. */
export function useNeedCategories(districtId: string | null) {
  return useQuery({
    queryKey: suggestionKeys.needCategories(districtId ?? ''),
    enabled: !!districtId,
    queryFn: async () =>
      (
        await api<{ categories: { key: string; name: string }[] }>(
          'GET',
          `/api/v1/districts/${districtId}/need-settings`,
        )
      ).categories,
  });
}

export function useAnswerSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) =>
      api<Suggestion>('POST', `/api/v1/suggestions/${id}/answer`, { answer }),
    onSuccess: () => qc.invalidateQueries({ queryKey: suggestionKeys.all }),
  });
}

export function useSuggestionToNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SuggestionToNeedInput & { id: string }) =>
      api<Suggestion>('POST', `/api/v1/suggestions/${id}/to-need`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: suggestionKeys.all }),
  });
}

export function useSuggestionToProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SuggestionToProjectInput & { id: string }) =>
      api<Suggestion>('POST', `/api/v1/suggestions/${id}/to-project`, body),
    onSuccess: () =>
      qc.invalidateQueries({ queryKey: ['suggestions'] }).then(() => qc.invalidateQueries({ queryKey: ['projects'] })),
  });
}
