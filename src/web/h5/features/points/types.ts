// Points-bank shapes of the API (docs/API-POINTS.md) as the resident H5 uses them.

import type { JournalType } from '../../../shared/api-types';

export type {
  JournalType,
  JournalView as Journal,
  MyPoints as MyPointsItem,
  PublicJournal,
} from '../../../shared/api-types';

export const JOURNAL_TYPES: JournalType[] = ['earn', 'award', 'redeem', 'refund', 'gift', 'donate', 'expire', 'reverse', 'contribute'];

export type Relation = 'spouse' | 'parent' | 'child' | 'grandparent' | 'grandchild';
export const RELATIONS: Relation[] = ['spouse', 'parent', 'child', 'grandparent', 'grandchild'];

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

