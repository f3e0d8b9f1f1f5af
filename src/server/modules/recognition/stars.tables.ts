// Table types of star-level publicity (星级公示) and objections.

export interface StarPromotionTable {
  district_id: string;
  id: string;
  user_id: string;
  volunteer_id: string;
  community_id: string;
  /** The team of the service that crossed the threshold (shown on the public list), if any. */
  team_id: string | null;
  /** The volunteer's real name, masked (张*明): what the public list shows. */
  name_masked: string;
  /** The level this promotion grants (1–5); always the person's effective level + 1 when it was made. */
  level: number;
  /** Accepted minutes when the promotion was made. */
  accepted_minutes: number;
  /** in_publicity | objected | effective | rejected (stars.rules.ts) */
  status: string;
  /** China dates (YYYY-MM-DD): the day it was publicised and the last working day of the publicity period. */
  publicity_from: string;
  publicity_until: string;
  effective_at: string | null;
  /** uphold | reject, when staff decided objections. */
  decision: string | null;
  /** falsified | not_met | other, when rejected. */
  finding: string | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  /** A falsified-hours finding blocks further promotion until then (ISO time). */
  blocked_until: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface StarObjectionTable {
  district_id: string;
  id: string;
  promotion_id: string;
  user_id: string;
  reason: string;
  created_at: string;
}

export interface StarTables {
  star_promotions: StarPromotionTable;
  star_objections: StarObjectionTable;
}
