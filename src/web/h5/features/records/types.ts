// Service-record shapes of the API (docs/API-VOLUNTEERING.md).

import type { RecordState as RecordStatus } from '../../../shared/api-types';

export type {
  RecordState as RecordStatus,
  ServiceRecord,
} from '../../../shared/api-types';

export interface RecordFilters {
  mine?: boolean;
  status?: RecordStatus;
  activityId?: string;
  teamId?: string;
}
