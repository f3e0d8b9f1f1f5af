// District volunteering settings (skills, categories, star thresholds, attendance rules): read and update.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { VolunteeringSettings } from '../../lib/volunteering';

export const settingsKeys = {
  volunteering: (districtId: string) => ['settings', 'volunteering', districtId] as const,
};

export function useVolunteeringSettings(districtId: string | null) {
  return useQuery({
    queryKey: settingsKeys.volunteering(districtId ?? ''),
    enabled: !!districtId,
    queryFn: () =>
      api<VolunteeringSettings>('GET', `/api/v1/districts/${encodeURIComponent(districtId!)}/volunteering-settings`),
    staleTime: 5 * 60_000,
  });
}

export function useUpdateVolunteeringSettings(districtId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<VolunteeringSettings>) =>
      api<VolunteeringSettings>(
        'PATCH',
        `/api/v1/districts/${encodeURIComponent(districtId)}/volunteering-settings`,
        patch,
      ),
    onSuccess: (s) => {
      qc.setQueryData(settingsKeys.volunteering(districtId), s);
      // `void`: lists refetch in the background; the mutation settles on the server answer, not on the reload.
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
