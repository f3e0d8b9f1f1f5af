// Pure rules of the needs list (需求清单): states and their transitions, who may withdraw or rate, the board columns.

/**
 * Need states (two-step handling, seed 000: dispatch what can be solved at once, link the rest to a project).
 *
 *   submitted ──triage: dispatch──→ triaged ──invite──→ dispatched ──enough accepted──→ matched
 *       │                             │                                                    │ a volunteer starts
 *       └──triage: link──→ linked ←───┘ (to a project)                                     ↓
 *                                                  evaluated ←──rate── done ←──confirmed── in_service
 *   submitted | triaged | dispatched | matched ──close (rejected or withdrawn, with a reason)──→ closed
 */
export const NEED_STATES = [
  'submitted',
  'triaged',
  'dispatched',
  'matched',
  'in_service',
  'done',
  'evaluated',
  'linked',
  'closed',
] as const;
export type NeedState = (typeof NEED_STATES)[number];

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const PRIVACIES = ['public', 'community', 'private'] as const;
export type Privacy = (typeof PRIVACIES)[number];

export const BENEFICIARY_GROUPS = ['elderly', 'disabled', 'children', 'low_income', 'family', 'other'] as const;
export type BeneficiaryGroup = (typeof BENEFICIARY_GROUPS)[number];

export const TRIAGE_DECISIONS = ['dispatch', 'link', 'close'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

const TRANSITIONS: Record<NeedState, readonly NeedState[]> = {
  submitted: ['triaged', 'linked', 'closed'],
  triaged: ['dispatched', 'linked', 'closed'],
  dispatched: ['matched', 'closed'],
  matched: ['in_service', 'closed'],
  in_service: ['done'],
  done: ['evaluated'],
  evaluated: [],
  linked: [],
  closed: [],
};

/** True when a need may move from one state to the other. */
export function canTransition(from: NeedState, to: NeedState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The states a need may move to from a state. */
export function nextStates(from: NeedState): readonly NeedState[] {
  return TRANSITIONS[from];
}

export function isNeedState(s: string): s is NeedState {
  return (NEED_STATES as readonly string[]).includes(s);
}

/** The state a triage decision moves a need to. */
export function triageTarget(decision: TriageDecision): NeedState {
  switch (decision) {
    case 'dispatch':
      return 'triaged';
    case 'link':
      return 'linked';
    case 'close':
      return 'closed';
  }
}

/** The requester may withdraw a need until volunteers are matched to it. */
export function canWithdraw(status: NeedState): boolean {
  return status === 'submitted' || status === 'triaged' || status === 'dispatched';
}

/** The requester rates the help once it is done. */
export function canRate(status: NeedState): boolean {
  return status === 'done';
}

/** The staff board's columns (需求看板) and the states each shows; closed needs are left off the board. */
export const BOARD_COLUMNS: ReadonlyArray<{ key: string; states: readonly NeedState[] }> = [
  { key: 'to_dispatch', states: ['submitted'] },
  { key: 'dispatched', states: ['triaged', 'dispatched'] },
  { key: 'matched', states: ['matched'] },
  { key: 'in_service', states: ['in_service'] },
  { key: 'done', states: ['done'] },
  { key: 'evaluated', states: ['evaluated'] },
  { key: 'linked', states: ['linked'] },
];

/** A window must end after it starts; either end may be open. */
export function windowProblem(start: string | null, end: string | null): 'end_before_start' | null {
  return start && end && end <= start ? 'end_before_start' : null;
}

/** The title a need gets when none is given: its category and the start of its description. */
export function defaultTitle(categoryName: string, description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const head = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return head ? `${categoryName}：${head}` : categoryName;
}

/** Stable reference of a status change in the outbox: one event per version of the need. */
export function statusChangeRef(needId: string, version: number): string {
  return `${needId}:${version}`;
}
