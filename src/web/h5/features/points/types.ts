// Points-bank shapes of the API (docs/API-POINTS.md) as the resident H5 uses them.

import type { DonateBody, FilterOf, GiftBody, PublicJournalsQuery } from '../../../shared/api-types';
import type { JournalType } from '../../../shared/api-types';

export type {
  JournalType,
  JournalView as Journal,
  MyPoints as MyPointsItem,
  PublicJournal,
} from '../../../shared/api-types';

export const JOURNAL_TYPES: JournalType[] = [
  'earn',
  'award',
  'redeem',
  'refund',
  'gift',
  'donate',
  'expire',
  'reverse',
  'contribute',
];

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

/** The district is a path parameter, the rest the query. */
export type PublicJournalFilters = FilterOf<PublicJournalsQuery> & { districtId: string };

/** The idempotency key is added by the mutation hook. */
export type GiftInput = Omit<GiftBody, 'idempotencyKey'>;

export type DonateInput = Omit<DonateBody, 'idempotencyKey'>;
