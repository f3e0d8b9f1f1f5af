// Words and colours of need states, urgencies, privacy and beneficiary groups; the board's columns.
import type { BeneficiaryGroup, NeedState, Privacy, Urgency } from '../../../shared/api-types';
import type { MessageKey } from '../../i18n';

export const URGENCIES: Urgency[] = ['normal', 'urgent', 'critical'];
export const URGENCY_COLOR: Record<Urgency, string> = { normal: 'blue', urgent: 'orange', critical: 'red' };
export const PRIVACIES: Privacy[] = ['community', 'private', 'public'];
export const GROUPS: BeneficiaryGroup[] = ['elderly', 'disabled', 'children', 'low_income', 'family', 'other'];

export const STATUS_COLOR: Record<NeedState, string> = {
  submitted: 'gold',
  triaged: 'blue',
  dispatched: 'geekblue',
  matched: 'cyan',
  in_service: 'green',
  done: 'lime',
  evaluated: 'default',
  linked: 'purple',
  closed: 'default',
};

/** The board's columns (the server's needs.rules BOARD_COLUMNS) and, when asked, the closed ones. */
export const BOARD_COLUMNS: ReadonlyArray<{ key: string; title: MessageKey; states: readonly NeedState[] }> = [
  { key: 'to_dispatch', title: 'needs.col.to_dispatch', states: ['submitted'] },
  { key: 'dispatched', title: 'needs.col.dispatched', states: ['triaged', 'dispatched'] },
  { key: 'matched', title: 'needs.col.matched', states: ['matched'] },
  { key: 'in_service', title: 'needs.col.in_service', states: ['in_service'] },
  { key: 'done', title: 'needs.col.done', states: ['done'] },
  { key: 'evaluated', title: 'needs.col.evaluated', states: ['evaluated'] },
  { key: 'linked', title: 'needs.col.linked', states: ['linked'] },
];
export const CLOSED_COLUMN = { key: 'closed', title: 'needs.col.closed' as MessageKey, states: ['closed'] as const };

/** How long ago, in the largest whole unit. */
export function ageOf(iso: string, now = Date.now()): { key: MessageKey; n: number } {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return { key: 'needs.age.minutes', n: minutes };
  if (minutes < 24 * 60) return { key: 'needs.age.hours', n: Math.floor(minutes / 60) };
  return { key: 'needs.age.days', n: Math.floor(minutes / (24 * 60)) };
}
