// Who works at a counter: staff of a merchant (listMerchants?mine=true is not empty), and community (or street,
// district) admins, who hand out the community points supermarket's goods and services.
import type { Role, RoleAssignment } from '../../../shared/types';
import { useCurrentUser } from '../account/currentUser';
import { useMyMerchants } from './queries';

const SUPERMARKET_ROLES: ReadonlySet<Role> = new Set<Role>(['community_admin', 'street_admin', 'district_admin']);

export function useMerchantAccess() {
  const me = useCurrentUser();
  const mine = useMyMerchants();
  // mine=true also returns my own applications; only filed shops where I am staff run a counter.
  const shops = (mine.data ?? []).filter((m) => m.status === 'filed' && m.isMine);
  const supermarkets: RoleAssignment[] = me.roles.filter((r) => SUPERMARKET_ROLES.has(r.role));
  return {
    shops,
    supermarkets,
    /** May open the merchant desk and redeem vouchers. */
    isCounterStaff: shops.length > 0 || supermarkets.length > 0,
    /** Staff in the community's hierarchy: they see others' applications too. */
    isAdmin: supermarkets.length > 0,
    isPending: mine.isPending,
    error: mine.error,
    refetch: mine.refetch,
  };
}
