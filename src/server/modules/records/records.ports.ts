// What records need to know of activities. Activities import records (they write attendance records), so records
// may not import activities: records declare this port and app.ts fills it with the activities module's functions
// (as the ledger's contributors resolver does for merchants). Records never name the activities tables.
import type { Expression } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { definePort } from '../../platform/port.js';

/** The activity columns a service record shows (its title, category and time window, and what it pays). */
export type ActivityFactField = 'title' | 'category' | 'starts_at' | 'ends_at' | 'beneficiaries' | 'points_per_hour';

/** What a rating needs to know of its activity (manager check, time window, community). */
export interface ActivityFactsRow {
  district_id: string;
  id: string;
  community_id: string;
  team_id: string | null;
  title: string;
  starts_at: string;
  ends_at: string;
  status: string;
  community_path: string;
  community_name: string;
  leader_user_id: string | null;
}

export interface ActivityFacts {
  /** One column of the activity (district, id) as a correlated scalar subquery; null without an activity. */
  fieldOf: (
    db: Executor,
    field: ActivityFactField,
    districtId: Expression<string>,
    activityId: Expression<string | null>,
  ) => Expression<unknown>;
  /** An activity's facts by id, or undefined. */
  find: (db: Executor, activityId: string) => Promise<ActivityFactsRow | undefined>;
  /** Did the person check in to the activity? */
  attended: (db: Executor, districtId: string, activityId: string, userId: string) => Promise<boolean>;
}

/** Filled by app.ts with the activities module's `activityFactsForRecords`. */
export const activityFacts = definePort<ActivityFacts>('records.activityFacts');
