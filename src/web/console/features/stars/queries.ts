// Star promotions in the console: the ones in publicity (公示) or objected within the staff member's scope, and the
// decision on objections.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { DecideStarBody, StaffStarPromotionList, StarPromotion, StarStatus } from '../../../shared/api-types';

export const starKeys = {
  all: ['stars'] as const,
  list: (status: StarStatus | undefined) => ['stars', 'list', status ?? 'live'] as const,
};

export function useStarPromotions(status: StarStatus | undefined) {
  return useQuery({
    queryKey: starKeys.list(status),
    queryFn: () => api<StaffStarPromotionList>('GET', `/api/v1/star-promotions${qs({ status })}`),
  });
}

export function useDecideStarPromotion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecideStarBody }) =>
      api<StarPromotion>('POST', `/api/v1/star-promotions/${encodeURIComponent(id)}/decision`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: starKeys.all }),
  });
}
