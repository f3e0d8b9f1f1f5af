// Words and colours of report states, who took a step, and a big mark per category (one plain character on a
// coloured disc, as the needs categories have; emoji fonts are missing on many older phones).
import type { FlagReason, ReportState, ReportStep } from '../../../shared/api-types';
import type { MessageKey } from '../../i18n';

export const REPORT_STATUS_LABEL: Record<ReportState, MessageKey> = {
  submitted: 'rep.status.submitted',
  accepted: 'rep.status.accepted',
  assigned: 'rep.status.assigned',
  in_progress: 'rep.status.in_progress',
  resolved: 'rep.status.resolved',
  confirmed: 'rep.status.confirmed',
  closed: 'rep.status.closed',
  rejected: 'rep.status.rejected',
  duplicate: 'rep.status.duplicate',
};

export const REPORT_STATUS_COLOR: Record<ReportState, string> = {
  submitted: 'warning',
  accepted: 'primary',
  assigned: 'primary',
  in_progress: 'primary',
  resolved: 'success',
  confirmed: 'success',
  closed: 'default',
  rejected: 'default',
  duplicate: 'default',
};

/** The words of a timeline entry: a step's own name, else the state it led to. */
export const STEP_LABEL: Record<ReportStep['kind'], MessageKey> = {
  submit: 'rep.step.submit',
  accept: 'rep.step.accept',
  assign: 'rep.step.assign',
  start: 'rep.step.start',
  resolve: 'rep.step.resolve',
  confirm: 'rep.step.confirm',
  reopen: 'rep.step.reopen',
  reject: 'rep.step.reject',
  merge: 'rep.step.merge',
  close: 'rep.step.close',
  escalate: 'rep.step.escalate',
  join: 'rep.step.join',
  hide: 'rep.step.hide',
  show: 'rep.step.show',
  reward: 'rep.step.reward',
};

export const ACTOR_KIND_LABEL: Record<ReportStep['actorKind'], MessageKey> = {
  reporter: 'rep.actor.reporter',
  staff: 'rep.actor.staff',
  system: 'rep.actor.system',
};

export const FLAG_REASONS: FlagReason[] = ['abusive', 'privacy', 'spam', 'other'];
export const FLAG_REASON_LABEL: Record<FlagReason, MessageKey> = {
  abusive: 'rep.flag.abusive',
  privacy: 'rep.flag.privacy',
  spam: 'rep.flag.spam',
  other: 'rep.flag.other',
};

/** Marks of the default categories, by key and by Chinese name (a district may name its keys differently). */
const MARKS: { test: RegExp; char: string; color: string }[] = [
  { test: /飞线|充电|wire|charg|ebike/i, char: '电', color: 'orange' },
  { test: /安全|隐患|hazard|safety/i, char: '险', color: 'red' },
  { test: /环境|卫生|垃圾|sanit|environment|litter/i, char: '洁', color: 'green' },
  { test: /设施|损坏|facilit|damage|repair/i, char: '修', color: 'blue' },
  { test: /占道|停车|parking|road/i, char: '车', color: 'purple' },
  { test: /纠纷|邻里|dispute|neighbo/i, char: '和', color: 'teal' },
  { test: /热线|hotline|mayor/i, char: '线', color: 'gold' },
  { test: /帮扶|救助|assist|relief|help/i, char: '助', color: 'red' },
];

export function reportCategoryMark(key: string, name: string): { char: string; color: string } {
  const hit = MARKS.find((m) => m.test.test(name) || m.test.test(key));
  return hit ?? { char: name.slice(0, 1) || '拍', color: 'gold' };
}

/** Open: still being worked on (offered to join, shown as 处理中). */
export function isOpenState(s: ReportState): boolean {
  return s === 'submitted' || s === 'accepted' || s === 'assigned' || s === 'in_progress';
}
