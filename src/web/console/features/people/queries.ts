// People, their roles and the role catalogue: query keys, reads and writes.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../../../shared/api';
import type { CountedPage, Person, RoleAssignment, RoleInfo } from '../../../shared/types';
import type { FilterOf, GrantRoleBody, ListPeopleQuery } from '../../../shared/api-types';

export type PeopleFilter = FilterOf<ListPeopleQuery>;

export const peopleKeys = {
  all: ['people'] as const,
  list: (filter: PeopleFilter) => ['people', 'list', filter] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  catalog: ['roles', 'catalog'] as const,
};

export function usePeople(filter: PeopleFilter) {
  return useInfiniteQuery({
    queryKey: peopleKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api<CountedPage<Person>>('GET', `/api/v1/people${qs({ ...filter, cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePerson(id: string | null) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: () => api<Person>('GET', `/api/v1/people/${encodeURIComponent(id!)}`),
  });
}

export interface RevealedPerson {
  phone: string;
  realName: string | null;
  idNumber: string | null;
}

/** Unmasks a person's phone, name and ID number; the server writes this to the audit log. */
export function useRevealPerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<RevealedPerson>('POST', `/api/v1/people/${encodeURIComponent(id)}/reveal`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['audit'] }),
  });
}

/** Resets a forgotten password: the one-time password comes back once; the person must change it at next login. */
export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ temporaryPassword: string }>('POST', `/api/v1/people/${encodeURIComponent(id)}/password-reset`),
    onSuccess: () => {
      // `void`: lists refetch in the background; the mutation settles on the server answer, not on the reload.
      void qc.invalidateQueries({ queryKey: peopleKeys.all });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Lifts a person's sign-in delay (staff with people.reset); the server writes person.unlocked to the audit log. */
export function useUnlockAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<null>('POST', `/api/v1/people/${encodeURIComponent(id)}/unlock`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: peopleKeys.all });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useRoleCatalog() {
  return useQuery({
    queryKey: peopleKeys.catalog,
    queryFn: () => api<{ items: RoleInfo[] }>('GET', '/api/v1/roles/catalog'),
    select: (res) => res.items,
    staleTime: 10 * 60_000,
  });
}

export type GrantRoleInput = GrantRoleBody;

export function useGrantRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantRoleInput) => api<RoleAssignment>('POST', '/api/v1/roles', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: peopleKeys.all });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useRevokeRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) => api<void>('DELETE', `/api/v1/roles/${encodeURIComponent(assignmentId)}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: peopleKeys.all });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
