// Service-record shapes of the API (docs/API-VOLUNTEERING.md).

import type { FilterOf, ListRecordsQuery } from '../../../shared/api-types';

export type { RecordState as RecordStatus, ServiceRecord } from '../../../shared/api-types';

/** `mine` travels as the text 'true'/'false' in the query string (qs() writes it). */
export type RecordFilters = Omit<FilterOf<ListRecordsQuery>, 'mine'> & { mine?: boolean };
