// Pure rules of the care registry (关爱台账): visit intervals by tier, the next visit, and the alert colour.
//
//   next visit = (last visit, or registration when never visited) + the subject's interval (tier default 7/90/180 days)
//   colour     = red    when an emergency stands, or now ≥ next visit (overdue)
//                yellow when the next visit is less than 48 h away (0 < next − now ≤ 48 h)
//                blue   otherwise (on schedule)
// Urgency order (lists, the console): emergencies first, then by next visit ascending — which is red (most overdue
// first), then yellow, then blue.

export const CARE_TIERS = ['key', 'important', 'general'] as const;
export type CareTier = (typeof CARE_TIERS)[number];

/** Default days between visits per tier: 重点 weekly, 重要 quarterly, 一般 half-yearly. */
export const TIER_INTERVAL_DAYS: Record<CareTier, number> = { key: 7, important: 90, general: 180 };

/** 独居, 空巢, 残疾, 失能, 重疾 elderly; children without care (困境/留守儿童). */
export const CARE_CATEGORIES = [
  'living_alone',
  'empty_nest',
  'disabled',
  'incapacitated',
  'serious_illness',
  'child',
] as const;
export type CareCategory = (typeof CARE_CATEGORIES)[number];

export const CARE_ALERTS = ['red', 'yellow', 'blue'] as const;
export type CareAlert = (typeof CARE_ALERTS)[number];

export const VISIT_OUTCOMES = ['well', 'needs_help'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

const DAY_MS = 86_400_000;
/** A visit due within this long is yellow. */
export const DUE_SOON_MS = 48 * 3600_000;

/** The interval of a subject: an explicit one, else its tier's default. */
export function intervalDays(tier: CareTier, explicit?: number | null): number {
  return explicit ?? TIER_INTERVAL_DAYS[tier];
}

/** The next visit: the last visit (or registration when never visited) plus the interval. */
export function nextVisitAt(lastVisitAt: string | null, registeredAt: string, days: number): string {
  const base = new Date(lastVisitAt ?? registeredAt).getTime();
  return new Date(base + days * DAY_MS).toISOString();
}

/** The alert colour of a subject at `now`. */
export function alertColour(nextVisit: string, emergency: boolean, now: Date): CareAlert {
  if (emergency) return 'red';
  const left = new Date(nextVisit).getTime() - now.getTime();
  if (left <= 0) return 'red';
  if (left <= DUE_SOON_MS) return 'yellow';
  return 'blue';
}

/** Whole days overdue (0 when not overdue): for the words in lists and notices. */
export function daysOverdue(nextVisit: string, now: Date): number {
  const late = now.getTime() - new Date(nextVisit).getTime();
  return late <= 0 ? 0 : Math.floor(late / DAY_MS);
}

/** Urgency rank for sorting in memory (the SQL order is the same: emergency desc, next visit asc). */
export function byUrgency(
  a: { emergency: boolean; nextVisitAt: string },
  b: { emergency: boolean; nextVisitAt: string },
): number {
  if (a.emergency !== b.emergency) return a.emergency ? -1 : 1;
  return a.nextVisitAt < b.nextVisitAt ? -1 : a.nextVisitAt > b.nextVisitAt ? 1 : 0;
}
