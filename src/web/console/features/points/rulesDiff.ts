// What changed between two versions of a district's points rules, as lines a person can read.
import type { MessageKey } from '../../i18n';
import type { PointRules } from './types';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface RuleChange {
  field: keyof PointRules;
  /** The category for per-category fields. */
  key?: string;
  from: string;
  to: string;
}

/** The rules that hold one value; the per-category maps are compared key by key. */
type ScalarField = Exclude<keyof PointRules, 'categoryMultipliersPct' | 'reportRewards'>;

const SCALARS: ScalarField[] = [
  'pointsPerHour',
  'dailyCapPoints',
  'balanceCeiling',
  'allowGifts',
  'allowDonations',
  'monthlyGiveLimit',
  'expiryYears',
  'closedAccountPoints',
];

/** A rule value as shown in the history ("不限" for an empty cap, "是/否" for switches). */
export function ruleValue(field: keyof PointRules, v: number | boolean | string | null | undefined, t: T): string {
  if (v === undefined) return t('pts.rules.none');
  if (v === 'community_fund' || v === 'forfeit') return t(`pts.rules.closed.${v}`);
  if (v === null) return field === 'expiryYears' ? t('pts.rules.never') : t('pts.rules.unlimited');
  if (typeof v === 'boolean') return v ? t('pts.rules.yes') : t('pts.rules.no');
  if (field === 'categoryMultipliersPct') return `${v}%`;
  if (field === 'expiryYears') return `${v} ${t('pts.rules.unitYears')}`;
  return String(v);
}

export function diffRules(prev: PointRules, next: PointRules, t: T): RuleChange[] {
  const out: RuleChange[] = [];
  for (const f of SCALARS) {
    if (prev[f] !== next[f]) out.push({ field: f, from: ruleValue(f, prev[f], t), to: ruleValue(f, next[f], t) });
  }
  for (const f of ['categoryMultipliersPct', 'reportRewards'] as const) {
    const a = prev[f] ?? {};
    const b = next[f] ?? {};
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      if (a[k] !== b[k]) out.push({ field: f, key: k, from: ruleValue(f, a[k], t), to: ruleValue(f, b[k], t) });
    }
  }
  return out;
}

export function changeLabel(c: RuleChange, t: T): string {
  const name = t(`pts.rules.${c.field}`);
  return `${c.key ? `${name} · ${c.key}` : name}：${c.from} → ${c.to}`;
}
