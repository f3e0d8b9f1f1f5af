// Volunteer-team shapes of the API (docs/API-VOLUNTEERING.md).

export interface Team {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  name: string;
  category: string;
  description: string | null;
  leaderUserId: string;
  leaderName: string;
  socialWorkerUserId: string | null;
  socialWorkerName: string | null;
  createdAt: string;
}

export type MemberStatus = 'pending' | 'active' | 'rejected' | 'left';

export interface TeamMember {
  userId: string;
  displayName: string;
  volunteerNo: string | null;
  status: MemberStatus;
  requestedAt: string;
  decidedAt: string | null;
}

export interface TeamDetail extends Team {
  members: TeamMember[];
  pendingRequests: TeamMember[];
  myStatus: MemberStatus | null;
  canManage: boolean;
  totals: {
    memberCount: number;
    acceptedMinutes: number;
    activityCount: number;
    ratingAverage: number | null;
    ratingCount: number;
  };
}

export interface TeamFilters {
  districtId?: string;
  communityId?: string;
  mine?: boolean;
  leading?: boolean;
}
