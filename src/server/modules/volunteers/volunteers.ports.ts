// What volunteers need to know of service records, ratings and activities. Records and activities sit above
// volunteers (they import it), so volunteers may not import them: volunteers declare this port and app.ts fills it
// with the records and activities modules' functions. Volunteers never name those modules' tables.
import type { Executor } from '../../db/transaction.js';
import { definePort } from '../../platform/port.js';

export interface ServiceFacts {
  /** Accepted service minutes (all time) per person in a district. */
  acceptedMinutes: (db: Executor, districtId: string, userIds: readonly string[]) => Promise<Map<string, number>>;
  /** A team's accepted minutes and its activities' service rating. */
  teamServiceTotals: (
    db: Executor,
    districtId: string,
    teamId: string,
  ) => Promise<{ acceptedMinutes: number; ratingAverage: number | null; ratingCount: number }>;
  /** Published activities of a team. */
  teamActivityCount: (db: Executor, districtId: string, teamId: string) => Promise<number>;
  /** Average service rating of the activities a volunteer served in. */
  volunteerRating: (db: Executor, districtId: string, userId: string) => Promise<{ avg: number | null; n: number }>;
}

/** Filled by app.ts (records: minutes and ratings; activities: published activities). */
export const serviceFacts = definePort<ServiceFacts>('volunteers.serviceFacts');
