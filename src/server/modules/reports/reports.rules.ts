// Pure rules of grid reports (随手拍, PRODUCT §8, seed 004): the state graph, who may take each step, escalation
// levels and deadlines, the reward and the daily cap, nearby search boxes.

/**
 * Report states.
 *
 *   submitted ─accept─→ accepted ─assign─→ assigned ─start─→ in_progress ─resolve─→ resolved ─confirm─→ confirmed
 *      │                   │  ↑               │ (assign again: reassign)     ↑            │ (reporter, or      │
 *      │                   │  └───────────────┘                              └──reopen────┘  after 7 days)      │
 *      │                   │                                                  (reporter: not fixed)      close ↓
 *      ├──reject──→ rejected ←──reject── accepted                                                           closed
 *      └──merge───→ duplicate ←──merge── accepted | assigned   (merged into another open report)
 *
 * rejected, duplicate and closed are end states.
 */
export const REPORT_STATES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'confirmed',
  'closed',
  'rejected',
  'duplicate',
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** The steps a report takes; each names the states it may start from and the state it leads to. */
export const REPORT_ACTIONS = [
  'accept',
  'assign',
  'start',
  'resolve',
  'confirm',
  'reopen',
  'reject',
  'merge',
  'close',
] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Who takes a step: staff holding report.manage over the report, the reporter, or the system (jobs). */
export type ReportActorKind = 'staff' | 'reporter' | 'system';
export const TIMELINE_ACTOR_KINDS = ['reporter', 'staff', 'system'] as const;

/** The timeline's kinds of entries: the steps above, plus submission, escalation and moderation. */
export const TIMELINE_KINDS = ['submit', ...REPORT_ACTIONS, 'escalate', 'join', 'hide', 'show', 'reward'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

interface Step {
  from: readonly ReportState[];
  to: ReportState;
  by: readonly ReportActorKind[];
}

/** The state graph, written down once: every allowed step; anything else is refused. */
export const REPORT_STEPS: Record<ReportAction, Step> = {
  accept: { from: ['submitted'], to: 'accepted', by: ['staff'] },
  assign: { from: ['accepted', 'assigned'], to: 'assigned', by: ['staff'] },
  start: { from: ['assigned'], to: 'in_progress', by: ['staff'] },
  resolve: { from: ['in_progress'], to: 'resolved', by: ['staff'] },
  confirm: { from: ['resolved'], to: 'confirmed', by: ['reporter', 'system'] },
  reopen: { from: ['resolved'], to: 'in_progress', by: ['reporter'] },
  reject: { from: ['submitted', 'accepted'], to: 'rejected', by: ['staff'] },
  merge: { from: ['submitted', 'accepted', 'assigned'], to: 'duplicate', by: ['staff'] },
  close: { from: ['confirmed'], to: 'closed', by: ['staff', 'system'] },
};

/** The target state of an action when it may be taken from `from` by `by`, else null. */
export function stepTarget(action: ReportAction, from: ReportState, by: ReportActorKind): ReportState | null {
  const step = REPORT_STEPS[action];
  return step.from.includes(from) && step.by.includes(by) ? step.to : null;
}

/** The actions an actor kind may take on a report in a state (what the screens offer). */
export function actionsFor(from: ReportState, kinds: readonly ReportActorKind[]): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => kinds.some((k) => stepTarget(a, from, k) !== null));
}

export function isReportState(s: string): s is ReportState {
  return (REPORT_STATES as readonly string[]).includes(s);
}

/** End states: nothing happens to the report any more. */
export const END_STATES: readonly ReportState[] = ['closed', 'rejected', 'duplicate'];

/** States in which work is still owed (escalation and "overdue" apply; nearby duplicates are offered). */
export const OPEN_STATES: readonly ReportState[] = ['submitted', 'accepted', 'assigned', 'in_progress'];

/** True when the report is still being worked on. */
export function isOpen(s: ReportState): boolean {
  return OPEN_STATES.includes(s);
}

/** A merge target must be an open (or resolved) report, other than the report itself. */
export function canMergeInto(target: ReportState): boolean {
  return isOpen(target) || target === 'resolved';
}

// ------------------------------------------------------------------------------------------------ visibility

export const REPORT_VISIBILITIES = ['public', 'private'] as const;
export type ReportVisibility = (typeof REPORT_VISIBILITIES)[number];

