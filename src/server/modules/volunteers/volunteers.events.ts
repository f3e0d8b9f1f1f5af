// The events the volunteers module publishes (applications, reviews, team join decisions): the contract other
// modules (notifications) consume. The producer owns the schema; consumers parse through it.
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/** A resident applied (or applied again) to volunteer in a community. refId: a fresh id per application. */
export const volunteerApplied = defineEvent(
  'volunteer.applied',
  z.object({ volunteerId: z.string(), userId: z.string(), communityId: z.string() }),
);

/** The community approved or rejected an application. refId: a fresh id per decision. */
export const volunteerReviewed = defineEvent(
  'volunteer.reviewed',
  z.object({
    volunteerId: z.string(),
    userId: z.string(),
    communityId: z.string(),
    decision: z.enum(['approve', 'reject']),
    reason: z.string().nullable(),
    volunteerNo: z.string().nullable(),
  }),
);

/** A team's leader (or the community) decided a join request. refId: a fresh id per decision. */
export const teamJoinReviewed = defineEvent(
  'team.join_reviewed',
  z.object({
    teamId: z.string(),
    teamName: z.string(),
    userId: z.string(),
    decision: z.enum(['approve', 'reject']),
    reason: z.string().nullable(),
  }),
);
