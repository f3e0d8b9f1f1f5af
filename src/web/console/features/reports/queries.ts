// 随手拍 (grid reports) queries and mutations of the console: the board (one filtered list), the figures (小事不出网格),
// one report, who it can be given to, the steps (accept … merge, moderate) and photo uploads.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type {
  Report,
  ReportAssigneeList,
  ReportCategories,
  ReportDetail,
  ReportLevel,
  ReportList,
  ReportState,
  ReportStats,
  UploadedReportPhoto,
} from '../../../shared/api-types';

export interface ReportFilter {
  status?: ReportState;
  category?: string;
  level?: ReportLevel;
  communityId?: string;
  gridId?: string;
  overdue?: boolean;
  escalated?: boolean;
  flagged?: boolean;
  q?: string;
}

/** How many reports the board loads at most (newest first); the filters narrow it. */
export const BOARD_LIMIT = 200;

export const reportKeys = {
  all: ['reports'] as const,
  board: (f: ReportFilter) => [...reportKeys.all, 'board', f] as const,
  stats: (communityId?: string) => [...reportKeys.all, 'stats', communityId ?? ''] as const,
  detail: (id: string) => [...reportKeys.all, 'detail', id] as const,
  assignees: (id: string) => [...reportKeys.all, 'assignees', id] as const,
  categories: (districtId: string | null) => [...reportKeys.all, 'categories', districtId] as const,
  mergeCandidates: (category: string) => [...reportKeys.all, 'merge', category] as const,
};

const path = (id: string, action = '') => `/api/v1/reports/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export function useReportBoard(f: ReportFilter) {
  return useQuery({
    queryKey: reportKeys.board(f),
    queryFn: () =>
      api<ReportList>(
        'GET',
        `/api/v1/reports${qs({
          ...f,
          overdue: f.overdue ? 'true' : undefined,
          escalated: f.escalated ? 'true' : undefined,
          flagged: f.flagged ? 'true' : undefined,
          limit: BOARD_LIMIT,
        })}`,
      ),
  });
}

/** The figures of the actor's scope: open, overdue, resolved and the share solved within the grid. */
export function useReportStats(communityId?: string) {
  return useQuery({
    queryKey: reportKeys.stats(communityId),
    queryFn: () => api<ReportStats>('GET', `/api/v1/reports/stats${qs({ communityId })}`),
  });
}

export function useReport(id: string | null) {
  return useQuery({
    queryKey: reportKeys.detail(id ?? ''),
    queryFn: () => api<ReportDetail>('GET', path(id!)),
    enabled: !!id,
  });
}

/** Staff who may be given the report (report.manage over it), grid workers of its grid first. */
export function useReportAssignees(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.assignees(id ?? ''),
    queryFn: () => api<ReportAssigneeList>('GET', path(id!, 'assignees')),
    enabled: !!id && enabled,
  });
}

/** Open reports of one category in scope: the originals a duplicate can be merged into. */
export function useMergeCandidates(category: string, enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.mergeCandidates(category),
    queryFn: () => api<ReportList>('GET', `/api/v1/reports${qs({ category, limit: 200 })}`),
    enabled,
  });
}

export function useReportCategories(districtId: string | null) {
  return useQuery({
    queryKey: reportKeys.categories(districtId),
    queryFn: () =>
      api<ReportCategories>('GET', `/api/v1/report-categories${qs({ districtId: districtId ?? undefined })}`),
    staleTime: 10 * 60_000,
  });
}

export type StepAction = 'accept' | 'assign' | 'start' | 'resolve' | 'reject' | 'merge' | 'close' | 'moderate';

/** One step on a report; the body is the step's (note, version, assignee, photos, target, decision). */
export function useReportStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: StepAction; body: Record<string, unknown> }) =>
      api<Report>('POST', path(id, action), body),
    onSettled: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useUploadReportPhoto() {
  return useMutation({
    mutationFn: (body: { contentBase64: string; filename: string | null; districtId?: string }) =>
      api<UploadedReportPhoto>('POST', '/api/v1/report-photos', body),
  });
}
