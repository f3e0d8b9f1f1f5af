// Shapes of the points bank API (docs/API-POINTS.md) as the console uses them.

import type { JournalType, JournalView as Journal, PointRules } from '../../../shared/api-types';

export type {
  AccountView as PointAccount,
  JournalType,
  JournalView as Journal,
  LedgerReport as LedgerVerification,
  PointRules,
  PublicJournal,
  YearSummary,
} from '../../../shared/api-types';
import type { ContributionBody } from '../../../shared/api-types';

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

/** Tag colour per journal type: credits warm/green, spending blue, corrections red. */
export const JOURNAL_TYPE_COLOR: Record<JournalType, string> = {
  earn: 'green',
  award: 'gold',
  redeem: 'blue',
  refund: 'cyan',
  gift: 'purple',
  donate: 'magenta',
  expire: 'default',
  reverse: 'red',
  contribute: 'volcano',
};

export interface LedgerHead {
  districtId: string;
  districtName: string;
  count: number;
  hash: string;
}

export type AccountKind = 'person' | 'org' | 'system';
export type AccountPurpose = 'main' | 'issuance' | 'fund' | 'supermarket';

export interface PointRulesVersion {
  id: string;
  rules: PointRules;
  changedAt: string;
  changedBy: string | null;
}

export type ContributionOrgType = ContributionBody['orgType'];
export type ContributionKind = ContributionBody['kind'];

export type ContributionInput = ContributionBody;

export interface ContributionResult {
  journal: Journal;
  accountId: string;
  accountName: string;
  balance: number;
}

export interface YearSummaryCommunity {
  communityId: string;
  communityName: string;
  pointsIssued: number;
  pointsRedeemed: number;
  pointsDonated: number;
  acceptedMinutes: number;
  leveragedFen: number;
  people: { rank: number; userId: string; name: string; points: number; minutes: number }[];
  organisations: { accountId: string; name: string; kind: string; points: number; contributionsFen: number }[];
}

/** Report categories of 随手拍 (PRODUCT.md §8), offered when editing report rewards. */
export const REPORT_CATEGORIES = [
  '安全隐患',
  '飞线充电',
  '环境卫生',
  '设施损坏',
  '占道停车',
  '邻里纠纷',
  '市长热线',
  '帮扶救助',
  '其他',
];

/** Yuan as typed → integer fen, as the API stores money. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Fen → "1,234.50". */
export function formatYuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A signed amount with its sign: +20, −5. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}
