// Table types of the care registry (关爱台账). A subject's name, phone, ID number and address are encrypted
// (FieldCipher) with masked copies; a subject with an account is linked by user id (found by phone's blind index).

export interface CareSubjectTable {
  district_id: string;
  id: string;
  community_id: string;
  /** The node that scopes the subject: its grid when known, else its community. */
  node_id: string;
  user_id: string | null;
  name_enc: string;
  name_masked: string;
  phone_enc: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  address_enc: string | null;
  address_masked: string | null;
  /** JSON list of CARE_CATEGORIES (care.rules.ts). */
  categories: string;
  /** key (重点) | important (重要) | general (一般) */
  tier: string;
  /** Days between visits (the tier's default unless set). */
  interval_days: number;
  last_visit_at: string | null;
  /** From the last visit (or registration) plus the interval. */
  next_visit_at: string;
  /** 1 while an emergency reported in a visit stands (until the next visit without one). */
  emergency: number;
  /** blue | yellow | red as the daily job (or the last write) last saw it. */
  alert: string;
  /** China day (YYYY-MM-DD) the daily job last noticed a yellow/red alert for (one notice a day). */
  alert_day: string | null;
  note: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CareVisitorTable {
  district_id: string;
  subject_id: string;
  user_id: string;
  /** staff (grid worker, social worker, community staff) | volunteer (邻里关照) */
  kind: string;
  assigned_by: string;
  assigned_at: string;
}

export interface CareVisitTable {
  district_id: string;
  id: string;
  subject_id: string;
  visitor_user_id: string;
  visited_at: string;
  findings: string;
  /** well (一切安好) | needs_help (需要帮助) */
  outcome: string;
  need_category: string | null;
  need_id: string | null;
  emergency: number;
  created_at: string;
}

export interface CareTables {
  care_subjects: CareSubjectTable;
  care_visitors: CareVisitorTable;
  care_visits: CareVisitTable;
}
