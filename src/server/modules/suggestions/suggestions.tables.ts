// Table types of the suggestion box (意见箱).

export interface SuggestionTable {
  district_id: string;
  id: string;
  community_id: string;
  user_id: string;
  /** The author's masked name (张*华) as the public list shows it unless anonymous. */
  author_name_masked: string;
  /** 1: the public list shows 匿名居民 instead of the masked name (staff still see who wrote it). */
  anonymous: number;
  category: string;
  content: string;
  /** open | answered | to_need | to_project (suggestions.rules.ts) */
  status: string;
  /** The public answer (also written when it was turned into a need or project). */
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  need_id: string | null;
  project_id: string | null;
  /** The idempotency key of the conversion into a need or project: a retry answers the same result. */
  convert_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface SuggestionTables {
  suggestions: SuggestionTable;
}
