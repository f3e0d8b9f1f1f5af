// Display names and tag colours of activity phases and sign-up states.
import type { MessageKey } from '../../i18n';
import type { ActivityPhase, SignupStatus } from './types';

export type TagColor = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export const PHASE_LABEL: Record<ActivityPhase, MessageKey> = {
  draft: 'phase.draft',
  open: 'phase.open',
  closed: 'phase.closed',
  ongoing: 'phase.ongoing',
  finished: 'phase.finished',
  cancelled: 'phase.cancelled',
};

export const PHASE_COLOR: Record<ActivityPhase, TagColor> = {
  draft: 'default',
  open: 'success',
  closed: 'warning',
  ongoing: 'primary',
  finished: 'default',
  cancelled: 'danger',
};

export const SIGNUP_LABEL: Record<SignupStatus, MessageKey> = {
  confirmed: 'signup.confirmed',
  waitlisted: 'signup.waitlisted',
  cancelled: 'signup.cancelled',
  no_show: 'signup.no_show',
};

export const SIGNUP_COLOR: Record<SignupStatus, TagColor> = {
  confirmed: 'success',
  waitlisted: 'warning',
  cancelled: 'default',
  no_show: 'danger',
};
