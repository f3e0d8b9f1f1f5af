// Activity, sign-up and attendance shapes of the API (docs/API-VOLUNTEERING.md).

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
  status: 'draft' | 'published' | 'cancelled';
  phase: ActivityPhase;
  cancelReason: string | null;
  canManage: boolean;
  mySignup: { id: string; status: SignupStatus; position: number | null } | null;
}

export interface ActivityFilters {
  districtId?: string;
  communityId?: string;
  gridId?: string;
  teamId?: string;
  category?: string;
  from?: string;
  to?: string;
  q?: string;
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

export interface MySignup {
  id: string;
  activityId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  address: string;
  status: SignupStatus;
  activityStatus: Activity['status'];
  cancelDeadline: string;
  checkInAt: string | null;
  checkOutAt: string | null;
}

export interface SignUpAnswer {
  id: string;
  activityId: string;
  status: SignupStatus;
  position: number | null;
}

export interface AttendanceCode {
  activityId: string;
  code: string;
  qrPayload: string;
  expiresAt: string;
  windowSeconds: number;
}

/** What check-in and check-out answer. */
export interface AttendanceAnswer {
  activityId: string;
  title: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  minutes: number | null;
}

/** Either the scanned QR payload or the activity and its 6-digit code, plus the position when asked for. */
export type AttendanceInput = ({ qr: string } | { activityId: string; code: string }) & { lat?: number; lng?: number };

export type RatingTarget = 'service' | 'activity';

export interface RatingSummary {
  summary: { target: RatingTarget; average: number; count: number }[];
  mine?: RatingTarget[];
}

export interface AttendanceMark {
  userId: string;
  present: boolean;
  checkInAt?: string;
  checkOutAt?: string;
}

export interface CreateActivityInput {
  communityId: string;
  teamId?: string;
  title: string;
  category: string;
  description: string;
  address: string;
  lat?: number;
  lng?: number;
  geofenceMeters?: number;
  startsAt: string;
  endsAt: string;
  slots: number;
  signupDeadline?: string;
  requiredSkills?: string[];
  beneficiaries?: string;
  repeatWeeks?: number;
  publish?: boolean;
}

/** Prefix of the rotating QR payload shown by the leader: LINLI-ATT.<activityId>.<window>.<signature>. */
export const ATTENDANCE_QR_PREFIX = 'LINLI-ATT.';

/** The activity id inside an attendance QR payload, or null when it is not one. */
export function activityIdOfQr(payload: string): string | null {
  if (!payload.startsWith(ATTENDANCE_QR_PREFIX)) return null;
  const parts = payload.trim().split('.');
  return parts.length === 4 && parts[1] ? parts[1] : null;
}
