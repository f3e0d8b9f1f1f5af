// Volunteer shapes of the API (docs/API-VOLUNTEERING.md) as the resident H5 uses them.

import type { ApplyVolunteerBody } from '../../../shared/api-types';
import type { TimeBand as DaySlot } from '../../../shared/api-types';

export type {
  Availability,
  CertificateCheck,
  TimeBand as DaySlot,
  Volunteer,
  VolunteerCard as VolunteerCardCheck,
  VolunteerState as VolunteerStatus,
  VolunteeringSettings,
} from '../../../shared/api-types';

export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7'; // 1 = Monday

export const WEEKDAYS: Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];
export const DAY_SLOTS: DaySlot[] = ['morning', 'afternoon', 'evening'];

export type ApplyVolunteerInput = ApplyVolunteerBody;

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
