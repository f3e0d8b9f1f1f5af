// Pure rules of mediation (调解): dispute types, the case's state graph, who may do what in which state, and the
// suppression of small counts in the anonymous statistics.

export const DISPUTE_TYPES = [
  'neighbour', // 邻里纠纷
  'renovation_noise', // 装修扰民
  'property_fee', // 物业费用
  'family', // 婚姻家庭
  'parking', // 停车占道
  'water_leak', // 漏水渗水
  'pets', // 宠物饲养
  'other', // 其他
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

/**
 * Case states.
 *
 *   opened ──assign mediators (lead)──→ assigned ──first session or mediator message──→ in_mediation
 *     │                                                                                   │ close (mediator/lead)
 *     └──withdraw (the opener, before any mediator is assigned)──→ withdrawn              ├──→ agreement (terms)
 *                                                                                         ├──→ referred (to whom)
 *                                                                                         └──→ failed
 * The lead may change the mediators while the case is assigned or in mediation (the state stays). A closed case
 * (agreement, referred, failed, withdrawn) takes no more messages or sessions.
 */
export const MEDIATION_STATES = [
  'opened',
  'assigned',
  'in_mediation',
  'agreement',
  'referred',
  'failed',
  'withdrawn',
] as const;
export type MediationState = (typeof MEDIATION_STATES)[number];

export const OUTCOMES = ['agreement', 'referred', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type MediationAction = 'assign' | 'start' | 'close' | 'withdraw';

const TRANSITIONS: Record<MediationState, readonly MediationState[]> = {
  opened: ['assigned', 'withdrawn'],
  assigned: ['in_mediation'],
  in_mediation: ['agreement', 'referred', 'failed'],
  agreement: [],
  referred: [],
  failed: [],
  withdrawn: [],
};

/** True when a case may move from one state to the other. */
export function canTransition(from: MediationState, to: MediationState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The states a case may move to from a state. */
export function nextStates(from: MediationState): readonly MediationState[] {
  return TRANSITIONS[from];
}

export function isMediationState(s: string): s is MediationState {
  return (MEDIATION_STATES as readonly string[]).includes(s);
}

/** Closed cases: an outcome was reached, or the opener withdrew. */
export function isClosed(s: MediationState): boolean {
  return TRANSITIONS[s].length === 0;
}

/** The lead assigns (or changes) mediators until the case closes; the first assignment moves it on. */
export function assignTarget(from: MediationState): MediationState | null {
  if (from === 'opened') return 'assigned';
  if (from === 'assigned' || from === 'in_mediation') return from;
  return null;
}

/** Mediation starts with the first session or the first mediator message; later ones leave the state alone. */
export function startTarget(from: MediationState): MediationState | null {
  if (from === 'assigned') return 'in_mediation';
  if (from === 'in_mediation') return from;
  return null;
}

/** A party may write in their thread until the case closes (even before mediators are assigned). */
export function partyMayWrite(s: MediationState): boolean {
  return !isClosed(s);
}

/** Only the opener withdraws, and only before a mediator is assigned. */
export function canWithdraw(s: MediationState): boolean {
  return canTransition(s, 'withdrawn');
}

/** A person opens at most this many cases in 24 hours (a dispute needs one; more is a mistake or abuse). */
export const DAILY_OPEN_LIMIT = 5;

/** Statistics cells below this count are hidden (shown as “<3”), so no one is identified by a rare combination. */
export const MIN_CELL = 3;

export interface StatsCell {
  month: string;
  type: string;
  outcome: string;
  count: number;
}

/** Hides the counts below MIN_CELL: the cell stays (so the table has its shape) with a null count. */
export function suppressSmall(cells: readonly StatsCell[]): Array<Omit<StatsCell, 'count'> & { count: number | null }> {
  return cells.map((c) => ({ ...c, count: c.count < MIN_CELL ? null : c.count }));
}

/** The outcome a case counts under in the statistics: its end state, or 'open' while it runs. */
export function statsOutcome(s: MediationState): string {
  return isClosed(s) ? s : 'open';
}

/** The month (YYYY-MM, China time) of an ISO instant. */
export function chinaMonth(isoAt: string): string {
  const t = new Date(new Date(isoAt).getTime() + 8 * 3600_000);
  return t.toISOString().slice(0, 7);
}
