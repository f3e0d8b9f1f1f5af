// Points-bank shapes of the API (docs/API-POINTS.md) as the resident H5 uses them.

export type JournalType = 'earn' | 'award' | 'redeem' | 'refund' | 'gift' | 'donate' | 'expire' | 'reverse' | 'contribute';
export const JOURNAL_TYPES: JournalType[] = ['earn', 'award', 'redeem', 'refund', 'gift', 'donate', 'expire', 'reverse', 'contribute'];

export type Relation = 'spouse' | 'parent' | 'child' | 'grandparent' | 'grandchild';
export const RELATIONS: Relation[] = ['spouse', 'parent', 'child', 'grandparent', 'grandchild'];

/** One movement of my account; `amount` is signed from my side (+ in, − out). */
export interface Journal {
  id: string;
  districtId: string;
  seq: number;
  type: JournalType;
  reason: string;
  amount: number;
  /** YYYY-MM-DD */
  effectiveDate: string;
  createdAt: string;
  refType: string | null;
  refId: string | null;
  reversesId: string | null;
  /** sha256 hex */
  hash: string;
}

export interface PointRulesBrief {
  allowGifts: boolean;
  allowDonations: boolean;
  monthlyGiveLimit: number;
}

/** My account in one district. */
export interface MyPointsItem {
  districtId: string;
  districtName: string;
  accountId: string;
  balance: number;
  earned: number;
  spent: number;
  rules: PointRulesBrief;
}

/** A journal as the public ledger (公示) shows it: masked names, no ids of people. */
export interface PublicJournal {
  id: string;
  seq: number;
  /** YYYY-MM-DD */
  date: string;
  createdAt: string;
  type: JournalType;
  reason: string;
  parties: { name: string; amount: number }[];
  points: number;
  communityName: string | null;
  hash: string;
}

export interface LedgerHead {
  districtId: string;
  districtName: string;
  count: number;
  hash: string;
}

export interface VerifyResult {
  head: LedgerHead;
  allOk: boolean;
  journals: { id: string; seq: number; hash: string; amount: number; reason: string; ok: boolean }[];
}

export interface PublicJournalFilters {
  districtId: string;
  communityId?: string;
  /** YYYY-MM */
  month?: string;
}

export interface GiftInput {
  districtId: string;
  toPhone: string;
  relation: Relation;
  points: number;
}

export interface DonateInput {
  communityId: string;
  points: number;
}

