// The events mediation publishes (the notifications consumer tells parties, mediators and the lead). Payloads carry
// ids only: no names, no descriptions, nothing of the dispute.
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/** A case was opened. refId: the case id. */
export const mediationCaseOpened = defineEvent(
  'mediation.case_opened',
  z.object({ caseId: z.string(), communityId: z.string() }),
);

/** Mediators were assigned (or changed). refId: `${caseId}:${version}` (the case's version after the change). */
export const mediationMediatorsAssigned = defineEvent(
  'mediation.mediators_assigned',
  z.object({
    caseId: z.string(),
    /** Newly assigned mediators: told they have a case. */
    addedUserIds: z.array(z.string()),
    /** The parties with an account: told mediators are assigned (the first assignment only). */
    partyUserIds: z.array(z.string()),
  }),
);

/** A message in a party's thread. refId: the message id. */
export const mediationMessagePosted = defineEvent(
  'mediation.message_posted',
  z.object({
    caseId: z.string(),
    toUserIds: z.array(z.string()),
    /** Whom it is for: the case's mediators (a party wrote) or a party (a mediator answered). */
    toRole: z.enum(['party', 'mediator']),
  }),
);

/** A case closed with an outcome, or was withdrawn. refId: the case id. */
export const mediationCaseClosed = defineEvent(
  'mediation.case_closed',
  z.object({
    caseId: z.string(),
    status: z.string(),
    /** Parties with an account, and the mediators, except whoever closed it. */
    partyUserIds: z.array(z.string()),
    mediatorUserIds: z.array(z.string()),
  }),
);
