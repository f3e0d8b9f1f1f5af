// The events the care registry publishes (the notifications consumer may tell the visitors and the community).
import { z } from 'zod';
import { defineEvent } from '../../platform/events.js';

/**
 * A subject's alert is yellow (due within 48 h) or red (overdue, or an emergency stands) — once per subject and China
 * day, from the daily job. refId: `${subjectId}:${YYYY-MM-DD}`.
 */
export const careAlert = defineEvent(
  'care.alert',
  z.object({
    subjectId: z.string(),
    communityId: z.string(),
    nodeId: z.string(),
    /** The subject's assigned visitors (they hear of it as well as the staff over the subject). */
    visitorIds: z.array(z.string()),
    alert: z.enum(['red', 'yellow']),
    emergency: z.boolean(),
    daysOverdue: z.number().int(),
    /** Masked (张*华): notices never carry the full name. */
    nameMasked: z.string(),
    at: z.string(),
  }),
);
