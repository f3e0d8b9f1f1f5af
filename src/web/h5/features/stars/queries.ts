// Star levels in the H5: my levels (held, reached, in publicity), the public publicity list (公示) and objecting.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { ObjectStarBody, StarLevels, StarPublicityList } from '../../../shared/api-types';

export const starKeys = {
  all: ['stars'] as const,
  mine: () => ['stars', 'mine'] as const,
  publicity: (districtId: string, communityId: string | undefined) =>
    ['stars', 'publicity', districtId, communityId ?? ''] as const,
};

/** My star levels in each district I volunteer in. */
export function useStarLevels(enabled = true) {
  return useQuery({
    queryKey: starKeys.mine(),
    queryFn: () => api<StarLevels>('GET', '/api/v1/me/star-levels'),
    enabled,
  });
}

/** The public publicity list of a district (optionally one community). */
export function useStarPublicity(districtId: string | undefined, communityId: string | undefined) {
  return useQuery({
    queryKey: starKeys.publicity(districtId ?? '', communityId),
    queryFn: () => api<StarPublicityList>('GET', `/api/v1/public/star-publicity${qs({ districtId, communityId })}`),
    enabled: !!districtId,
  });
}

/** 我有异议: one objection per person and promotion. */
export function useObjectStar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ObjectStarBody }) =>
      api<{ id: string; status: string }>('POST', `/api/v1/star-publicity/${encodeURIComponent(id)}/objections`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: starKeys.all }),
  });
}
