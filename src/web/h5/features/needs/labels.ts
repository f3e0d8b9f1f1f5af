// Words and colours of need states, urgencies and privacy levels, and a big icon per default category.
import type { NeedState, Privacy, Urgency } from '../../../shared/api-types';
import type { MessageKey } from '../../i18n';

export const NEED_STATUS_LABEL: Record<NeedState, MessageKey> = {
  submitted: 'needs.status.submitted',
  triaged: 'needs.status.triaged',
  dispatched: 'needs.status.dispatched',
  matched: 'needs.status.matched',
  in_service: 'needs.status.in_service',
  done: 'needs.status.done',
  evaluated: 'needs.status.evaluated',
  linked: 'needs.status.linked',
  closed: 'needs.status.closed',
};

export const NEED_STATUS_COLOR: Record<NeedState, string> = {
  submitted: 'warning',
  triaged: 'primary',
  dispatched: 'primary',
  matched: 'success',
  in_service: 'success',
  done: 'danger',
  evaluated: 'default',
  linked: 'primary',
  closed: 'default',
};

export const URGENCIES: Urgency[] = ['normal', 'urgent', 'critical'];
export const URGENCY_LABEL: Record<Urgency, MessageKey> = {
  normal: 'needs.urgency.normal',
  urgent: 'needs.urgency.urgent',
  critical: 'needs.urgency.critical',
};

export const PRIVACIES: Privacy[] = ['community', 'private', 'public'];
export const PRIVACY_LABEL: Record<Privacy, MessageKey> = {
  public: 'needs.new.privacy.public',
  community: 'needs.new.privacy.community',
  private: 'needs.new.privacy.private',
};

/** A big, recognisable picture for each default category; configured ones get the generic hand. */
export const CATEGORY_ICON: Record<string, string> = {
  meal: '🍱',
  escort: '🏥',
  errand: '🛒',
  visit: '🏠',
  repair: '🔧',
  bath_haircut: '💈',
  phone_help: '📱',
  counselling: '💬',
  legal: '⚖️',
  childcare: '🧒',
  environment: '🧹',
  other: '🤝',
};

export function categoryIcon(key: string): string {
  return CATEGORY_ICON[key] ?? '🤝';
}
