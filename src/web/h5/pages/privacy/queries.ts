// The person's own data: their own contact details in full, closing the account. The copy of everything held is a
// plain download link (JSON or .xlsx, the session cookie goes with it; each download is an audited export).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import type { ClosedAccountReply, CloseMyAccountBody, MyContact } from '../../../shared/api-types';
import { accountKeys } from '../../features/account/queries';

export const MY_DATA_XLSX = '/api/v1/me/data.xlsx';
export const MY_DATA_JSON = '/api/v1/me/data';

const keys = { contact: () => [...accountKeys.all, 'contact'] as const };

/** My own phone, name and ID number in full: only fetched when I ask to see them. */
export function useMyContact(enabled: boolean) {
  return useQuery({ queryKey: keys.contact(), queryFn: () => api<MyContact>('GET', '/api/v1/me/contact'), enabled });
}

export function useCloseMyAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CloseMyAccountBody) => api<ClosedAccountReply>('POST', '/api/v1/me/close', body),
    onSuccess: () => {
      qc.setQueryData(accountKeys.me(), null);
      qc.removeQueries({ queryKey: accountKeys.all, type: 'inactive' });
    },
  });
}
