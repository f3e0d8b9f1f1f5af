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

/** A big, recognisable mark for each default category (one plain character on a coloured disc; emoji fonts are
 * missing on many older phones); a configured category shows the first character of its name. */
const CATEGORY_MARK: Record<string, { char: string; color: string }> = {
  meal: { char: '餐', color: 'orange' },
  escort: { char: '医', color: 'red' },
  errand: { char: '买', color: 'blue' },
  visit: { char: '访', color: 'green' },
  repair: { char: '修', color: 'teal' },
  bath_haircut: { char: '浴', color: 'purple' },
  phone_help: { char: '机', color: 'blue' },
  counselling: { char: '心', color: 'gold' },
  legal: { char: '法', color: 'purple' },
  childcare: { char: '童', color: 'orange' },
  environment: { char: '洁', color: 'green' },
  other: { char: '帮', color: 'gold' },
};

export function categoryMark(key: string, name: string): { char: string; color: string } {
  return CATEGORY_MARK[key] ?? { char: name.slice(0, 1) || '帮', color: 'gold' };
}
