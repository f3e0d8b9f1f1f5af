// The events the needs module publishes: the contract other modules (matching, notifications) consume. The producer
// owns the schema; consumers parse through it.
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/** A resident raised a need (or staff recorded one on their behalf). refId: the need's id. */
export const needSubmitted = defineEvent(
  'need.submitted',
  z.object({
    needId: z.string(),
    communityId: z.string(),
    category: z.string(),
    urgency: z.enum(['normal', 'urgent', 'critical']),
    title: z.string(),
  }),
);

/** A need moved from one state to another. refId: `${needId}:${version}` (the version after the change). */
export const needStatusChanged = defineEvent(
  'need.status_changed',
  z.object({
    needId: z.string(),
    requesterUserId: z.string(),
    from: z.string(),
    to: z.string(),
    reason: z.string().nullable(),
  }),
);
