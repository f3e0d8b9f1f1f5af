// The events the activities module publishes: what people signed up for should hear about. The producer owns the
// schema; consumers (notifications) parse through it.
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/** An activity was cancelled; userIds are everyone who was signed up (confirmed or waitlisted). refId: activity id. */
export const activityCancelled = defineEvent(
  'activity.cancelled',
  z.object({
    activityId: z.string(),
    title: z.string(),
    startsAt: z.string(),
    reason: z.string(),
    userIds: z.array(z.string()),
  }),
);

/**
 * An activity's time or place changed; userIds are everyone signed up. refId: activity id + a change counter.
 * (Activities cannot be edited after publishing yet; the contract is here for the edit use case.)
 */
export const activityChanged = defineEvent(
  'activity.changed',
  z.object({
    activityId: z.string(),
    title: z.string(),
    startsAt: z.string(),
    address: z.string(),
    userIds: z.array(z.string()),
  }),
);

/** A waitlisted person got a freed place. refId: the sign-up id (a sign-up is promoted at most once). */
export const signupPromoted = defineEvent(
  'signup.promoted',
  z.object({ activityId: z.string(), title: z.string(), startsAt: z.string(), userId: z.string() }),
);
