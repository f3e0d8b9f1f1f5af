// Words and colours for mediation's types and states in the console (keys of i18n.mediation.pages.ts).
import type { DisputeType, MediationState } from '../../../shared/api-types';
import type { MessageKey } from '../../i18n';

export const DISPUTE_TYPES: DisputeType[] = [
  'neighbour',
  'renovation_noise',
  'property_fee',
  'family',
  'parking',
  'water_leak',
  'pets',
  'other',
];

export const STATES: MediationState[] = [
  'opened',
  'assigned',
  'in_mediation',
  'agreement',
  'referred',
  'failed',
  'withdrawn',
];

/** Types and outcomes come from the server's enums (the statistics' outcome is a plain string). */
export const typeKey = (t: string): MessageKey => `med.type.${t}` as MessageKey;
export const statusKey = (s: string): MessageKey => `med.status.${s}` as MessageKey;

export const STATUS_COLOR: Record<MediationState, string> = {
  opened: 'orange',
  assigned: 'blue',
  in_mediation: 'processing',
  agreement: 'green',
  referred: 'default',
  failed: 'red',
  withdrawn: 'default',
};
