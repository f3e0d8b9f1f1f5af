// Table types of the points bank.

export interface PointAccountTable {
  district_id: string;
  id: string;
  /** person | system | org */
  kind: string;
  /** user | district | community | team | partner | merchant */
  owner_type: string;
  owner_id: string;
  /** main (a person's or organisation's points) | issuance | supermarket | fund | expired */
  purpose: string;
  name: string;
  community_id: string | null;
  /** Cached sum of postings, updated in the posting transaction; verify-ledger proves it. */
  balance: number;
  created_at: string;
}

export interface JournalTable {
  district_id: string;
  id: string;
  /** Position in the district's hash chain: 1, 2, 3, … without gaps. */
  seq: number;
  /** earn | award | redeem | refund | gift | donate | expire | reverse | contribute */
  type: string;
  reason: string;
  ref_type: string | null;
  ref_id: string | null;
  actor_id: string | null;
  idempotency_key: string;
  reverses_id: string | null;
  community_id: string | null;
  /** The day the movement belongs to (service date for earnings), YYYY-MM-DD China time. */
  effective_date: string;
  created_at: string;
  prev_hash: string;
  hash: string;
}

export interface PostingTable {
  district_id: string;
  journal_id: string;
  line: number;
  account_id: string;
  amount: number;
}

export interface LedgerHeadTable {
  district_id: string;
  seq: number;
  hash: string;
}

export interface PointRuleHistoryTable {
  district_id: string;
  id: string;
  rules: string;
  changed_by: string | null;
  changed_at: string;
}

export interface EventConsumerTable {
  name: string;
  last_event_id: string;
  updated_at: string;
}

export interface ContributionTable {
  district_id: string;
  id: string;
  journal_id: string;
  account_id: string;
  community_id: string;
  /** labour | goods | money */
  kind: string;
  value_fen: number;
  project: string;
  description: string;
  created_at: string;
}

export interface LedgerTables {
  contributions: ContributionTable;
  point_accounts: PointAccountTable;
  journals: JournalTable;
  postings: PostingTable;
  ledger_heads: LedgerHeadTable;
  point_rule_history: PointRuleHistoryTable;
  event_consumers: EventConsumerTable;
}
