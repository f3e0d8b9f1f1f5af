// Account queries and mutations: who is signed in, sign in/up/out, profile and password.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../shared/api';
import type { Me } from '../../../shared/types';
import type { Locale } from '../../i18n';
import type { ChangePasswordBody, LoginBody, RegisterBody, UpdateMeBody } from '../../../shared/api-types';

export const accountKeys = {
  all: ['account'] as const,
  me: () => [...accountKeys.all, 'me'] as const,
};

interface AuthAnswer {
  user: Me;
  csrfToken: string;
}

export type LoginInput = LoginBody;

export type RegisterInput = RegisterBody & {
  /** Preferences chosen before the account existed; saved to it right after registering. */
  preferences: { locale: Locale; elderMode: boolean };
};

export type UpdateMeInput = UpdateMeBody;

export type ChangePasswordInput = ChangePasswordBody;

/** True when the error means "nobody is signed in" (as opposed to a wrong password). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'INVALID_CREDENTIALS';
}

/** The signed-in person, or null when nobody is signed in (a 401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: accountKeys.me(),
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('GET', '/api/v1/me');
      } catch (error) {
        if (isUnauthenticated(error)) return null;
        // A temporary password still to be changed: sign in again, whose answer leads to the password page.
        if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<AuthAnswer>('POST', '/api/v1/auth/login', input),
    onSuccess: (answer) => qc.setQueryData(accountKeys.me(), answer.user),
  });
}

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ preferences, ...input }: RegisterInput): Promise<Me> => {
      const answer = await api<AuthAnswer>('POST', '/api/v1/auth/register', input);
      let user = answer.user;
      if (user.locale !== preferences.locale || user.elderMode !== preferences.elderMode) {
        // The account exists now; a failure here only loses the preference, so keep the new account signed in.
        try {
          user = await api<Me>('PATCH', '/api/v1/me', preferences);
        } catch {
          user = { ...user, ...preferences };
        }
      }
      return user;
    },
    onSuccess: (user) => qc.setQueryData(accountKeys.me(), user),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/v1/auth/logout'),
    // Nothing cached may outlive the session; "signed out" is recorded so guards redirect at once.
    onSuccess: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey.join('/') !== accountKeys.me().join('/') });
      qc.setQueryData<Me | null>(accountKeys.me(), null);
    },
  });
}

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMeInput) => api<Me>('PATCH', '/api/v1/me', input),
    onSuccess: (me) => qc.setQueryData(accountKeys.me(), me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api<void>('POST', '/api/v1/me/password', input),
  });
}
