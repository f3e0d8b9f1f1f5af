// Star-level promotions (星级评定, PRODUCT §3): pure rules.
//
// A promotion's state graph (the computed level is never stored; a promotion is made straight into publicity):
//
//   (computed) ──▶ in_publicity ──(period over, no objection)──▶ effective
//                      │  ▲
//          objection   ▼  │ uphold while the period still runs
//                   objected ──uphold (period over)──▶ effective
//                      │
//                      └──reject (finding)──▶ rejected   (falsified hours: blocked until now + starBlockMonths)
//
// Levels are never skipped: the next promotion is always the effective level + 1, one at a time; a person who crossed
// two thresholds goes to the next level first and the one after follows once it takes effect.

export type StarStatus = 'in_publicity' | 'objected' | 'effective' | 'rejected';
export type StarDecision = 'uphold' | 'reject';
export type StarFinding = 'falsified' | 'not_met' | 'other';

export const STAR_STATUSES: readonly StarStatus[] = ['in_publicity', 'objected', 'effective', 'rejected'];
export const STAR_FINDINGS: readonly StarFinding[] = ['falsified', 'not_met', 'other'];

/** Words for a status in messages. */
export const STAR_STATUS_TEXT: Record<StarStatus, string> = {
  in_publicity: '公示中',
  objected: '有异议待处理',
  effective: '已生效',
  rejected: '未通过',
};

const NEXT: Record<StarStatus, readonly StarStatus[]> = {
  in_publicity: ['objected', 'effective'],
  objected: ['in_publicity', 'effective', 'rejected'],
  effective: [],
  rejected: [],
};

/** Whether the graph allows moving from one status to another. */
export function canMove(from: StarStatus, to: StarStatus): boolean {
  return NEXT[from].includes(to);
}

/** A calendar of working days: weekends skipped, plus the district's holidays and 调休 make-up working days. */
export interface WorkCalendar {
  nonWorkingDates: readonly string[];
  makeUpWorkingDates: readonly string[];
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether a China date (YYYY-MM-DD) is a working day in the calendar. */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.makeUpWorkingDates.includes(date)) return true;
  if (cal.nonWorkingDates.includes(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The last day of a publicity period that starts on `from` (the day it is published): the period is the `workingDays`
 * working days after that day. Published on Friday 2026-12-04 for 5 days, it runs Mon 7 … Fri 11 and ends on the 11th.
 */
export function publicityUntil(from: string, workingDays: number, cal: WorkCalendar): string {
  let day = from;
  let left = Math.max(1, workingDays);
  // Bounded: a year of holidays cannot make the loop run forever.
  for (let i = 0; i < 800 && left > 0; i += 1) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) left -= 1;
  }
  return day;
}

/** Whether the publicity period is over on China date `today` (it takes effect the day after its last day). */
export function publicityOver(until: string, today: string): boolean {
  return today > until;
}

/**
 * The level a new promotion would grant, or null: the effective level + 1 when the computed level reaches it, no
 * promotion is live (in publicity or objected) and no falsified-hours block holds. Never more than one step.
 */
export function nextPromotionLevel(input: {
  computedLevel: number;
  effectiveLevel: number;
  hasLivePromotion: boolean;
  blocked: boolean;
}): number | null {
  if (input.hasLivePromotion || input.blocked) return null;
  if (input.effectiveLevel >= 5) return null;
  return input.computedLevel > input.effectiveLevel ? input.effectiveLevel + 1 : null;
}

/** The end of a falsified-hours block: `months` calendar months after `at` (ISO), as ISO. */
export function blockedUntil(at: string, months: number): string {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}

/** Where a decision moves an objected promotion: upheld → effective (or back to publicity while it runs); rejected. */
export function decisionTarget(decision: StarDecision, periodOver: boolean): StarStatus {
  if (decision === 'reject') return 'rejected';
  return periodOver ? 'effective' : 'in_publicity';
}
