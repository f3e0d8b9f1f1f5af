// Service-point queries and mutations of the console: the district's points (archived ones too in scope), create,
// edit, archive/restore.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  CountedPage,
  CreateServicePointBody,
  ServicePoint,
  ServicePointCategory,
  ServicePointState,
  UpdateServicePointBody,
} from '../../../shared/api-types';

export interface PointFilter {
  category?: ServicePointCategory;
  communityId?: string;
  status?: ServicePointState;
  q?: string;
}

const keys = {
  all: ['servicemap'] as const,
  list: (districtId: string, f: PointFilter) => [...keys.all, 'list', districtId, f] as const,
};

/** Up to 200 points of the district matching the filter, newest first, with the total. */
export function useServicePoints(districtId: string | null, f: PointFilter) {
  return useQuery({
    queryKey: keys.list(districtId ?? '', f),
    queryFn: () =>
      api<CountedPage<ServicePoint>>(
        'GET',
        `/api/v1/districts/${encodeURIComponent(districtId ?? '')}/service-points${qs({ ...f, limit: 200 })}`,
      ),
    enabled: !!districtId,
  });
}

export function useCreateServicePoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateServicePointBody) => api<ServicePoint>('POST', '/api/v1/service-points', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateServicePoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ point, body }: { point: ServicePoint; body: UpdateServicePointBody }) =>
      api<ServicePoint>(
        'PATCH',
        `/api/v1/districts/${encodeURIComponent(point.districtId)}/service-points/${encodeURIComponent(point.id)}`,
        body,
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useArchiveServicePoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ point, archived }: { point: ServicePoint; archived: boolean }) =>
      api<ServicePoint>(
        'POST',
        `/api/v1/districts/${encodeURIComponent(point.districtId)}/service-points/${encodeURIComponent(point.id)}/archive`,
        { archived },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}
