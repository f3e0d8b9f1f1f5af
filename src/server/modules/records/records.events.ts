// The events the records module publishes: the contract other modules (the points ledger) consume. The producer owns
// the schema; consumers parse through it, so a renamed field fails here, not silently in the ledger.
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';
import { ACCEPTED_EVENT, SUPERSEDED_EVENT } from './records.rules.js';

/** A service record was accepted by the community: its minutes now count (and earn points). */
export const serviceRecordAccepted = defineEvent(
  ACCEPTED_EVENT,
  z.object({
    recordId: z.string(),
    userId: z.string(),
    minutes: z.number().int().nonnegative(),
    /** Null for service recorded after the fact, outside any planned activity. */
    activityId: z.string().nullable(),
    /** What the volunteer did, for the journal's reason (the activity's title, or the description of past service). */
    activityTitle: z.string().nullable().default(null),
    category: z.string(),
    communityId: z.string(),
    teamId: z.string().nullable().default(null),
    pointsPerHour: z.number().int().nullable(),
    serviceDate: z.string(),
  }),
);

/** An accepted record was corrected: the new record replaces it, so what it earned is reversed. */
export const serviceRecordSuperseded = defineEvent(
  SUPERSEDED_EVENT,
  z.object({
    recordId: z.string(),
    replacedBy: z.string().nullable().default(null),
    userId: z.string(),
    minutes: z.number().int().nonnegative(),
    reason: z.string(),
  }),
);

/** A record was returned (by the leader or the community) with a reason. refId: a fresh id per return. */
export const serviceRecordReturned = defineEvent(
  'service_record.returned',
  z.object({
    recordId: z.string(),
    userId: z.string(),
    activityTitle: z.string(),
    minutes: z.number().int().nonnegative(),
    reason: z.string(),
  }),
);

/** The leader confirmed a record: it now waits for the community's acceptance. refId: the record id. */
export const serviceRecordConfirmed = defineEvent(
  'service_record.confirmed',
  z.object({
    recordId: z.string(),
    activityId: z.string().nullable(),
    activityTitle: z.string(),
    communityId: z.string(),
  }),
);
