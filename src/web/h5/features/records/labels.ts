// Display names and tag colours of service-record states (待确认 已确认 已验收 已退回 已更正).
import type { MessageKey } from '../../i18n';
import type { TagColor } from '../activities/labels';
import type { RecordStatus } from './types';

export const RECORD_LABEL: Record<RecordStatus, MessageKey> = {
  pending: 'rstatus.pending',
  confirmed: 'rstatus.confirmed',
  accepted: 'rstatus.accepted',
  returned: 'rstatus.returned',
  superseded: 'rstatus.superseded',
  voided: 'rstatus.voided',
};

export const RECORD_COLOR: Record<RecordStatus, TagColor> = {
  pending: 'warning',
  confirmed: 'primary',
  accepted: 'success',
  returned: 'danger',
  superseded: 'default',
  voided: 'default',
};
