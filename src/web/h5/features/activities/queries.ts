// Activity queries and mutations: lists, detail, sign-up, my sign-ups, attendance, ratings, back-fill, and the
// leader's roster, rotating code, attendance marks and new activities.
import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { Page } from '../../../shared/types';
import { recordKeys } from '../records/queries';
import type { ServiceRecord } from '../records/types';
import { volunteerKeys } from '../volunteers/queries';
import type {
  Activity,
  ActivityFilters,
  AttendanceAnswer,
  AttendanceCode,
  AttendanceInput,
  AttendanceMark,
  CreateActivityInput,
  MySignup,
  RatingSummary,
  RatingTarget,
  RosterEntry,
  SignUpAnswer,
} from './types';

export const activityKeys = {
  all: ['activities'] as const,
  lists: () => [...activityKeys.all, 'list'] as const,
  list: (filters: ActivityFilters) => [...activityKeys.lists(), filters] as const,
  detail: (id: string) => [...activityKeys.all, 'detail', id] as const,
  mySignups: () => [...activityKeys.all, 'my-signups'] as const,
  roster: (id: string) => [...activityKeys.all, 'roster', id] as const,
  code: (id: string) => [...activityKeys.all, 'code', id] as const,
  ratings: (id: string) => [...activityKeys.all, 'ratings', id] as const,
};

const path = (id: string, rest = '') => `/api/v1/activities/${encodeURIComponent(id)}${rest}`;

/** Activities by start time, page by page (nextCursor). */
export function useActivities(filters: ActivityFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api<Page<Activity>>('GET', `/api/v1/activities${qs({ ...filters, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export const activityQuery = (id: string) =>
  queryOptions({ queryKey: activityKeys.detail(id), queryFn: () => api<Activity>('GET', path(id)) });

/** One activity; idle while no id is given. */
export function useActivity(id: string) {
  return useQuery({ ...activityQuery(id), enabled: !!id });
}

/** After anything that changes an activity's sign-ups: its page, the lists and my sign-ups. */
function useRefreshActivity() {
  const qc = useQueryClient();
  return (id?: string) => {
    if (id) void qc.invalidateQueries({ queryKey: activityKeys.detail(id) });
    if (id) void qc.invalidateQueries({ queryKey: activityKeys.roster(id) });
    void qc.invalidateQueries({ queryKey: activityKeys.lists() });
    void qc.invalidateQueries({ queryKey: activityKeys.mySignups() });
  };
}

export function useSignUp(id: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: () => api<SignUpAnswer>('POST', path(id, '/signups'), {}),
    onSuccess: () => refresh(id),
  });
}

export function useCancelSignUp(id: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: () => api<{ promotedUserId: string | null }>('DELETE', path(id, '/signups/mine')),
    onSuccess: () => refresh(id),
  });
}

/** My sign-ups, page by page. */
export function useMySignUps() {
  return useInfiniteQuery({
    queryKey: activityKeys.mySignups(),
    queryFn: ({ pageParam }) => api<Page<MySignup>>('GET', `/api/v1/me/signups${qs({ cursor: pageParam, limit: 30 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Check-in or check-out by QR payload or 6-digit code. */
export function useAttendance() {
  const refresh = useRefreshActivity();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, input }: { action: 'in' | 'out'; input: AttendanceInput }) =>
      api<AttendanceAnswer>('POST', `/api/v1/attendance/${action === 'in' ? 'check-in' : 'check-out'}`, input),
    onSuccess: (answer) => {
      refresh(answer.activityId);
      void qc.invalidateQueries({ queryKey: recordKeys.all });
      void qc.invalidateQueries({ queryKey: volunteerKeys.hours() });
    },
  });
}

export function useRatings(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.ratings(id),
    queryFn: () => api<RatingSummary>('GET', path(id, '/ratings')),
    enabled,
  });
}

export function useRate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { target: RatingTarget; score: number; comment?: string }) =>
      api<RatingSummary>('POST', path(id, '/ratings'), input),
    onSuccess: () => qc.invalidateQueries({ queryKey: activityKeys.ratings(id) }),
  });
}

/** A volunteer declares minutes served at a finished activity they did not check in to (补录). */
export function useDeclareBackfill(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { minutes: number; note: string }) => api<ServiceRecord>('POST', path(id, '/backfill'), input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: recordKeys.all });
      void qc.invalidateQueries({ queryKey: volunteerKeys.hours() });
    },
  });
}

// ---------- for the people who run an activity ----------

export function useRoster(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.roster(id),
    queryFn: async () => (await api<{ items: RosterEntry[] }>('GET', path(id, '/roster'))).items,
    enabled,
  });
}

/** The rotating code, fetched again a few seconds before it expires. */
export function useAttendanceCode(id: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.code(id),
    queryFn: () => api<AttendanceCode>('GET', path(id, '/attendance-code')),
    enabled,
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: true,
    refetchInterval: (query) => {
      const code = query.state.data;
      if (!code) return query.state.status === 'error' ? 10_000 : false;
      const left = new Date(code.expiresAt).getTime() - Date.now();
      return Math.min(Math.max(left - 3_000, 1_000), 5 * 60_000);
    },
    refetchIntervalInBackground: false,
  });
}

export function useMarkAttendance(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entries: AttendanceMark[]) =>
      api<{ items: RosterEntry[] }>('POST', path(id, '/attendance'), { entries }),
    onSuccess: (answer) => {
      qc.setQueryData(activityKeys.roster(id), answer.items);
      void qc.invalidateQueries({ queryKey: recordKeys.all });
    },
  });
}

/** Closes attendance after the end: open stays are checked out at the end and their records written. */
export function useCloseActivity(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ items: RosterEntry[] }>('POST', path(id, '/close')),
    onSuccess: (answer) => {
      qc.setQueryData(activityKeys.roster(id), answer.items);
      void qc.invalidateQueries({ queryKey: activityKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: recordKeys.all });
    },
  });
}

export function useCreateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateActivityInput) => api<{ items: Activity[] }>('POST', '/api/v1/activities', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: activityKeys.lists() }),
  });
}

export function usePublishActivity(id: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: () => api<Activity>('POST', path(id, '/publish')),
    onSuccess: () => refresh(id),
  });
}

export function useCancelActivity(id: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: (reason: string) => api<Activity>('POST', path(id, '/cancel'), { reason }),
    onSuccess: () => refresh(id),
  });
}
