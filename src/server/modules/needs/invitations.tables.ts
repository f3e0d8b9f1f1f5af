// Table types of matching and invitations: a dispatched need's task, the invitations volunteers answer, and the
// district's matching weights.

export interface NeedTaskTable {
  district_id: string;
  need_id: string;
  community_id: string;
  /** 1 for a quick task (15-minute micro-service, ≤ 30 minutes credited). */
  quick: number;
  people_needed: number;
  /** Places taken: raised only by a conditional UPDATE below people_needed. */
  accepted_count: number;
  dispatched_by: string;
  dispatched_at: string;
  completed_by: string | null;
  completed_at: string | null;
  updated_at: string;
}

export interface NeedInvitationTable {
  district_id: string;
  id: string;
  need_id: string;
  user_id: string;
  /** The volunteer's masked real name when invited (what staff see in the list; never a phone). */
  volunteer_name: string;
  /** pending | accepted | declined | full (accepted after the places were taken) | withdrawn */
  status: string;
  /** The match score and factor scores (JSON) when invited: what the volunteer is shown as "why you". */
  score: number;
  factors: string;
  /** JSON array of MatchReason. */
  reasons: string;
  invited_by: string;
  invited_at: string;
  answered_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  /** Minutes credited when the need was completed, and the service record written for them. */
  minutes: number | null;
  record_id: string | null;
  updated_at: string;
}

export interface NeedMatchSettingsTable {
  district_id: string;
  /** JSON MatchWeights (partial; merged over the defaults). */
  weights: string;
  updated_at: string;
  updated_by: string | null;
}

export interface InvitationTables {
  need_tasks: NeedTaskTable;
  need_invitations: NeedInvitationTable;
  need_match_settings: NeedMatchSettingsTable;
}
