// Pure rules of the points bank: the canonical journal encoding and hash chain, earning arithmetic, rules.
import { createHash } from 'node:crypto';

export { chinaDate as chinaDay } from '../../platform/clock.js';

export const JOURNAL_TYPES = [
  'earn',
  'award',
  'redeem',
  'refund',
  'gift',
  'donate',
  'expire',
  'reverse',
  'contribute',
] as const;
export type JournalType = (typeof JOURNAL_TYPES)[number];

export const GENESIS_HASH = '0'.repeat(64);

export interface CanonicalJournal {
  districtId: string;
  seq: number;
  id: string;
  type: string;
  reason: string;
  refType: string | null;
  refId: string | null;
  actorId: string | null;
  idempotencyKey: string;
  reversesId: string | null;
  communityId: string | null;
  effectiveDate: string;
  createdAt: string;
  postings: Array<{ line: number; accountId: string; amount: number }>;
  prevHash: string;
}

/**
 * The canonical encoding (documented in docs/LEDGER.md): a JSON array, in this order, of
 * ["linli-journal-v1", districtId, seq, id, type, reason, refType, refId, actorId, idempotencyKey, reversesId,
 *  communityId, effectiveDate, createdAt, [[line, accountId, amount], … by line], prevHash].
 * JSON.stringify of an array of strings, integers and nulls has exactly one form, so the bytes are stable.
 */
export function canonicalEncoding(j: CanonicalJournal): string {
  const postings = [...j.postings].sort((a, b) => a.line - b.line).map((p) => [p.line, p.accountId, p.amount]);
  return JSON.stringify([
    'linli-journal-v1',
    j.districtId,
    j.seq,
    j.id,
    j.type,
    j.reason,
    j.refType,
    j.refId,
    j.actorId,
    j.idempotencyKey,
    j.reversesId,
    j.communityId,
    j.effectiveDate,
    j.createdAt,
    postings,
    j.prevHash,
  ]);
}

/** SHA-256 (hex) of the canonical encoding. */
export function journalHash(j: CanonicalJournal): string {
  return createHash('sha256').update(canonicalEncoding(j), 'utf8').digest('hex');
}

/** True when postings are a valid double entry: at least two lines, integers, summing to zero, none zero. */
export function isBalanced(postings: Array<{ amount: number }>): boolean {
  return (
    postings.length >= 2 &&
    postings.every((p) => Number.isInteger(p.amount) && p.amount !== 0) &&
    postings.reduce((s, p) => s + p.amount, 0) === 0
  );
}

export interface PointRules {
  /** Points per accepted hour (default 10). */
  pointsPerHour: number;
  /** Per activity category, percent of the base rate (e.g. 150 = ×1.5). */
  categoryMultipliersPct: Record<string, number>;
  /** Most points a person may earn per service day (null = no cap). */
  dailyCapPoints: number | null;
  /** A person's balance never grows past this by earning (null = no ceiling). */
  balanceCeiling: number | null;
  /** Reward points per verified grid-report category. */
  reportRewards: Record<string, number>;
  allowGifts: boolean;
  allowDonations: boolean;
  /** Most points a person may give away (gifts + donations) per calendar month. */
  monthlyGiveLimit: number;
  /** Points older than this many years expire at year end, oldest first (null = never). */
  expiryYears: number | null;
  /**
   * Where a closed account's points go (PIPL erasure, privacy module): the public-welfare fund of the person's
   * community (the default), or back to the district's issuance account (forfeit).
   */
  closedAccountPoints: 'community_fund' | 'forfeit';
}

export const DEFAULT_RULES: PointRules = {
  pointsPerHour: 10,
  categoryMultipliersPct: {},
  dailyCapPoints: null,
  balanceCeiling: null,
  reportRewards: {
    安全隐患: 20,
    飞线充电: 20,
    环境卫生: 5,
    设施损坏: 10,
    占道停车: 5,
    邻里纠纷: 10,
    帮扶救助: 10,
    其他: 5,
  },
  allowGifts: false,
  allowDonations: false,
  monthlyGiveLimit: 500,
  expiryYears: null,
  closedAccountPoints: 'community_fund',
};

/** Points for accepted minutes: minutes × rate × multiplier, rounded down to whole points. */
export function pointsForMinutes(minutes: number, pointsPerHour: number, multiplierPct: number): number {
  return Math.floor((minutes * pointsPerHour * multiplierPct) / 6000);
}

/** Applies the daily cap and the balance ceiling to an earning. */
export function capEarning(
  points: number,
  earnedThatDay: number,
  balance: number,
  rules: Pick<PointRules, 'dailyCapPoints' | 'balanceCeiling'>,
): number {
  let p = points;
  if (rules.dailyCapPoints !== null) p = Math.min(p, rules.dailyCapPoints - earnedThatDay);
  if (rules.balanceCeiling !== null) p = Math.min(p, rules.balanceCeiling - balance);
  return Math.max(0, p);
}

/**
 * Points to expire under FIFO: credits dated before the cutoff are spent first, so what is left of them
 * (after every debit so far and what already expired) expires.
 */
export function expiringPoints(creditsBeforeCutoff: number, totalDebits: number, alreadyExpired: number): number {
  return Math.max(0, creditsBeforeCutoff - totalDebits - alreadyExpired);
}
