// 随手拍 (grid reports) in the resident H5: query keys, my reports, one report, the nearby open ones, the public
// board, and the writes (upload a photo, report, join, confirm, reopen, flag).
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  CreateReportBody,
  FlagReportBody,
  MyReportList,
  NearbyReportList,
  PublicReport,
  PublicReportList,
  Report,
  ReportCategories,
  ReportDetail,
  ReportState,
  UploadedReportPhoto,
} from '../../../shared/api-types';

export const reportKeys = {
  all: ['reports'] as const,
  categories: (where: { districtId?: string; communityId?: string }) =>
    [...reportKeys.all, 'categories', where.districtId ?? '', where.communityId ?? ''] as const,
  mine: () => [...reportKeys.all, 'mine'] as const,
  detail: (id: string) => [...reportKeys.all, 'detail', id] as const,
  nearby: (category: string, lat: number, lng: number) => [...reportKeys.all, 'nearby', category, lat, lng] as const,
  public: (districtId: string, communityId?: string, status?: ReportState) =>
    [...reportKeys.all, 'public', districtId, communityId ?? '', status ?? ''] as const,
  publicOne: (id: string) => [...reportKeys.all, 'public-one', id] as const,
};

const path = (id: string, action = '') => `/api/v1/reports/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/**
 * The report categories (with the points each earns) and the grids of a community: of the community given (anyone may
 * name any community: a rider reports where they pass), else of the district given, else of my home. While another
 * community's answer loads, the previous one stays (the form keeps what was typed).
 */
export function useReportCategories(where: { districtId?: string; communityId?: string }, enabled = true) {
  return useQuery({
    queryKey: reportKeys.categories(where),
    queryFn: () =>
      api<ReportCategories>(
        'GET',
        `/api/v1/report-categories${qs({ districtId: where.districtId, communityId: where.communityId })}`,
      ),
    staleTime: 10 * 60_000,
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** My reports, newest first, page by page. */
export function useMyReports() {
  return useInfiniteQuery({
    queryKey: reportKeys.mine(),
    queryFn: ({ pageParam }) => api<MyReportList>('GET', `/api/v1/reports/mine${qs({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One report I may see, with its timeline. */
export function useReport(id: string) {
  return useQuery({ queryKey: reportKeys.detail(id), queryFn: () => api<ReportDetail>('GET', path(id)) });
}

/** Open reports of the same category within 50 m of a point (WGS-84), offered to join instead of a new one. */
export function useNearbyReports(
  category: string | undefined,
  at: { lat: number; lng: number } | null,
  /** The community the report will be in when it is not my home's (its district is looked in). */
  communityId?: string,
) {
  return useQuery({
    queryKey: [...reportKeys.nearby(category ?? '', at?.lat ?? 0, at?.lng ?? 0), communityId ?? ''],
    queryFn: () =>
      api<NearbyReportList>(
        'GET',
        `/api/v1/reports/nearby${qs({ category, lat: at?.lat, lng: at?.lng, coord: 'wgs84', communityId })}`,
      ),
    enabled: !!category && !!at,
    staleTime: 30_000,
  });
}

/** Uploads one photo (base64 in JSON); the server checks it is an image, strips its metadata and resizes it. */
export function useUploadReportPhoto() {
  return useMutation({
    mutationFn: (body: { contentBase64: string; filename: string | null; communityId?: string }) =>
      api<UploadedReportPhoto>('POST', '/api/v1/report-photos', body),
  });
}

export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportBody) => api<Report>('POST', '/api/v1/reports', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

function useReportAction<B>(action: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => api<Report>('POST', path(id, action), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** Adds me to an existing report (the same problem) instead of reporting it again. */
export function useJoinReport() {
  return useReportAction<Record<string, never>>('join');
}

/** The reporter says it is fixed (earns the category's points). */
export function useConfirmReport() {
  return useReportAction<{ note?: string | null; version?: number }>('confirm');
}

/** The reporter says it is not fixed, with the reason. */
export function useReopenReport() {
  return useReportAction<{ note: string; version?: number }>('reopen');
}

/** Flags improper content on the public board (answers whether the report is now hidden). */
export function useFlagReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FlagReportBody }) =>
      api<{ flagged: boolean; hidden: boolean }>('POST', path(id, 'flag'), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** The public board of a district (no login): no reporter, place at grid level. */
export function usePublicReports(districtId: string | undefined, communityId?: string, status?: ReportState) {
  return useInfiniteQuery({
    queryKey: reportKeys.public(districtId ?? '', communityId, status),
    queryFn: ({ pageParam }) =>
      api<PublicReportList>(
        'GET',
        `/api/v1/public/reports${qs({ districtId, communityId, status, cursor: pageParam, limit: 20 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!districtId,
  });
}

/** One report of the public board (no login). */
export function usePublicReport(id: string | null) {
  return useQuery({
    queryKey: reportKeys.publicOne(id ?? ''),
    queryFn: () => api<PublicReport>('GET', `/api/v1/public/reports/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}
