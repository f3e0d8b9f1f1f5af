// Words and colours of the care registry's alerts and tiers (keys into i18n.care.pages.ts).
import type { CareAlert, CareTier } from '../../../shared/api-types';

export const ALERT_LABEL = {
  red: 'care.alert.red',
  yellow: 'care.alert.yellow',
  blue: 'care.alert.blue',
} as const satisfies Record<CareAlert, string>;

/** antd-mobile Tag colours (the theme's primary is orange, so blue is spelled out). */
export const ALERT_COLOR: Record<CareAlert, string> = { red: 'danger', yellow: 'warning', blue: '#1677ff' };

export const TIER_LABEL = {
  key: 'care.tier.key',
  important: 'care.tier.important',
  general: 'care.tier.general',
} as const satisfies Record<CareTier, string>;
