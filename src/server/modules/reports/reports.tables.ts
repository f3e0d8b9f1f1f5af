// Table types of grid reports (随手拍): the reports, their timeline, photos, supporters (people who joined a report),
// abuse flags, and each person's reward points per China day (the daily cap).

export interface ReportTable {
  district_id: string;
  id: string;
  /** The community the report belongs to; with grid_id, the scope staff see it through. */
  community_id: string;
  grid_id: string | null;
  building_id: string | null;
  reporter_user_id: string;
  /** Key from the district's report categories (settings). */
  category: string;
  description: string;
  /** The place in words, shown to staff and the reporter only. */
  address: string | null;
  /** WGS-84 in 1e-7° integers (as the service map), or null without coordinates. */
  lat_e7: number | null;
  lng_e7: number | null;
  /** 1: the reporter is hidden from staff and the public (the id stays for the reward and their own list). */
  anonymous: number;
  /** public | private (never on the public board) */
  visibility: string;
  /** submitted | accepted | assigned | in_progress | resolved | confirmed | closed | rejected | duplicate */
  status: string;
  /** grid | community | street: who handles it now (escalation). */
  level: string;
  /** When the report reached its level; the level's deadline counts from here. */
  level_since: string;
  /** Deadline at the current level (open reports); past it the report is overdue. */
  due_at: string | null;
  assignee_user_id: string | null;
  /** The report this one duplicates (status duplicate). */
  merged_into_id: string | null;
  /** Distinct people who flagged it as abusive. */
  flag_count: number;
  /** A moderator's decision on flagged content: show | hide, or null while none. */
  moderation: string | null;
  /** 1 while hidden from the public board (flag threshold reached, or hidden by a moderator). */
  hidden: number;
  supporter_count: number;
  /** Points paid to the reporter when confirmed (0 when capped or the category pays none); null before. */
  reward_points: number | null;
  rewarded_at: string | null;
  resolved_at: string | null;
  confirmed_at: string | null;
  closed_at: string | null;
  /** The client's key of the submission: a retried submission answers the same report. */
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every change; writes check it (optimistic concurrency). */
  version: number;
}

/** One entry of a report's timeline: who (kind and id), when, what, with a note and photos. */
export interface ReportStepTable {
  district_id: string;
  id: string;
  report_id: string;
  /** submit | accept | assign | start | resolve | confirm | reopen | reject | merge | close | escalate | join | hide | show | reward */
  kind: string;
  from_status: string | null;
  to_status: string | null;
  /** reporter | staff | system */
  actor_kind: string;
  actor_user_id: string | null;
  note: string | null;
  created_at: string;
}

/** A stored photo (re-encoded JPEG without metadata, and its thumbnail), attached to a report or a step. */
export interface ReportPhotoTable {
  district_id: string;
  id: string;
  uploader_user_id: string;
  report_id: string | null;
  step_id: string | null;
  storage_key: string;
  thumb_key: string;
  width: number;
  height: number;
  bytes: number;
  created_at: string;
}

/** A person who added themselves to a report (这是同一个问题，我也反映). */
export interface ReportSupporterTable {
  district_id: string;
  report_id: string;
  user_id: string;
  created_at: string;
}

/** A person's flag of a report as abusive (one per person and report). */
export interface ReportFlagTable {
  district_id: string;
  report_id: string;
  user_id: string;
  reason: string;
  note: string | null;
  created_at: string;
}

/** Report reward points a person received on a China day (the daily cap); the row is locked while paying. */
export interface ReportRewardDayTable {
  district_id: string;
  user_id: string;
  day: string;
  points: number;
}

export interface ReportTables {
  reports: ReportTable;
  report_steps: ReportStepTable;
  report_photos: ReportPhotoTable;
  report_supporters: ReportSupporterTable;
  report_flags: ReportFlagTable;
  report_reward_days: ReportRewardDayTable;
}
