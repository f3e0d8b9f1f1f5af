// The events the projects module publishes (the notifications consumer may tell people): a claim was reviewed.
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/** The community approved or rejected a partner unit's claim. refId: the claim's id (decided once). */
export const projectClaimReviewed = defineEvent(
  'project.claim_reviewed',
  z.object({
    claimId: z.string(),
    projectId: z.string(),
    projectTitle: z.string(),
    partnerUnitName: z.string(),
    /** The contact who claimed: the person to tell. */
    claimantUserId: z.string(),
    approved: z.boolean(),
    reason: z.string().nullable(),
  }),
);
