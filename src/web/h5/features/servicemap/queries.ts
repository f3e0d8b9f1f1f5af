// Service-map queries (public reads): the map settings with the fallback centre, and "near me".
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { NearbyResult, ServiceMapConfig, ServicePointCategory } from '../../../shared/api-types';

export const serviceMapKeys = {
  all: ['servicemap'] as const,
  config: (districtId: string, communityId: string | undefined) =>
    [...serviceMapKeys.all, 'config', districtId, communityId ?? ''] as const,
  nearby: (districtId: string, q: NearbyParams) => [...serviceMapKeys.all, 'nearby', districtId, q] as const,
};

export interface NearbyParams {
  lat: number;
  lng: number;
  radius: number;
  category?: ServicePointCategory;
}

/** Tiles (or none) and where the map starts without a browser position (the home community's centre first). */
export function useServiceMapConfig(districtId: string | undefined, communityId: string | undefined) {
  return useQuery({
    queryKey: serviceMapKeys.config(districtId ?? '', communityId),
    queryFn: () => api<ServiceMapConfig>('GET', `/api/v1/districts/${districtId}/service-map${qs({ communityId })}`),
    enabled: !!districtId,
    staleTime: 10 * 60_000,
  });
}

/** Active points within the radius, nearest first (WGS-84 in and out). */
export function useNearbyServicePoints(districtId: string | undefined, q: NearbyParams | null) {
  return useQuery({
    queryKey: serviceMapKeys.nearby(districtId ?? '', q ?? { lat: 0, lng: 0, radius: 0 }),
    queryFn: () =>
      api<NearbyResult>(
        'GET',
        `/api/v1/districts/${districtId}/service-points/nearby${qs({
          lat: q?.lat,
          lng: q?.lng,
          radius: q?.radius,
          category: q?.category,
          limit: 100,
        })}`,
      ),
    enabled: !!districtId && !!q,
    placeholderData: keepPreviousData,
  });
}
