// Service-record shapes of the API (docs/API-VOLUNTEERING.md).

export type RecordStatus = 'pending' | 'confirmed' | 'accepted' | 'returned' | 'superseded';

export interface ServiceRecord {
  id: string;
  districtId: string;
  activityId: string;
  activityTitle: string;
  category: string;
  userId: string;
  displayName: string;
  volunteerNo: string | null;
  communityId: string;
  communityName: string;
  teamId: string | null;
  teamName: string | null;
  serviceDate: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  status: RecordStatus;
  isBackfill: boolean;
  note: string | null;
  correctsId: string | null;
  correctionReason: string | null;
  returnedReason: string | null;
  confirmedAt: string | null;
  acceptedAt: string | null;
  createdAt: string;
  beneficiaries: string | null;
  canConfirm: boolean;
  canAccept: boolean;
}

export interface RecordFilters {
  mine?: boolean;
  status?: RecordStatus;
  activityId?: string;
  teamId?: string;
}
