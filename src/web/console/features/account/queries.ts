// Session queries: who is logged in, log in, log out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../shared/api';
import type { Me } from '../../../shared/types';
import type { LoginBody } from '../../../shared/api-types';

export const accountKeys = {
  me: ['account', 'me'] as const,
};

/** The logged-in person, or null when there is no session (401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: accountKeys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('GET', '/api/v1/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        // A temporary password still to be changed: log in again, which leads to setting a new one.
        if (err instanceof ApiError && err.code === 'PASSWORD_CHANGE_REQUIRED') return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export type LoginInput = LoginBody;

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<{ user: Me; csrfToken: string }>('POST', '/api/v1/auth/login', input),
    onSuccess: (res) => {
      // Another person may have used this browser: drop everything cached for the previous session.
      qc.clear();
      qc.setQueryData(accountKeys.me, res.user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/v1/auth/logout'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(accountKeys.me, null);
    },
  });
}
