// The events grid reports publish: the contract other modules (notifications) consume. The producer owns the schema;
// consumers parse through it.
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/** A report was submitted. refId: the report's id. Staff of its grid (else community) hear of it. */
export const reportSubmitted = defineEvent(
  'report.submitted',
  z.object({
    reportId: z.string(),
    communityId: z.string(),
    gridId: z.string().nullable(),
    category: z.string(),
    categoryName: z.string(),
  }),
);

/**
 * A report moved from one state to another. refId: `${reportId}:${version}` (the version after the change). The
 * reporter hears of steps others took; the assignee of an assignment; supporters of the outcome.
 */
export const reportStatusChanged = defineEvent(
  'report.status_changed',
  z.object({
    reportId: z.string(),
    reporterUserId: z.string(),
    actorUserId: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    categoryName: z.string(),
    assigneeUserId: z.string().nullable(),
    supporterUserIds: z.array(z.string()),
    note: z.string().nullable(),
    rewardPoints: z.number().int().nullable(),
  }),
);

/**
 * An overdue report went up a level (grid → community → street). refId: `${reportId}:${level}`. The staff at the new
 * level (the community's, the street's) hear of it.
 */
export const reportEscalated = defineEvent(
  'report.escalated',
  z.object({
    reportId: z.string(),
    level: z.enum(['community', 'street']),
    /** The node of the new level: the community, or the street above it. */
    nodeId: z.string(),
    categoryName: z.string(),
  }),
);
