// Task invitations of the resident H5 (任务邀请): my invitations and tasks, answering, 开始 / 完成, and the
// requester's confirmation that a need was done.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { CompletedNeed, InvitationAnswer, MyInvitation } from '../../../shared/api-types';
import { needKeys } from './queries';

export const invitationKeys = {
  mine: ['need-invitations', 'mine'] as const,
};

/** My invitations: pending ones, tasks I took, and recent answers. */
export function useMyInvitations() {
  return useQuery({
    queryKey: invitationKeys.mine,
    queryFn: () => api<{ items: MyInvitation[] }>('GET', '/api/v1/me/need-invitations'),
  });
}

/** Accepts or declines an invitation; the answer says whether the task is mine (or the places were taken). */
export function useRespondInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      api<InvitationAnswer>('POST', `/api/v1/need-invitations/${encodeURIComponent(id)}/respond`, { accept }),
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationKeys.mine }),
  });
}

/** 开始 or 完成 on a task I took. */
export function useTaskStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: 'start' | 'finish' }) =>
      api<MyInvitation>('POST', `/api/v1/need-invitations/${encodeURIComponent(id)}/${step}`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: invitationKeys.mine }),
  });
}

/** The requester confirms the help was done. */
export function useCompleteNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<CompletedNeed>('POST', `/api/v1/needs/${encodeURIComponent(id)}/complete`, {}),
    onSuccess: async (_r, id) => {
      await qc.invalidateQueries({ queryKey: needKeys.detail(id) });
      await qc.invalidateQueries({ queryKey: needKeys.mine() });
    },
  });
}
