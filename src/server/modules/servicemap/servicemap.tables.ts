// Table types of the service map.
import type { ServicePointCategory, ServicePointState } from './servicemap.rules.js';

export interface ServicePointTable {
  district_id: string;
  id: string;
  /** The community the point belongs to: staff scope and the resident's "my community centre". */
  community_id: string;
  name: string;
  category: ServicePointCategory;
  address: string;
  /** JSON WeeklyHours (servicemap.rules.ts). */
  hours: string;
  hours_note: string | null;
  /** A business number, shown to everyone (not a person's phone). */
  contact_phone: string | null;
  description: string;
  /** WGS-84 in 1e-7 degrees. */
  lat_e7: number;
  lng_e7: number;
  status: ServicePointState;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface ServiceMapTables {
  service_points: ServicePointTable;
}
