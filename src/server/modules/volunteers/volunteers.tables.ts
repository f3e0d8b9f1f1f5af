// Table types of volunteers and teams.

export interface VolunteerTable {
  district_id: string;
  id: string;
  user_id: string;
  community_id: string;
  volunteer_no: string | null;
  status: string;
  real_name_enc: string;
  real_name_masked: string;
  id_number_enc: string | null;
  id_number_masked: string | null;
  /** JSON array of skill names. */
  skills: string;
  /** JSON object: weekday "1".."7" → bands ("morning" | "afternoon" | "evening"). */
  availability: string;
  home_grid_id: string | null;
  bio: string | null;
  /** "self" (applied on the phone) or "import" (bulk import by staff). */
  source: string;
  applied_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  reject_reason: string | null;
  updated_at: string;
}

export interface TeamTable {
  district_id: string;
  id: string;
  community_id: string;
  name: string;
  category: string;
  description: string | null;
  leader_user_id: string;
  social_worker_user_id: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamMemberTable {
  district_id: string;
  team_id: string;
  user_id: string;
  /** pending | active | rejected | left */
  status: string;
  requested_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
}

export interface VolunteerTables {
  volunteers: VolunteerTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
}
