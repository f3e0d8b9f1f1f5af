// The events matching publishes (the notifications module consumes them): a volunteer was invited to help with a
// need, and an invitation was answered. The producer owns the schemas; consumers parse through them.
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/** A volunteer was invited to a need. refId: the invitation's id. */
export const needInvited = defineEvent(
  'need.invited',
  z.object({
    invitationId: z.string(),
    needId: z.string(),
    userId: z.string(),
    title: z.string(),
  }),
);

/** A volunteer answered an invitation: declined, accepted and got the task, or accepted too late. refId: its id. */
export const invitationAnswered = defineEvent(
  'need.invitation_answered',
  z.object({
    invitationId: z.string(),
    needId: z.string(),
    userId: z.string(),
    accepted: z.boolean(),
    gotTask: z.boolean(),
  }),
);
