// Table types of the points mall and merchant alliance. Status columns carry their state unions (mall.rules.ts).
import type { EvaluationDecision, ItemKind, ItemStatus, MerchantState, OrderState } from './mall.rules.js';

export interface MerchantTable {
  district_id: string;
  id: string;
  community_id: string;
  name: string;
  licence_no: string;
  address: string;
  lat: number | null;
  lng: number | null;
  category: string;
  offer_summary: string;
  /** Emptied (''): the contact's name was clear text before 0018; privacy.seal.ts encrypts leftovers at startup. */
  contact_name: string;
  /** The contact's real name, encrypted (null only on rows the startup step has not sealed yet). */
  contact_name_enc: string | null;
  /** 王** — what staff in scope see in lists. */
  contact_name_masked: string | null;
  contact_phone_enc: string;
  applicant_user_id: string;
  status: MerchantState;
  /** Cash value of one point for this merchant's settlement, in fen (0 for donated offers). */
  fen_per_point: number;
  fund_name: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  reject_reason: string | null;
  filed_by: string | null;
  filed_at: string | null;
  exited_at: string | null;
  exit_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface MerchantStaffTable {
  district_id: string;
  merchant_id: string;
  user_id: string;
  created_at: string;
}

export interface MerchantEvaluationTable {
  district_id: string;
  id: string;
  merchant_id: string;
  year: number;
  rating_x10: number | null;
  ratings: number;
  complaints: number;
  redemptions: number;
  decision: EvaluationDecision;
  note: string | null;
  decided_by: string;
  decided_at: string;
}

export interface CatalogItemTable {
  district_id: string;
  id: string;
  kind: ItemKind;
  merchant_id: string | null;
  community_id: string;
  title: string;
  description: string;
  category: string;
  image_url: string | null;
  price_points: number;
  /** null = unlimited; only ever decreased by a conditional UPDATE. */
  stock: number | null;
  per_person_limit: number | null;
  /** How long a voucher stays valid after ordering. */
  voucher_days: number;
  valid_until: string | null;
  /** JSON array of community ids; null = the whole district. */
  visible_to: string | null;
  status: ItemStatus;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface OrderTable {
  district_id: string;
  id: string;
  item_id: string;
  merchant_id: string | null;
  community_id: string;
  user_id: string;
  points: number;
  status: OrderState;
  short_code: string;
  expires_at: string;
  journal_id: string;
  refund_journal_id: string | null;
  redeemed_at: string | null;
  redeemed_by: string | null;
  redeem_key: string | null;
  idempotency_key: string;
  created_at: string;
  updated_at: string;
}

export interface VoucherRatingTable {
  district_id: string;
  order_id: string;
  merchant_id: string | null;
  score: number;
  comment: string | null;
  created_at: string;
}

export interface MerchantComplaintTable {
  district_id: string;
  id: string;
  merchant_id: string;
  order_id: string | null;
  user_id: string;
  content: string;
  created_at: string;
}

export interface MerchantStatementTable {
  district_id: string;
  id: string;
  merchant_id: string;
  month: string;
  vouchers: number;
  points: number;
  fen_per_point: number;
  amount_fen: number;
  fund_name: string | null;
  /** JSON: the redeemed vouchers frozen at closing. */
  lines: string;
  closed_by: string;
  closed_at: string;
}

export interface MallTables {
  merchants: MerchantTable;
  merchant_staff: MerchantStaffTable;
  merchant_evaluations: MerchantEvaluationTable;
  catalog_items: CatalogItemTable;
  orders: OrderTable;
  voucher_ratings: VoucherRatingTable;
  merchant_complaints: MerchantComplaintTable;
  merchant_statements: MerchantStatementTable;
}
