// Notification queries of both apps: the unread badge (tiny, polled), my notices page by page, mark read, mute
// settings. Each app's features/notifications/queries.ts re-exports these.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from './api';
import type {
  MarkReadBody,
  MarkReadResult,
  NotificationPage,
  NotificationPreferences,
  UpdatePreferencesBody,
} from './api-types';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  /** The texts come rendered in the UI language, so each language has its own cache entry. */
  list: (locale: string) => [...notificationKeys.lists(), locale] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};

/** How many notices are unread (for the tab bar badge); refreshed every half minute and on focus. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: async () => (await api<NotificationPage>('GET', '/api/v1/notifications?limit=1')).unread,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    enabled,
  });
}

/** My notices, newest first, page by page, in the UI language (the console fetches them while its drawer is open). */
export function useNotifications(locale: string, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: notificationKeys.list(locale),
    queryFn: ({ pageParam }) =>
      api<NotificationPage>('GET', `/api/v1/notifications${qs({ cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Marks some of my notices read, or all. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkReadBody) => api<MarkReadResult>('POST', '/api/v1/notifications/read', input),
    onSuccess: (r) => {
      qc.setQueryData(notificationKeys.unread(), r.unread);
      void qc.invalidateQueries({ queryKey: notificationKeys.lists() });
    },
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: () => api<NotificationPreferences>('GET', '/api/v1/notifications/preferences'),
  });
}

export function useUpdateNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePreferencesBody) =>
      api<NotificationPreferences>('PUT', '/api/v1/notifications/preferences', input),
    onSuccess: (r) => qc.setQueryData(notificationKeys.preferences(), r),
  });
}
