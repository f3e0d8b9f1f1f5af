// Words and colours of report states, levels and timeline steps in the console.
import type { ReportLevel, ReportState, ReportStep } from '../../../shared/api-types';
import type { MessageKey } from '../../i18n';

export const REPORT_STATES: ReportState[] = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'resolved',
  'confirmed',
  'closed',
  'rejected',
  'duplicate',
];

export const STATUS_COLOR: Record<ReportState, string> = {
  submitted: 'gold',
  accepted: 'blue',
  assigned: 'geekblue',
  in_progress: 'cyan',
  resolved: 'green',
  confirmed: 'lime',
  closed: 'default',
  rejected: 'default',
  duplicate: 'purple',
};

export const REPORT_LEVELS: ReportLevel[] = ['grid', 'community', 'street'];
export const LEVEL_COLOR: Record<ReportLevel, string> = { grid: 'blue', community: 'orange', street: 'red' };

export const STATUS_LABEL = (s: ReportState): MessageKey => `rpt.status.${s}`;
export const LEVEL_LABEL = (l: ReportLevel): MessageKey => `rpt.level.${l}`;
export const STEP_LABEL = (k: ReportStep['kind']): MessageKey => `rpt.step.${k}`;
export const ACTOR_LABEL = (k: ReportStep['actorKind']): MessageKey => `rpt.actor.${k}`;

/** 已升级 · 网格超时: an escalated report broke the time limit of the level it came from (escalatedFrom). */
export const ESCALATED_COLOR = 'volcano';

/** Still being worked on (merge targets, overdue). */
export function isOpen(s: ReportState): boolean {
  return s === 'submitted' || s === 'accepted' || s === 'assigned' || s === 'in_progress';
}
