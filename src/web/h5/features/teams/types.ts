// Volunteer-team shapes of the API (docs/API-VOLUNTEERING.md).

import type { FilterOf, ListTeamsQuery } from '../../../shared/api-types';
export type { MemberState as MemberStatus, Team, TeamDetail, TeamMember } from '../../../shared/api-types';

/** `mine`/`leading` travel as the text 'true'/'false' in the query string (qs() writes them). */
export type TeamFilters = Omit<FilterOf<ListTeamsQuery>, 'mine' | 'leading'> & { mine?: boolean; leading?: boolean };
