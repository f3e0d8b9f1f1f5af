// Activity, sign-up and attendance shapes of the API (docs/API-VOLUNTEERING.md).

import type { AttendanceBody, CreateActivityBody, FilterOf, ListActivitiesQuery } from '../../../shared/api-types';
export type {
  Activity,
  ActivityPhase,
  AttendanceCode,
  AttendanceResult as AttendanceAnswer,
  MySignup,
  RosterEntry,
  SignupResult as SignUpAnswer,
  SignupState as SignupStatus,
} from '../../../shared/api-types';

export type ActivityFilters = FilterOf<ListActivitiesQuery>;

/** Either the scanned QR payload or the activity and its 6-digit code, plus the position when asked for. */
export type AttendanceInput = AttendanceBody;

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

export type CreateActivityInput = CreateActivityBody;

/** How an attendance was taken (RosterEntry.method; the server types it as a plain string). */
export type AttendanceMethod = 'qr' | 'code' | 'leader';
const ATTENDANCE_METHODS: readonly string[] = ['qr', 'code', 'leader'] satisfies AttendanceMethod[];
export function isAttendanceMethod(m: string | null): m is AttendanceMethod {
  return m !== null && ATTENDANCE_METHODS.includes(m);
}

/** Prefix of the rotating QR payload shown by the leader: LINLI-ATT.<activityId>.<window>.<signature>. */
export const ATTENDANCE_QR_PREFIX = 'LINLI-ATT.';

/** The activity id inside an attendance QR payload, or null when it is not one. */
export function activityIdOfQr(payload: string): string | null {
  if (!payload.startsWith(ATTENDANCE_QR_PREFIX)) return null;
  const parts = payload.trim().split('.');
  return parts.length === 4 && parts[1] ? parts[1] : null;
}
