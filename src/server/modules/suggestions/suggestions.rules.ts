// Pure rules of the suggestion box (意见箱): categories, states and the per-person submission limit.

export const SUGGESTION_CATEGORIES = [
  '环境卫生',
  '设施维修',
  '治安安全',
  '养老助老',
  '文体活动',
  '物业管理',
  '便民服务',
  '其他',
] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

/**
 * Suggestion states.
 *
 *   open ──answer──→ answered ──(answer again: the text is replaced)──→ answered
 *     │                  │
 *     ├──to need─────────┴──→ to_need     (a need raised with the author as requester)
 *     └──to project──────┴──→ to_project  (a draft project)
 * A converted suggestion keeps its public answer ("已转为需求/项目办理" unless staff wrote one).
 */
export const SUGGESTION_STATES = ['open', 'answered', 'to_need', 'to_project'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export function nextSuggestionState(
  from: SuggestionState,
  action: 'answer' | 'to_need' | 'to_project',
): SuggestionState | null {
  switch (action) {
    case 'answer':
      return from === 'open' || from === 'answered' ? 'answered' : null;
    case 'to_need':
    case 'to_project':
      return from === 'open' || from === 'answered' ? action : null;
  }
}

/** Whether the public list shows the suggestion: once staff answered it or took it up. */
export function isPublic(state: SuggestionState): boolean {
  return state !== 'open';
}

/** Per person: at most this many suggestions a day, and none within a minute of the last one. */
export const DAILY_LIMIT = 5;
export const MIN_GAP_MS = 60_000;

/** Whether a person may leave another suggestion now, given their submission times of the last 24 hours. */
export function maySubmit(recent: readonly Date[], now: Date): boolean {
  const dayAgo = now.getTime() - 24 * 3600_000;
  const inDay = recent.filter((t) => t.getTime() > dayAgo);
  if (inDay.length >= DAILY_LIMIT) return false;
  return !inDay.some((t) => now.getTime() - t.getTime() < MIN_GAP_MS);
}

/** The public answer written on a converted suggestion when staff give none. */
export const DEFAULT_CONVERT_ANSWER: Record<'to_need' | 'to_project', string> = {
  to_need: '已转为需求，社区正在安排办理',
  to_project: '已转为共建项目，社区正在安排办理',
};
