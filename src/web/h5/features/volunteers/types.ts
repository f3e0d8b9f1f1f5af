// Volunteer shapes of the API (docs/API-VOLUNTEERING.md) as the resident H5 uses them.

export type VolunteerStatus = 'pending' | 'approved' | 'rejected' | 'suspended';
export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7'; // 1 = Monday
export type DaySlot = 'morning' | 'afternoon' | 'evening';
export type Availability = Partial<Record<Weekday, DaySlot[]>>;

export const WEEKDAYS: Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];
export const DAY_SLOTS: DaySlot[] = ['morning', 'afternoon', 'evening'];

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
  availability: Availability;
  homeGridId: string | null;
  homeGridName: string | null;
  bio: string | null;
  source: 'self' | 'import';
  appliedAt: string;
  reviewedAt: string | null;
  rejectReason: string | null;
  acceptedMinutes: number;
  starLevel: number;
  ratingAverage: number | null;
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

export interface ApplyVolunteerInput {
  communityId: string;
  realName: string;
  idNumber?: string;
  skills: string[];
  availability: Availability;
  homeGridId?: string;
  bio?: string;
}

export interface MyHoursItem {
  districtId: string;
  volunteerId: string;
  volunteerNo: string | null;
  acceptedMinutes: number;
  pendingMinutes: number;
  starLevel: number;
  /** Hours the next star level needs in all (its threshold), null at the top level. */
  nextLevelHours: number | null;
}

export interface CertificateCheck {
  certNo: string;
  status: 'valid' | 'revoked';
  volunteerNameMasked: string;
  volunteerNo: string;
  minutes: number;
  issuedAt: string;
  issuer: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

/** The public check of a volunteer card (verifyVolunteerCard): approved or suspended volunteers only. */
export interface VolunteerCardCheck {
  id: string;
  volunteerNo: string | null;
  nameMasked: string;
  communityName: string;
  status: VolunteerStatus;
  starLevel: number;
  acceptedMinutes: number;
}
