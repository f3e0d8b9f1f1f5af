// Shapes of the volunteering API (docs/API-VOLUNTEERING.md) as the console uses them, and small display helpers.

import type {
  ActivityPhase,
  ActivityState as ActivityStatus,
  RecordState as RecordStatus,
  SignupState as SignupStatus,
  TimeBand,
  VolunteerState as VolunteerStatus,
} from '../../shared/api-types';

export type {
  Activity,
  ActivityPhase,
  ActivityState as ActivityStatus,
  AttendanceCode,
  ImportReport,
  MemberState as MemberStatus,
  RecordState as RecordStatus,
  RosterEntry,
  ServiceRecord,
  SignupState as SignupStatus,
  Team,
  TeamDetail,
  TeamMember,
  TimeBand,
  Volunteer,
  VolunteerState as VolunteerStatus,
  VolunteeringSettings,
} from '../../shared/api-types';

export const VOLUNTEER_STATUSES: VolunteerStatus[] = ['pending', 'approved', 'rejected', 'suspended'];
export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export const WEEKDAYS: Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];
export const TIME_BANDS: TimeBand[] = ['morning', 'afternoon', 'evening'];

export const ACTIVITY_STATUSES: ActivityStatus[] = ['draft', 'published', 'cancelled'];

/** How an attendance was taken (RosterEntry.method; the server types it as a plain string). */
export type AttendanceMethod = 'qr' | 'code' | 'leader';
const ATTENDANCE_METHODS: readonly string[] = ['qr', 'code', 'leader'] satisfies AttendanceMethod[];
export function isAttendanceMethod(m: string | null): m is AttendanceMethod {
  return m !== null && ATTENDANCE_METHODS.includes(m);
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
  voided: 'default',
};
