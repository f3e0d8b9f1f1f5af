// Volunteer-team shapes of the API (docs/API-VOLUNTEERING.md).

export type {
  MemberState as MemberStatus,
  Team,
  TeamDetail,
  TeamMember,
} from '../../../shared/api-types';

export interface TeamFilters {
  districtId?: string;
  communityId?: string;
  mine?: boolean;
  leading?: boolean;
}
