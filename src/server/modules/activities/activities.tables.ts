// Table types of activities, sign-ups and attendance.

export interface ActivityTable {
  district_id: string;
  id: string;
  community_id: string;
  team_id: string | null;
  /** Shared by the occurrences of a weekly recurring activity. */
  series_id: string | null;
  title: string;
  category: string;
  description: string;
  address: string;
  grid_id: string | null;
  /** WGS-84 degrees. */
  lat: number | null;
  lng: number | null;
  geofence_m: number | null;
  starts_at: string;
  ends_at: string;
  slots: number;
  /** Confirmed sign-ups; only ever moved by a conditional UPDATE, so slots never oversell. */
  confirmed_count: number;
  /** Arrival counter for sign-ups (waitlist order). */
  signup_seq: number;
  signup_deadline: string;
  cancel_deadline: string;
  /** JSON array of skill names. */
  required_skills: string;
  beneficiaries: string | null;
  need_id: string | null;
  points_per_hour: number | null;
  status: string;
  cancel_reason: string | null;
  attendance_secret: string;
  /** volunteer (approved volunteers, earns service hours) | resident (any resident of the community, attendance only) */
  audience: string;
  /** When the leader closed the activity: open attendance was checked out at the end then. */
  closed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SignupTable {
  district_id: string;
  id: string;
  activity_id: string;
  user_id: string;
  /** confirmed | waitlisted | cancelled | no_show */
  status: string;
  seq: number;
  proxy_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AttendanceTable {
  district_id: string;
  activity_id: string;
  user_id: string;
  check_in_at: string | null;
  check_out_at: string | null;
  /** qr | code | leader | backfill */
  method: string;
  marked_by: string | null;
  updated_at: string;
}

export interface ActivityTables {
  activities: ActivityTable;
  signups: SignupTable;
  attendance: AttendanceTable;
}
