// Table types of mediation (调解). Parties' names and phones are encrypted (FieldCipher) with masked copies; a party
// with an account is linked by user id (found through the phone's blind index when the case was opened).

export interface MediationCaseTable {
  district_id: string;
  id: string;
  community_id: string;
  /** neighbour | renovation_noise | … (mediation.rules.ts DISPUTE_TYPES) */
  type: string;
  description: string;
  /** opened | assigned | in_mediation | agreement | referred | failed | withdrawn (mediation.rules.ts) */
  status: string;
  /** Who opened it: a party (a resident for themself) or the community's mediation lead on their behalf. */
  opened_by: string;
  /** 1 when the opener is one of the parties. */
  opener_is_party: number;
  outcome_terms: string | null;
  referred_to: string | null;
  outcome_note: string | null;
  closed_by: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic version: every state change is a conditional UPDATE on it. */
  version: number;
}

export interface MediationPartyTable {
  district_id: string;
  id: string;
  case_id: string;
  /** The party's account, when they have one. */
  user_id: string | null;
  name_enc: string;
  name_masked: string;
  phone_enc: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  /** applicant (申请人) | respondent (被申请人) */
  side: string;
  created_at: string;
}

export interface MediationMediatorTable {
  district_id: string;
  case_id: string;
  user_id: string;
  assigned_by: string;
  assigned_at: string;
}

export interface MediationMessageTable {
  district_id: string;
  id: string;
  case_id: string;
  /** The thread: one per party (party ↔ the case's mediators). */
  party_id: string;
  author_user_id: string;
  /** party | mediator */
  author_role: string;
  body: string;
  created_at: string;
}

export interface MediationSessionTable {
  district_id: string;
  id: string;
  case_id: string;
  held_at: string;
  /** online | offline */
  mode: string;
  place: string;
  attendees: string;
  notes: string;
  recorded_by: string;
  created_at: string;
}

export interface MediationTables {
  mediation_cases: MediationCaseTable;
  mediation_parties: MediationPartyTable;
  mediation_mediators: MediationMediatorTable;
  mediation_messages: MediationMessageTable;
  mediation_sessions: MediationSessionTable;
}
