// Volunteer queries and mutations: my applications, district settings, my hours, certificate checks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../shared/api';
import type {
  ApplyVolunteerInput,
  CertificateCheck,
  MyHoursItem,
  Volunteer,
  VolunteerCardCheck,
  VolunteeringSettings,
} from './types';

export const volunteerKeys = {
  all: ['volunteers'] as const,
  mine: () => [...volunteerKeys.all, 'mine'] as const,
  settings: (districtId: string) => [...volunteerKeys.all, 'settings', districtId] as const,
  hours: () => [...volunteerKeys.all, 'hours'] as const,
  certificate: (certNo: string) => [...volunteerKeys.all, 'certificate', certNo] as const,
  card: (volunteerId: string) => [...volunteerKeys.all, 'card', volunteerId] as const,
};

/** My volunteer registrations, one per district (pending, approved, rejected or suspended). */
export function useMyVolunteerships() {
  return useQuery({
    queryKey: volunteerKeys.mine(),
    queryFn: async () => (await api<{ items: Volunteer[] }>('GET', '/api/v1/volunteers/mine')).items,
    staleTime: 60_000,
  });
}

/** Picks the registration that matters in a district (or the most relevant one anywhere). */
export function pickVolunteership(items: Volunteer[] | undefined, districtId?: string): Volunteer | undefined {
  if (!items?.length) return undefined;
  const inDistrict = districtId ? items.filter((v) => v.districtId === districtId) : items;
  const pool = inDistrict.length ? inDistrict : items;
  const rank: Record<Volunteer['status'], number> = { approved: 0, pending: 1, suspended: 2, rejected: 3 };
  return [...pool].sort((a, b) => rank[a.status] - rank[b.status])[0];
}

/** Skills, categories and rules of a district. */
export function useVolunteeringSettings(districtId: string | undefined) {
  return useQuery({
    queryKey: volunteerKeys.settings(districtId ?? ''),
    queryFn: () =>
      api<VolunteeringSettings>('GET', `/api/v1/districts/${encodeURIComponent(districtId!)}/volunteering-settings`),
    enabled: !!districtId,
    staleTime: 10 * 60_000,
  });
}

export function useApplyVolunteer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplyVolunteerInput) => api<Volunteer>('POST', '/api/v1/volunteers', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: volunteerKeys.mine() }),
  });
}

/** Accepted and pending hours with the star level, per district where I volunteer. */
export function useMyHours() {
  return useQuery({
    queryKey: volunteerKeys.hours(),
    queryFn: async () => (await api<{ items: MyHoursItem[] }>('GET', '/api/v1/me/hours')).items,
  });
}

/** The PDF certificate (志愿服务记录证明) of a volunteer; opened as a plain link so the session cookie goes along. */
export function certificateUrl(volunteerId: string): string {
  return `/api/v1/volunteers/${encodeURIComponent(volunteerId)}/certificate`;
}

/** Public check of a certificate number; null when no such certificate exists. */
export function useVerifyCertificate(certNo: string) {
  return useQuery({
    queryKey: volunteerKeys.certificate(certNo),
    queryFn: async (): Promise<CertificateCheck | null> => {
      try {
        return await api<CertificateCheck>('GET', `/api/v1/public/certificates/${encodeURIComponent(certNo)}`);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
        throw error;
      }
    },
    retry: false,
  });
}

/** Public check of a volunteer card (the QR on 志愿者证); null when no such (approved or suspended) volunteer exists. */
export function useVerifyVolunteerCard(volunteerId: string) {
  return useQuery({
    queryKey: volunteerKeys.card(volunteerId),
    queryFn: async (): Promise<VolunteerCardCheck | null> => {
      try {
        return await api<VolunteerCardCheck>(
          'GET',
          `/api/v1/public/volunteer-cards/${encodeURIComponent(volunteerId)}`,
        );
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
        throw error;
      }
    },
    retry: false,
  });
}
