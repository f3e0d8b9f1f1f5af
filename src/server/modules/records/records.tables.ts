// Table types of service records, ratings and certificates.
import type { Generated } from 'kysely';

export interface ServiceRecordTable {
  district_id: string;
  id: string;
  /** Null for service recorded after the fact, outside any planned activity (see migration 0006). */
  activity_id: string | null;
  user_id: string;
  community_id: string;
  team_id: string | null;
  /** YYYY-MM-DD in China time. */
  service_date: string;
  minutes: number;
  /** pending | confirmed | accepted | returned | superseded */
  status: string;
  is_backfill: number;
  note: string | null;
  corrects_id: string | null;
  correction_reason: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  accepted_by: string | null;
  accepted_at: string | null;
  returned_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** 1 when staff recorded the service after the fact (补记); such records have no activity. */
  after_the_fact: Generated<number>;
  /** Category, place and what was done: from the activity, or written down for service recorded after the fact. */
  category: string | null;
  place: string | null;
  content: string | null;
  /** Who can vouch for service recorded after the fact (name and how to reach them). */
  vouched_by: string | null;
}

export interface RatingTable {
  district_id: string;
  id: string;
  activity_id: string;
  team_id: string | null;
  rater_user_id: string;
  /** service (a beneficiary or resident rates the service) | activity (a volunteer rates the activity) */
  target: string;
  score: number;
  comment: string | null;
  created_at: string;
}

export interface CertificateTable {
  district_id: string;
  id: string;
  cert_no: string;
  user_id: string;
  volunteer_id: string;
  minutes: number;
  /** JSON of what the PDF shows, frozen at issue. */
  snapshot: string;
  issued_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export interface RecordTables {
  service_records: ServiceRecordTable;
  ratings: RatingTable;
  certificates: CertificateTable;
}
