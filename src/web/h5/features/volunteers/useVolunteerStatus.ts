// Where the signed-in person volunteers: their home district and their registration there.
import type { Role } from '../../../shared/types';
import { useCurrentUser } from '../account/currentUser';
import { useCommunities } from '../org/queries';
import { useLeadingTeams } from '../teams/queries';
import { pickVolunteership, useMyVolunteerships } from './queries';

/** The district of my home community; else of my first role; else the first district listed. */
export function useHomeDistrict(): string | undefined {
  const me = useCurrentUser();
  const { data } = useCommunities();
  const home = me.homeNodeId ? data?.find((n) => n.id === me.homeNodeId) : undefined;
  return home?.districtId ?? me.roles[0]?.districtId ?? data?.find((n) => n.kind === 'district')?.id;
}

/** My volunteer registration that matters most in my home district, with the loading state. */
export function useVolunteerStatus() {
  const districtId = useHomeDistrict();
  const mine = useMyVolunteerships();
  const volunteer = pickVolunteership(mine.data, districtId);
  return {
    districtId,
    volunteer,
    approved: volunteer?.status === 'approved' ? volunteer : undefined,
    isLoading: mine.isLoading,
    error: mine.error,
    refetch: mine.refetch,
  };
}

const LEADER_ROLES: ReadonlySet<Role> = new Set<Role>(['team_leader']);

/** Team leaders: a team_leader role, or leading at least one team. */
export function useIsTeamLeader(): boolean {
  const me = useCurrentUser();
  const leading = useLeadingTeams();
  return me.roles.some((r) => LEADER_ROLES.has(r.role)) || (leading.data?.length ?? 0) > 0;
}
