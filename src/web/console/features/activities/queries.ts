// Activities: calendar range and list, one activity, create/publish/cancel, roster, attendance and codes.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { CountedPage, Page } from '../../../shared/types';
import type { Activity, AttendanceCode, RosterEntry } from '../../lib/volunteering';
import type { CreateActivityBody, FilterOf, ListActivitiesQuery } from '../../../shared/api-types';

export type ActivityFilter = FilterOf<ListActivitiesQuery>;

export const activityKeys = {
  all: ['activities'] as const,
  list: (filter: ActivityFilter & { from?: string; to?: string }) => ['activities', 'list', filter] as const,
  range: (filter: ActivityFilter, from: string, to: string) => ['activities', 'range', filter, from, to] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  roster: (id: string) => ['activities', 'roster', id] as const,
  code: (id: string) => ['activities', 'code', id] as const,
};

/** The list view: activities from `from` on, by start time, a page at a time. */
export function useActivities(filter: ActivityFilter & { from?: string; to?: string }, enabled = true) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(filter),
    enabled,
    queryFn: ({ pageParam }) =>
      api<CountedPage<Activity>>('GET', `/api/v1/activities${qs({ ...filter, cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every activity overlapping [from, to) — for the calendar month (all pages joined). */
export function useActivitiesInRange(filter: ActivityFilter, from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: activityKeys.range(filter, from, to),
    enabled,
    queryFn: async () => {
      const items: Activity[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Activity> = await api<Page<Activity>>(
          'GET',
          `/api/v1/activities${qs({ ...filter, from, to, cursor, limit: 100 })}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < 2000);
      return items;
    },
  });
}

export function useActivity(id: string | null) {
  return useQuery({
    queryKey: activityKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: () => api<Activity>('GET', `/api/v1/activities/${encodeURIComponent(id!)}`),
  });
}

export type CreateActivityInput = CreateActivityBody;

export function useCreateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateActivityInput) => api<{ items: Activity[] }>('POST', '/api/v1/activities', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: activityKeys.all }),
  });
}

function useActivityAction<V>(call: (v: V) => Promise<Activity>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (a) => {
      qc.setQueryData(activityKeys.detail(a.id), a);
      void qc.invalidateQueries({ queryKey: activityKeys.all });
    },
  });
}

export function usePublishActivity() {
  return useActivityAction((id: string) =>
    api<Activity>('POST', `/api/v1/activities/${encodeURIComponent(id)}/publish`),
  );
}

export function useCancelActivity() {
  return useActivityAction(({ id, reason }: { id: string; reason: string }) =>
    api<Activity>('POST', `/api/v1/activities/${encodeURIComponent(id)}/cancel`, { reason }),
  );
}

export function useRoster(id: string | null, enabled = true) {
  return useQuery({
    queryKey: activityKeys.roster(id ?? ''),
    enabled: !!id && enabled,
    queryFn: () => api<{ items: RosterEntry[] }>('GET', `/api/v1/activities/${encodeURIComponent(id!)}/roster`),
    select: (r) => r.items,
  });
}

export interface MarkEntry {
  userId: string;
  present: boolean;
  checkInAt?: string;
  checkOutAt?: string;
}

export function useMarkAttendance() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, entries }: { id: string; entries: MarkEntry[] }) =>
      api<{ items: RosterEntry[] }>('POST', `/api/v1/activities/${encodeURIComponent(id)}/attendance`, { entries }),
    onSuccess: (res, v) => {
      qc.setQueryData(activityKeys.roster(v.id), res);
      void qc.invalidateQueries({ queryKey: activityKeys.detail(v.id) });
      void qc.invalidateQueries({ queryKey: ['records'] });
    },
  });
}

/** Closes attendance after the end: open stays are checked out at the end and their records written. */
export function useCloseActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ items: RosterEntry[] }>('POST', `/api/v1/activities/${encodeURIComponent(id)}/close`),
    onSuccess: (res, id) => {
      qc.setQueryData(activityKeys.roster(id), res);
      void qc.invalidateQueries({ queryKey: activityKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: ['records'] });
    },
  });
}

/** The rotating check-in code, fetched again shortly before it expires while `enabled`. */
export function useAttendanceCode(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: activityKeys.code(id ?? ''),
    enabled: !!id && enabled,
    queryFn: () => api<AttendanceCode>('GET', `/api/v1/activities/${encodeURIComponent(id!)}/attendance-code`),
    gcTime: 0,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return false;
      const left = Date.parse(data.expiresAt) - Date.now();
      return Math.max(1000, left - 1500);
    },
    refetchIntervalInBackground: true,
  });
}
