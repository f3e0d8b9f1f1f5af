// The events the mall publishes about merchants joining the alliance: the contract notifications consume.
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/** Someone applied to join the merchant alliance (the community reviews it). refId: the merchant id. */
export const merchantApplied = defineEvent(
  'merchant.applied',
  z.object({ merchantId: z.string(), name: z.string(), communityId: z.string() }),
);

/** The community approved or rejected an application, or the street filed (备案) the merchant. refId: fresh id. */
export const merchantReviewed = defineEvent(
  'merchant.reviewed',
  z.object({
    merchantId: z.string(),
    name: z.string(),
    applicantUserId: z.string(),
    action: z.enum(['approve', 'reject', 'file']),
    reason: z.string().nullable(),
  }),
);
