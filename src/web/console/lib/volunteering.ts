// Shapes of the volunteering API (docs/API-VOLUNTEERING.md) as the console uses them, and small display helpers.

export type VolunteerStatus = 'pending' | 'approved' | 'rejected' | 'suspended';
export const VOLUNTEER_STATUSES: VolunteerStatus[] = ['pending', 'approved', 'rejected', 'suspended'];
export type TimeBand = 'morning' | 'afternoon' | 'evening';
export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export const WEEKDAYS: Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];
export const TIME_BANDS: TimeBand[] = ['morning', 'afternoon', 'evening'];

export interface Volunteer {
  id: string;
  districtId: string;
  userId: string;
  communityId: string;
  communityName: string;
  volunteerNo: string | null;
  status: VolunteerStatus;
  realNameMasked: string;
  idNumberMasked: string | null;
  phoneMasked: string;
  skills: string[];
  availability: Partial<Record<Weekday, TimeBand[]>>;
  homeGridId: string | null;
  homeGridName: string | null;
  bio: string | null;
  source: string;
  appliedAt: string;
  reviewedAt: string | null;
  rejectReason: string | null;
  acceptedMinutes: number;
  starLevel: number;
  ratingAverage: number | null;
}

export interface ImportReport {
  created: number;
  skipped: number;
  errors: { row: number; messages: string[] }[];
}

export interface VolunteeringSettings {
  skills: string[];
  teamCategories: string[];
  activityCategories: string[];
  starThresholdsHours: number[];
  cancelDeadlineHours: number;
  noShowLimit: number;
  noShowWindowDays: number;
  dailyCapMinutes: number;
  graceMinutes: number;
  attendanceWindowSeconds: number;
}

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
  totals: { memberCount: number; acceptedMinutes: number; activityCount: number; ratingAverage: number | null; ratingCount: number };
}

export type ActivityStatus = 'draft' | 'published' | 'cancelled';
export const ACTIVITY_STATUSES: ActivityStatus[] = ['draft', 'published', 'cancelled'];
export type ActivityPhase = 'draft' | 'open' | 'closed' | 'ongoing' | 'finished' | 'cancelled';
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'no_show';

export interface Activity {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  teamId: string | null;
  teamName: string | null;
  seriesId: string | null;
  title: string;
  category: string;
  description: string;
  address: string;
  gridId: string | null;
  gridName: string | null;
  lat: number | null;
  lng: number | null;
  geofenceMeters: number | null;
  startsAt: string;
  endsAt: string;
  slots: number;
  confirmedCount: number;
  waitlistCount: number;
  signupDeadline: string;
  cancelDeadline: string;
  requiredSkills: string[];
  beneficiaries: string | null;
  needId: string | null;
  pointsPerHour: number | null;
  status: ActivityStatus;
  phase: ActivityPhase;
  cancelReason: string | null;
  canManage: boolean;
}

export interface RosterEntry {
  signupId: string;
  userId: string;
  displayName: string;
  volunteerNo: string | null;
  phoneMasked: string;
  status: SignupStatus;
  seq: number;
  checkInAt: string | null;
  checkOutAt: string | null;
  method: 'qr' | 'code' | 'leader' | null;
}

export interface AttendanceCode {
  activityId: string;
  code: string;
  qrPayload: string;
  expiresAt: string;
  windowSeconds: number;
}

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

/** Minutes as hours, at most one decimal ("2", "2.5"). */
export function hoursOf(minutes: number): string {
  return String(Math.round((minutes / 60) * 10) / 10);
}

/** ★ marks for a star level; empty for level 0. */
export function starMarks(level: number): string {
  return '★'.repeat(Math.max(0, Math.min(5, level)));
}

export const VOLUNTEER_STATUS_COLOR: Record<VolunteerStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  suspended: 'default',
};

/** Colour of an activity's phase (dots in the calendar, tags in lists). */
export const PHASE_COLOR: Record<ActivityPhase, string> = {
  draft: '#8c8c8c',
  open: '#52c41a',
  closed: '#1677ff',
  ongoing: '#E8541E',
  finished: '#722ed1',
  cancelled: '#bfbfbf',
};

export const SIGNUP_COLOR: Record<SignupStatus, string> = {
  confirmed: 'green',
  waitlisted: 'gold',
  cancelled: 'default',
  no_show: 'red',
};

export const RECORD_STATUS_COLOR: Record<RecordStatus, string> = {
  pending: 'gold',
  confirmed: 'blue',
  accepted: 'green',
  returned: 'red',
  superseded: 'default',
};
