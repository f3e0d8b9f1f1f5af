// Words for mediation's types and states in the resident H5 (message keys of i18n.mediation.pages.ts).
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

export const TYPE_LABEL: Record<DisputeType, MessageKey> = {
  neighbour: 'med.type.neighbour',
  renovation_noise: 'med.type.renovation_noise',
  property_fee: 'med.type.property_fee',
  family: 'med.type.family',
  parking: 'med.type.parking',
  water_leak: 'med.type.water_leak',
  pets: 'med.type.pets',
  other: 'med.type.other',
};

export const STATUS_LABEL: Record<MediationState, MessageKey> = {
  opened: 'med.status.opened',
  assigned: 'med.status.assigned',
  in_mediation: 'med.status.in_mediation',
  agreement: 'med.status.agreement',
  referred: 'med.status.referred',
  failed: 'med.status.failed',
  withdrawn: 'med.status.withdrawn',
};

export const STATUS_COLOR: Record<MediationState, string> = {
  opened: 'warning',
  assigned: 'primary',
  in_mediation: 'primary',
  agreement: 'success',
  referred: 'default',
  failed: 'danger',
  withdrawn: 'default',
};