export const FLAG_REASONS = ['abusive', 'privacy', 'spam', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const MODERATION_DECISIONS = ['show', 'hide'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** A report flagged by this many different people is hidden from the public board until a moderator decides. */
export const DEFAULT_FLAG_THRESHOLD = 3;

/** Whether flags hide the report now: enough distinct flaggers and no moderator decision to show it. */
export function hiddenByFlags(flagCount: number, threshold: number, moderatedShow: boolean): boolean {
  return !moderatedShow && flagCount >= threshold;
}

// ------------------------------------------------------------------------------------------------ escalation

/** Levels of handling (小事不出网格，大事不出社区): grid → community → street. */
export const REPORT_LEVELS = ['grid', 'community', 'street'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

/** The level after this one, or null at the top. */
export function nextLevel(level: ReportLevel): ReportLevel | null {
  const i = REPORT_LEVELS.indexOf(level);
  return REPORT_LEVELS[i + 1] ?? null;
}

export interface TimeLimits {
  /** Hours a report may stay open at grid level before it escalates to the community. */
  gridHours: number;
  /** Hours at community level before it escalates to the street. */
  communityHours: number;
  /** Hours at street level before it counts as overdue (it cannot escalate further). */
  streetHours: number;
}

/** The deadline at a level, counted from the moment the report reached it. */
export function deadlineAt(level: ReportLevel, since: Date, limits: TimeLimits): Date {
  const hours =
    level === 'grid' ? limits.gridHours : level === 'community' ? limits.communityHours : limits.streetHours;
  return new Date(since.getTime() + hours * 3_600_000);
}

/** Past due: still open and past its current level's deadline (the escalation job moves it up). */
export function isOverdue(status: ReportState, dueAt: string | null, now: Date): boolean {
  return isOpen(status) && dueAt !== null && dueAt < now.toISOString();
}

/** The level a report starts at: its grid's, or its community's when it has no grid. */
export function startLevel(hasGrid: boolean): ReportLevel {
  return hasGrid ? 'grid' : 'community';
}

/**
 * Escalated, as the console shows it (已升级 · 网格超时): a report still open above the level it started at broke the
 * time limit of the level below its current one; that level is answered (null when it was never escalated or is no
 * longer open). Being escalated is late, but it is not "overdue" again until the current level's deadline passes too.
 */
export function escalatedFrom(status: ReportState, level: ReportLevel, hasGrid: boolean): ReportLevel | null {
  if (!isOpen(status)) return null;
  const i = REPORT_LEVELS.indexOf(level);
  return i > REPORT_LEVELS.indexOf(startLevel(hasGrid)) ? (REPORT_LEVELS[i - 1] ?? null) : null;
}

/** A resolved report counts as "solved within the grid" (小事不出网格) when it never left grid level. */
export function solvedWithinGrid(level: ReportLevel): boolean {
  return level === 'grid';
}

// ------------------------------------------------------------------------------------------------ confirmation

/** The moment after which a resolved report is confirmed automatically. */
export function autoConfirmDue(resolvedAt: string, days: number): string {
  return new Date(Date.parse(resolvedAt) + days * 86_400_000).toISOString();
}

// ------------------------------------------------------------------------------------------------ rewards

/**
 * The points a confirmed report earns its reporter: the category's points, cut so the person's points from reports
 * on that China day stay within the daily cap (0 when the cap is already reached). Duplicates and rejected reports
 * are never confirmed, so they earn nothing.
 */
export function rewardPoints(categoryPoints: number, earnedToday: number, dailyCap: number): number {
  if (categoryPoints <= 0) return 0;
  const room = Math.max(0, dailyCap - Math.max(0, earnedToday));
  return Math.min(categoryPoints, room);
}

/** The ledger idempotency key of a report's reward: one reward per report, ever. */
export function rewardKey(reportId: string): string {
  return `report-reward:${reportId}`;
}

/** The China (UTC+8) calendar day of an instant, "YYYY-MM-DD", for the daily cap. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The UTC instants where a China day starts and ends ([start, end)). */
export function chinaDayBounds(day: string): { start: string; end: string } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000).toISOString() };
}

// ------------------------------------------------------------------------------------------------ nearby

/** Nearby open reports of the same category are offered to join within this distance. */
export const NEARBY_METRES = 50;

/** A box (in 1e-7° integers) around a WGS-84 point that contains every point within `metres`. */
export function boxAround(
  lat: number,
  lng: number,
  metres: number,
): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = metres / 111_320 + 1e-6;
  const cos = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const dLng = metres / (111_320 * cos) + 1e-6;
  return {
    minLat: Math.floor((lat - dLat) * 1e7),
    maxLat: Math.ceil((lat + dLat) * 1e7),
    minLng: Math.floor((lng - dLng) * 1e7),
    maxLng: Math.ceil((lng + dLng) * 1e7),
  };
}

export const toE7 = (deg: number): number => Math.round(deg * 1e7);
export const fromE7 = (e7: number): number => e7 / 1e7;

/** At most this many photos per report (and per step). */
export const MAX_PHOTOS = 6;
