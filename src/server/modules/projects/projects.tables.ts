// Table types of resources (资源清单), projects (项目清单), their links, claims (认领) and generated activities.

export interface ResourceTable {
  district_id: string;
  id: string;
  /** The community the resource serves (scope). */
  community_id: string;
  /** partner (a partner unit) | merchant (a filed merchant) | community (the community itself) */
  provider_kind: string;
  /** The partner unit's or merchant's id; null for the community. */
  provider_id: string | null;
  /** The provider's name when recorded (the provider may later be renamed or archived). */
  provider_name: string;
  /** venue | professionals | goods | funds | courses */
  kind: string;
  title: string;
  description: string;
  /** Capacity (venue), people (professionals), pieces (goods), sessions (courses); null for funds. */
  quantity: number | null;
  unit: string | null;
  /** Funds only: integer fen. */
  amount_fen: number | null;
  availability: string;
  available_from: string | null;
  available_to: string | null;
  conditions: string;
  contact: string;
  /** JSON array of the district's need category keys the resource serves (matching ranks by them), '[]' for none. */
  need_categories: string;
  /** active | archived */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProjectTable {
  district_id: string;
  id: string;
  community_id: string;
  title: string;
  description: string;
  budget_fen: number;
  /** draft | published | claimed | in_progress | done | withdrawn (projects.rules.ts) */
  status: string;
  /** Why it was withdrawn. */
  status_reason: string | null;
  claimed_unit_id: string | null;
  claimed_unit_name: string | null;
  claim_id: string | null;
  /** The suggestion it was turned from, if any. */
  suggestion_id: string | null;
  created_by: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectNeedTable {
  district_id: string;
  project_id: string;
  need_id: string;
  created_at: string;
}

export interface ProjectResourceTable {
  district_id: string;
  project_id: string;
  resource_id: string;
  created_at: string;
}

export interface ProjectClaimTable {
  district_id: string;
  id: string;
  project_id: string;
  partner_unit_id: string;
  partner_unit_name: string;
  claimant_user_id: string;
  plan: string;
  /** pending | approved | rejected | withdrawn */
  status: string;
  /** partner_unit_id while pending or approved, null otherwise: unique per project, so one live claim per unit. */
  live_unit_id: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  reject_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectActivityTable {
  district_id: string;
  project_id: string;
  activity_id: string;
  created_by: string;
  created_at: string;
}

export interface ProjectTables {
  resources: ResourceTable;
  projects: ProjectTable;
  project_needs: ProjectNeedTable;
  project_resources: ProjectResourceTable;
  project_claims: ProjectClaimTable;
  project_activities: ProjectActivityTable;
}
