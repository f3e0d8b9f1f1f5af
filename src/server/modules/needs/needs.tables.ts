// Table types of the needs list (需求清单): what residents need, recorded by themselves or by staff on their behalf.

export interface NeedTable {
  district_id: string;
  id: string;
  /** The community (org node) the need belongs to: the scope staff see it through. */
  community_id: string;
  grid_id: string | null;
  building_id: string | null;
  /** The resident helped. */
  requester_user_id: string;
  /** Staff who recorded the need on the resident's behalf (proxy), or null when the resident raised it. */
  recorded_by_user_id: string | null;
  /** Key from the district's need categories (settings). */
  category: string;
  title: string;
  description: string;
  /** normal | urgent | critical */
  urgency: string;
  /** elderly | disabled | children | low_income | family | other */
  beneficiary_group: string;
  /** Where the help is given; shown only to staff and to volunteers who accepted unless privacy is public. */
  place: string;
  window_start: string | null;
  window_end: string | null;
  /** public | community | private */
  privacy: string;
  people_needed: number;
  /** submitted | triaged | dispatched | matched | in_service | done | evaluated | linked | closed */
  status: string;
  status_reason: string | null;
  project_id: string | null;
  triaged_by: string | null;
  triaged_at: string | null;
  triage_note: string | null;
  done_at: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every change; writes check it (optimistic concurrency). */
  version: number;
}

export interface NeedTables {
  needs: NeedTable;
}
